/**
 * Forming rings (moderators and administrators): method, number and size of rings, indicators and
 * weights, constraints; the server's proposal with its quality in plain words; comparison with
 * today's rings; saving it as a model; moving members by hand with the quality change shown before
 * the move is saved; and making the model the rings from a day (after a confirmation dialog).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import type { z } from 'zod'
import type { ringListSchema } from '../../../../src/contracts/organisations'
import type {
  ApplyPeerModelResultDto,
  FormPeerGroupsRequest,
  PeerModelDto,
  PeerMovePreviewDto,
  PeerProposalDto,
} from '../../../../src/contracts/peers'
import type { IndicatorDto } from '../../../../src/contracts/indicators'
import {
  applyPeerModel,
  movePeerMembers,
  previewPeerMoves,
  proposePeerGroups,
  savePeerModel,
} from '../../api/rings-api'
import { useI18n } from '../../i18n/i18n'
import { formatDate, formatNumber } from '../../i18n/translate'
import { DataTable } from '../data-table'
import { ErrorView, Loading } from '../state-views'
import { QualitySentences, SpreadTable } from './quality-view'

type Method = 'rings' | 'ward' | 'kmeans'
type RingListDto = z.infer<typeof ringListSchema>
type Task<T> =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; data: T } | { kind: 'failed'; error: unknown }

export interface FormingResult {
  proposal: PeerProposalDto | null
  model: PeerModelDto | null
}

/** Lines "a, b" into pairs; returns the pairs or the number of the first line that is not a pair. */
export function parsePairs(text: string): { pairs: [string, string][] } | { badLine: number } {
  const pairs: [string, string][] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const parts = line.split(/[,;\s]+/).filter(Boolean)
    if (parts.length !== 2) return { badLine: i + 1 }
    pairs.push([parts[0]!, parts[1]!])
  }
  return { pairs }
}

/** Lines "key = ring number" into pins. */
export function parsePins(text: string): { pins: { org: string; ring: number }[] } | { badLine: number } {
  const pins: { org: string; ring: number }[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const match = /^\s*([^\s=,;]+)\s*[=,;\s]\s*(\d+)\s*$/.exec(line)
    if (!match) return { badLine: i + 1 }
    pins.push({ org: match[1]!, ring: Number(match[2]) })
  }
  return { pins }
}

/** The first day of next month, as YYYY-MM-DD. */
function firstOfNextMonth(today = new Date()): string {
  const next = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1))
  return next.toISOString().slice(0, 10)
}

function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

