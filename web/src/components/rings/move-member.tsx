/** Moving members of a saved model by hand: the quality before and after is shown before the move is saved. */
import { useId, useRef, useState, type FormEvent } from 'react'
import type { PeerModelDto, PeerMovePreviewDto } from '../../../../src/contracts/peers'
import { ServerText } from '../../i18n/server-texts'
import { movePeerMembers, previewPeerMoves } from '../../api/rings-api'
import { useI18n, type I18n } from '../../i18n/i18n'
import { formatNumber, formatPercent, type Locale } from '../../i18n/translate'
import { SelectField } from '../form-field'
import { ErrorView, Loading } from '../state-views'
import type { Task } from './forming-task'
import { useFocusOnResult } from '../focus-on-result'

const describeMoves = (moves: readonly { name: string; from: string | null; to: string }[]) =>
  moves.map((m) => `${m.name}: ${m.from ?? '–'} → ${m.to}`).join('; ')

export function MoveMember({ model, onModel }: { model: PeerModelDto; onModel: (m: PeerModelDto) => void }) {
  const { t } = useI18n()
  const [organisation, setOrganisation] = useState('')
  const [target, setTarget] = useState('')
  const [preview, setPreview] = useState<Task<PeerMovePreviewDto>>({ kind: 'idle' })
  const [saved, setSaved] = useState<Task<null>>({ kind: 'idle' })
  const previewHeading = useRef<HTMLHeadingElement>(null)
  useFocusOnResult(previewHeading, preview.kind === 'done' ? preview.data : null)
  const groupOf = new Map(model.assignments.map((a) => [String(a.organisationId), a.group]))
  const request = { moves: [{ org: organisation, toGroup: target }] }
  const groupLabel = (g: PeerModelDto['groups'][number]) =>
    `${g.code} ${g.name} (${t('rings.members', { count: g.size })})`

  const check = async (event: FormEvent) => {
    event.preventDefault()
    if (!organisation || !target) return
    setSaved({ kind: 'idle' })
    setPreview({ kind: 'running' })
    try {
      setPreview({ kind: 'done', data: await previewPeerMoves(model.id, request) })
    } catch (error) {
      setPreview({ kind: 'failed', error })
    }
  }
  const save = async () => {
    setSaved({ kind: 'running' })
    try {
      onModel(await movePeerMembers(model.id, request))
    } catch (error) {
      setSaved({ kind: 'failed', error })
    }
  }
  return (
    <div className="move-member">
      <h3>{t('forming.move')}</h3>
      {model.moves.length > 0 && (
        <p role="status">{t('forming.movesDone', { moves: describeMoves(model.moves) })}</p>
      )}
      <form className="toolbar" onSubmit={check}>
        <SelectField label={t('forming.moveWho')} value={organisation} onChange={setOrganisation}>
          <option value="">{t('forming.choose')}</option>
          {model.groups.map((g) => (
            <optgroup key={g.code} label={groupLabel(g)}>
              {g.members.map((m) => (
                <option key={m.organisationId} value={String(m.organisationId)}>
                  {m.name} ({g.code})
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField label={t('forming.moveTo')} value={target} onChange={setTarget}>
          <option value="">{t('forming.choose')}</option>
          {model.groups
            .filter((g) => g.code !== groupOf.get(organisation))
            .map((g) => (
              <option key={g.code} value={g.code}>
                {groupLabel(g)}
              </option>
            ))}
        </SelectField>
        <button
          type="submit"
          className="button secondary"
          disabled={!organisation || !target || preview.kind === 'running'}
        >
          {t('forming.preview')}
        </button>
      </form>
      {preview.kind === 'running' && <Loading />}
      {preview.kind === 'failed' && <ErrorView error={preview.error} />}
      {preview.kind === 'done' && (
        <MovePreview
          preview={preview.data}
          headingRef={previewHeading}
          isSaving={saved.kind === 'running'}
          onSave={() => void save()}
          onDiscard={() => setPreview({ kind: 'idle' })}
        >
          {saved.kind === 'failed' && <ErrorView error={saved.error} />}
        </MovePreview>
      )}
    </div>
  )
}

function MovePreview({
  preview: p,
  headingRef,
  isSaving,
  onSave,
  onDiscard,
  children,
}: {
  preview: PeerMovePreviewDto
  headingRef: React.RefObject<HTMLHeadingElement | null>
  isSaving: boolean
  onSave: () => void
  onDiscard: () => void
  children: React.ReactNode
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const n = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatNumber(locale, value, 3)
  // R² as a share in percent, as everywhere else (its change below is in points).
  const percent = (share: number | null | undefined) =>
    share === null || share === undefined ? '–' : formatPercent(locale, share * 100, 1)
  return (
    <div className="move-preview" aria-labelledby={`${id}-preview`} role="group">
      <h4 id={`${id}-preview`} ref={headingRef} tabIndex={-1}>
        {t('forming.previewTitle', { moves: describeMoves(p.moves) })}
      </h4>
      <table className="data-table compact">
        <caption className="visually-hidden">{t('forming.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forming.measure')}</th>
            <th scope="col">{t('forming.before')}</th>
            <th scope="col">{t('forming.after')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('forming.rSquaredLabel').replace(/:$/, '')}</th>
            <td className="numeric">{percent(p.before?.rSquared)}</td>
            <td className="numeric">{percent(p.after?.rSquared)}</td>
          </tr>
          <tr>
            <th scope="row">{t('forming.silhouetteLabel').replace(/:$/, '')}</th>
            <td className="numeric">{n(p.before?.silhouette)}</td>
            <td className="numeric">{n(p.after?.silhouette)}</td>
          </tr>
          {p.sizes
            .filter((s) => s.before !== s.after)
            .map((s) => (
              <tr key={s.group}>
                <th scope="row">{t('forming.sizeOf', { group: s.group })}</th>
                <td className="numeric">{s.before}</td>
                <td className="numeric">{s.after}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p>{describeChange(t, locale, p)}</p>
      {p.violations.length > 0 && (
        <div role="alert" className="state state-error">
          <p className="state-title">{t('forming.violations')}</p>
          <ul>
            {p.violations.map((v, i) => (
              <li key={i}>
                <ServerText sent={{ ...v, key: v.messageKey }} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={onSave}
          disabled={p.violations.length > 0 || isSaving}
        >
          {t('forming.saveMove')}
        </button>
        <button type="button" className="button secondary" onClick={onDiscard}>
          {t('forming.discardMove')}
        </button>
      </div>
      {children}
    </div>
  )
}

/** The change of R² in points, in words. */
function describeChange(t: I18n['t'], locale: Locale, p: PeerMovePreviewDto): string {
  if (!p.before || !p.after) return ''
  const delta = p.after.rSquared - p.before.rSquared
  if (Math.abs(delta) < 0.0005) return t('forming.change.same')
  return delta > 0
    ? t('forming.change.better', { points: formatNumber(locale, delta * 100, 1) })
    : t('forming.change.worse', { points: formatNumber(locale, -delta * 100, 1) })
}