export function RingForming({
  indicators,
  currentRings,
  onResult,
}: {
  indicators: IndicatorDto[]
  currentRings: RingListDto
  onResult: (result: FormingResult) => void
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const contextIndicators = useMemo(() => indicators.filter((i) => i.kind === 'context'), [indicators])
  const [method, setMethod] = useState<Method>('rings')
  const [k, setK] = useState('10')
  const [minSize, setMinSize] = useState('9')
  const [maxSize, setMaxSize] = useState('12')
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(contextIndicators.filter((i) => i.code !== 'gdp_per_inhabitant').map((i) => i.code)),
  )
  const [weighting, setWeighting] = useState<'manual' | 'regression'>('manual')
  const [weights, setWeights] = useState<Record<string, string>>({})
  const [land, setLand] = useState<'' | 'spread' | 'group'>('')
  const [together, setTogether] = useState('')
  const [apart, setApart] = useState('')
  const [pinned, setPinned] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const [proposal, setProposal] = useState<
    Task<{ request: FormPeerGroupsRequest; proposal: PeerProposalDto }>
  >({
    kind: 'idle',
  })
  const [model, setModel] = useState<PeerModelDto | null>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    onResult({ proposal: proposal.kind === 'done' ? proposal.data.proposal : null, model })
  }, [proposal, model, onResult])

  const buildRequest = (): FormPeerGroupsRequest | string => {
    const count = Number(k)
    if (!Number.isInteger(count) || count < 1) return t('forming.error.k')
    if (chosen.size === 0) return t('forming.error.indicators')
    const request: FormPeerGroupsRequest = {
      method,
      k: count,
      indicators: contextIndicators.filter((i) => chosen.has(i.code)).map((i) => i.code),
      weighting,
    }
    if (weighting === 'manual') {
      const parsed: Record<string, number> = {}
      for (const code of request.indicators ?? []) {
        const text = (weights[code] ?? '1').replace(',', '.')
        const value = Number(text)
        if (!Number.isFinite(value) || value < 0) return t('forming.error.weight', { code })
        parsed[code] = value
      }
      request.weights = parsed
    }
    if (method === 'rings') {
      const min = minSize.trim() ? Number(minSize) : undefined
      const max = maxSize.trim() ? Number(maxSize) : undefined
      if (min !== undefined && (!Number.isInteger(min) || min < 1)) return t('forming.error.size')
      if (max !== undefined && (!Number.isInteger(max) || max < 1)) return t('forming.error.size')
      request.minSize = min
      request.maxSize = max
      if (land) request.land = land
      const togetherPairs = parsePairs(together)
      if ('badLine' in togetherPairs)
        return t('forming.error.pair', { field: t('forming.together'), line: togetherPairs.badLine })
      const apartPairs = parsePairs(apart)
      if ('badLine' in apartPairs)
        return t('forming.error.pair', { field: t('forming.apart'), line: apartPairs.badLine })
      const pins = parsePins(pinned)
      if ('badLine' in pins) return t('forming.error.pin', { line: pins.badLine })
      if (togetherPairs.pairs.length > 0) request.together = togetherPairs.pairs
      if (apartPairs.pairs.length > 0) request.apart = apartPairs.pairs
      if (pins.pins.length > 0) request.pinned = pins.pins
    }
    return request
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request = buildRequest()
    if (typeof request === 'string') {
      setFormError(request)
      return
    }
    setFormError(null)
    setModel(null)
    setProposal({ kind: 'running' })
    try {
      const result = await proposePeerGroups(request)
      setProposal({ kind: 'done', data: { request, proposal: result } })
      requestAnimationFrame(() => resultHeading.current?.focus())
    } catch (error) {
      setProposal({ kind: 'failed', error })
    }
  }

  const isRings = method === 'rings'
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>{t('forming.title')}</h2>
        <p className="hint">{t('forming.intro')}</p>
        <form className="form forming-form" onSubmit={submit} noValidate>
          <fieldset className="choice-group">
            <legend>{t('forming.method')}</legend>
            {(['rings', 'ward', 'kmeans'] as const).map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />
                <span>
                  {t(`forming.method.${m}`)} <span className="muted">{t(`forming.method.${m}.hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="form-row compact">
            <div className="field">
              <label htmlFor={`${id}-k`}>{isRings ? t('forming.kRings') : t('forming.kGroups')}</label>
              <input
                id={`${id}-k`}
                type="number"
                min={1}
                max={104}
                inputMode="numeric"
                value={k}
                onChange={(e) => setK(e.target.value)}
              />
            </div>
            {isRings && (
              <>
                <div className="field">
                  <label htmlFor={`${id}-min`}>{t('forming.minSize')}</label>
                  <input
                    id={`${id}-min`}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    value={minSize}
                    onChange={(e) => setMinSize(e.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-max`}>{t('forming.maxSize')}</label>
                  <input
                    id={`${id}-max`}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    value={maxSize}
                    onChange={(e) => setMaxSize(e.target.value)}
                  />
                </div>
              </>
            )}
          </div>
          <fieldset className="choice-group">
            <legend>{t('forming.weighting')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="weighting"
                checked={weighting === 'manual'}
                onChange={() => setWeighting('manual')}
              />
              <span>{t('forming.weighting.manual')}</span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="weighting"
                checked={weighting === 'regression'}
                onChange={() => setWeighting('regression')}
              />
              <span>
                {t('forming.weighting.regression')}{' '}
                <span className="muted">{t('forming.weighting.regression.hint')}</span>
              </span>
            </label>
          </fieldset>
          <fieldset className="indicator-grid">
            <legend>{t('forming.indicators')}</legend>
            {contextIndicators.map((indicator) => {
              const isChosen = chosen.has(indicator.code)
              const name = locale === 'de' ? indicator.nameDe : indicator.nameEn
              return (
                <div key={indicator.code} className="indicator-choice">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={isChosen}
                      onChange={() =>
                        setChosen((previous) => {
                          const next = new Set(previous)
                          if (next.has(indicator.code)) next.delete(indicator.code)
                          else next.add(indicator.code)
                          return next
                        })
                      }
                    />
                    <span>{name}</span>
                  </label>
                  {weighting === 'manual' && (
                    <label className="weight">
                      <span className="visually-hidden">{t('forming.weightOf', { name })}</span>
                      <span aria-hidden="true">{t('forming.weight')}</span>
                      <input
                        type="number"
                        min={0}
                        step={0.5}
                        value={weights[indicator.code] ?? '1'}
                        disabled={!isChosen}
                        onChange={(e) => setWeights((w) => ({ ...w, [indicator.code]: e.target.value }))}
                      />
                    </label>
                  )}
                </div>
              )
            })}
          </fieldset>
          {isRings && (
            <details className="constraints">
              <summary>{t('forming.constraints')}</summary>
              <div className="form-row">
                <div className="field">
                  <label htmlFor={`${id}-land`}>{t('forming.land')}</label>
                  <select
                    id={`${id}-land`}
                    value={land}
                    onChange={(e) => setLand(e.target.value as '' | 'spread' | 'group')}
                  >
                    <option value="">{t('forming.land.none')}</option>
                    <option value="spread">{t('forming.land.spread')}</option>
                    <option value="group">{t('forming.land.group')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-together`}>{t('forming.together')}</label>
                  <textarea
                    id={`${id}-together`}
                    rows={2}
                    value={together}
                    onChange={(e) => setTogether(e.target.value)}
                    aria-describedby={`${id}-pairs-hint`}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-apart`}>{t('forming.apart')}</label>
                  <textarea
                    id={`${id}-apart`}
                    rows={2}
                    value={apart}
                    onChange={(e) => setApart(e.target.value)}
                    aria-describedby={`${id}-pairs-hint`}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-pinned`}>{t('forming.pinned')}</label>
                  <textarea
                    id={`${id}-pinned`}
                    rows={2}
                    value={pinned}
                    onChange={(e) => setPinned(e.target.value)}
                    aria-describedby={`${id}-pin-hint`}
                  />
                  <p id={`${id}-pin-hint`} className="hint">
                    {t('forming.pinned.hint')}
                  </p>
                </div>
              </div>
              <p id={`${id}-pairs-hint`} className="hint">
                {t('forming.pairs.hint')}
              </p>
            </details>
          )}
          {formError && (
            <p className="field-error" role="alert">
              {formError}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={proposal.kind === 'running'}>
              {t('forming.submit')}
            </button>
          </div>
        </form>
        {proposal.kind === 'running' && <Loading label={t('forming.running')} />}
        {proposal.kind === 'failed' && <ErrorView error={proposal.error} />}
      </section>
      {proposal.kind === 'done' && (
        <ProposalView
          key={model?.id ?? 'proposal'}
          headingRef={resultHeading}
          proposal={model ?? proposal.data.proposal}
          request={proposal.data.request}
          model={model}
          currentRings={currentRings}
          onModel={setModel}
        />
      )}
    </>
  )
}

function ProposalView({
  proposal,
  request,
  model,
  currentRings,
  onModel,
  headingRef,
}: {
  proposal: PeerProposalDto
  request: FormPeerGroupsRequest
  model: PeerModelDto | null
  currentRings: RingListDto
  onModel: (model: PeerModelDto) => void
  headingRef: React.RefObject<HTMLHeadingElement | null>
}) {
  const { t } = useI18n()
  const id = useId()
  const quality = proposal.quality
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {model ? t('forming.modelTitle', { name: model.name }) : t('forming.proposalTitle')}
      </h2>
      <p className="hint">
        {t('forming.basis', {
          groups: proposal.groups.length,
          members: proposal.assignments.length,
          year: proposal.inputs.referenceYear ?? '–',
        })}
      </p>
      {proposal.excluded.length > 0 && (
        <p role="note">
          {t('forming.excluded', {
            names: proposal.excluded.map((e) => `${e.name} (${e.missing.join(', ')})`).join('; '),
          })}
        </p>
      )}
      {proposal.notes.length > 0 && (
        <ul className="notices">
          {proposal.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <h3>{t('forming.quality')}</h3>
      {quality ? <QualitySentences quality={quality} /> : <p>{t('forming.noQuality')}</p>}
      {model === null ? (
        <SaveModel request={request} onModel={onModel} />
      ) : (
        <MoveMember model={model} onModel={onModel} />
      )}
      <GroupCards proposal={proposal} />
      {quality && (
        <details className="spread">
          <summary>{t('forming.spread')}</summary>
          <SpreadTable quality={quality} inputs={proposal.inputs} />
        </details>
      )}
      <CompareWithCurrent proposal={proposal} currentRings={currentRings} />
      {model !== null && model.method === 'rings' && <ApplyModel model={model} />}
    </section>
  )
}

function SaveModel({
  request,
  onModel,
}: {
  request: FormPeerGroupsRequest
  onModel: (m: PeerModelDto) => void
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const [name, setName] = useState(() =>
    t('forming.defaultName', { date: formatDate(locale, new Date().toISOString().slice(0, 10)) }),
  )
  const [task, setTask] = useState<Task<null>>({ kind: 'idle' })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setTask({ kind: 'running' })
    try {
      onModel(await savePeerModel({ ...request, name: name.trim() || 'Modell' }))
    } catch (error) {
      setTask({ kind: 'failed', error })
    }
  }
  return (
    <form className="toolbar save-model" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('forming.modelName')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
        />
      </div>
      <button type="submit" className="button primary" disabled={task.kind === 'running'}>
        {t('forming.save')}
      </button>
      <p className="hint">{t('forming.save.hint')}</p>
      {task.kind === 'failed' && <ErrorView error={task.error} />}
    </form>
  )
}

function GroupCards({ proposal }: { proposal: PeerProposalDto }) {
  const { t } = useI18n()
  return (
    <>
      <h3>{t('forming.groups')}</h3>
      <ul className="card-grid rings proposal-groups">
        {proposal.groups.map((group) => (
          <li key={group.code} className="card">
            <h4 className="card-title">
              <code className="code-tag">{group.code}</code> {group.name}
            </h4>
            <p className="muted">{t('rings.members', { count: group.size })}</p>
            <ul className="member-list small">
              {group.members.map((m) => (
                <li key={m.organisationId}>{m.name}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  )
}

/** Who would move where: each new group is matched (one to one, largest overlap first) with a ring of today. */
export function compareWithRings(
  assignments: readonly { organisationId: number; name: string; group: string }[],
  rings: readonly { code: string; name: string; members: readonly { organisationId: number }[] }[],
) {
  const ringOf = new Map<number, string>()
  for (const ring of rings) for (const m of ring.members) ringOf.set(m.organisationId, ring.code)
  const overlap = new Map<string, number>()
  for (const a of assignments) {
    const ring = ringOf.get(a.organisationId)
    if (ring) overlap.set(`${a.group}|${ring}`, (overlap.get(`${a.group}|${ring}`) ?? 0) + 1)
  }
  const pairs = [...overlap.entries()].map(([key, count]) => ({
    group: key.split('|')[0]!,
    ring: key.split('|')[1]!,
    count,
  }))
  pairs.sort((a, b) => b.count - a.count || a.group.localeCompare(b.group))
  const matchOf = new Map<string, string>()
  const usedRings = new Set<string>()
  for (const p of pairs) {
    if (matchOf.has(p.group) || usedRings.has(p.ring)) continue
    matchOf.set(p.group, p.ring)
    usedRings.add(p.ring)
  }
  const moves = assignments
    .filter((a) => ringOf.get(a.organisationId) !== matchOf.get(a.group))
    .map((a) => ({ ...a, from: ringOf.get(a.organisationId) ?? null, matched: matchOf.get(a.group) ?? null }))
  return { matchOf, moves, compared: assignments.filter((a) => ringOf.has(a.organisationId)).length }
}

function CompareWithCurrent({
  proposal,
  currentRings,
}: {
  proposal: PeerProposalDto
  currentRings: RingListDto
}) {
  const { t } = useI18n()
  const { moves, compared } = useMemo(
    () => compareWithRings(proposal.assignments, currentRings.rings),
    [proposal, currentRings],
  )
  const ringName = (code: string | null) =>
    code === null ? t('forming.noRingToday') : (currentRings.rings.find((r) => r.code === code)?.name ?? code)
  if (currentRings.rings.every((r) => r.members.length === 0)) return null
  return (
    <details className="compare-current">
      <summary>{t('forming.compare', { moved: moves.length, total: compared })}</summary>
      <p className="hint">{t('forming.compare.hint')}</p>
      <DataTable
        caption={t('forming.compareCaption')}
        columns={[
          { key: 'name', header: t('map.organisation') },
          { key: 'from', header: t('forming.today') },
          { key: 'to', header: t('forming.new') },
        ]}
        rows={moves.map((m) => ({
          name: m.name,
          from: ringName(m.from),
          to: `${m.group}${m.matched ? ` (${t('forming.mostlyFrom', { ring: ringName(m.matched) })})` : ''}`,
        }))}
      />
    </details>
  )
}

function MoveMember({ model, onModel }: { model: PeerModelDto; onModel: (m: PeerModelDto) => void }) {
  const { t, locale } = useI18n()
  const id = useId()
  const [organisation, setOrganisation] = useState('')
  const [target, setTarget] = useState('')
  const [preview, setPreview] = useState<Task<PeerMovePreviewDto>>({ kind: 'idle' })
  const [saved, setSaved] = useState<Task<null>>({ kind: 'idle' })
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const groupOf = new Map(model.assignments.map((a) => [String(a.organisationId), a.group]))
  const request = { moves: [{ org: organisation, toGroup: target }] }
  const n = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatNumber(locale, value, 3)

  const check = async (event: FormEvent) => {
    event.preventDefault()
    if (!organisation || !target) return
    setSaved({ kind: 'idle' })
    setPreview({ kind: 'running' })
    try {
      setPreview({ kind: 'done', data: await previewPeerMoves(model.id, request) })
      requestAnimationFrame(() => previewHeading.current?.focus())
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
  const p = preview.kind === 'done' ? preview.data : null
  return (
    <div className="move-member">
      <h3>{t('forming.move')}</h3>
      {model.moves.length > 0 && (
        <p role="status">
          {t('forming.movesDone', {
            moves: model.moves.map((m) => `${m.name}: ${m.from ?? '–'} → ${m.to}`).join('; '),
          })}
        </p>
      )}
      <form className="toolbar" onSubmit={check}>
        <div className="field">
          <label htmlFor={`${id}-org`}>{t('forming.moveWho')}</label>
          <select id={`${id}-org`} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
            <option value="">{t('forming.choose')}</option>
            {model.groups.map((g) => (
              <optgroup key={g.code} label={`${g.code} ${g.name} (${t('rings.members', { count: g.size })})`}>
                {g.members.map((m) => (
                  <option key={m.organisationId} value={String(m.organisationId)}>
                    {m.name} ({g.code})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('forming.moveTo')}</label>
          <select id={`${id}-to`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('forming.choose')}</option>
            {model.groups
              .filter((g) => g.code !== groupOf.get(organisation))
              .map((g) => (
                <option key={g.code} value={g.code}>
                  {g.code} {g.name} ({t('rings.members', { count: g.size })})
                </option>
              ))}
          </select>
        </div>
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
      {p && (
        <div className="move-preview" aria-labelledby={`${id}-preview`} role="group">
          <h4 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
            {t('forming.previewTitle', {
              moves: p.moves.map((m) => `${m.name}: ${m.from ?? '–'} → ${m.to}`).join('; '),
            })}
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
                <td className="numeric">{n(p.before?.rSquared)}</td>
                <td className="numeric">{n(p.after?.rSquared)}</td>
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
                  <li key={i}>{v}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() => void save()}
              disabled={p.violations.length > 0 || saved.kind === 'running'}
            >
              {t('forming.saveMove')}
            </button>
            <button type="button" className="button secondary" onClick={() => setPreview({ kind: 'idle' })}>
              {t('forming.discardMove')}
            </button>
          </div>
          {saved.kind === 'failed' && <ErrorView error={saved.error} />}
        </div>
      )}
    </div>
  )
}

function describeChange(
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
  p: PeerMovePreviewDto,
): string {
  if (!p.before || !p.after) return ''
  const delta = p.after.rSquared - p.before.rSquared
  if (Math.abs(delta) < 0.0005) return t('forming.change.same')
  return delta > 0
    ? t('forming.change.better', { points: formatNumber(locale, delta * 100, 1) })
    : t('forming.change.worse', { points: formatNumber(locale, -delta * 100, 1) })
}

function ApplyModel({ model }: { model: PeerModelDto }) {
  const { t, locale } = useI18n()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [validFrom, setValidFrom] = useState(firstOfNextMonth)
  const [task, setTask] = useState<Task<ApplyPeerModelResultDto>>({ kind: 'idle' })
  const resultRef = useRef<HTMLHeadingElement>(null)
  const isValidDate = /^\d{4}-\d{2}-\d{2}$/.test(validFrom)
  const confirm = async () => {
    dialog.current?.close()
    setTask({ kind: 'running' })
    try {
      setTask({ kind: 'done', data: await applyPeerModel(model.id, validFrom) })
      requestAnimationFrame(() => resultRef.current?.focus())
    } catch (error) {
      setTask({ kind: 'failed', error })
    }
  }
  return (
    <div className="apply-model">
      <h3>{t('forming.apply')}</h3>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('forming.validFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="button primary"
          disabled={!isValidDate || task.kind === 'running'}
          onClick={() => dialog.current?.showModal()}
        >
          {t('forming.applyButton')}
        </button>
      </div>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-dialog-title`}
        aria-describedby={`${id}-dialog-text`}
      >
        <h2 id={`${id}-dialog-title`}>{t('forming.confirmTitle')}</h2>
        <p id={`${id}-dialog-text`}>
          {isValidDate &&
            t('forming.confirmText', {
              name: model.name,
              count: model.groups.length,
              date: formatDate(locale, validFrom),
              end: formatDate(locale, dayBefore(validFrom)),
            })}
        </p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void confirm()}>
            {t('forming.confirm')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => dialog.current?.close()}
            autoFocus
          >
            {t('forming.cancel')}
          </button>
        </div>
      </dialog>
      {task.kind === 'running' && <Loading />}
      {task.kind === 'failed' && <ErrorView error={task.error} />}
      {task.kind === 'done' && (
        <div className="result is-ok">
          <h4 ref={resultRef} tabIndex={-1}>
            {t('forming.applied', {
              count: task.data.rings.length,
              date: formatDate(locale, task.data.validFrom),
            })}
          </h4>
          <p role="status">
            {t('forming.appliedDetails', {
              ended: task.data.endedMemberships,
              newRings: task.data.rings.filter((r) => r.isNew).length,
            })}
          </p>
          {task.data.withoutRing.length > 0 && (
            <p>{t('forming.withoutRing', { names: task.data.withoutRing.map((m) => m.name).join(', ') })}</p>
          )}
        </div>
      )}
    </div>
  )
}
