/**
 * A proposal (or a saved model): its basis, quality in plain words, groups, spread, how it differs
 * from today's rings; saving it as a model, then moving members and applying it.
 */
import { useId, useState, type FormEvent } from 'react'
import type { FormPeerGroupsRequest, PeerModelDto, PeerProposalDto } from '../../../../src/contracts/peers'
import { ServerText } from '../../i18n/server-texts'
import { isoDate } from '../../../../src/core/periods/dates'
import { savePeerModel } from '../../api/rings-api'
import { useI18n } from '../../i18n/i18n'
import { formatDate } from '../../i18n/translate'
import { TextField } from '../form-field'
import { ErrorView } from '../state-views'
import { ApplyModel } from './apply-model'
import { CompareWithCurrent } from './compare-with-current'
import type { RingListDto, Task } from './forming-task'
import { MoveMember } from './move-member'
import { QualitySentences, SpreadTable } from './quality-view'

export function ProposalView({
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
            <li key={i}>
              <ServerText sent={{ ...note, key: note.messageKey }} />
            </li>
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
  const [name, setName] = useState(() =>
    t('forming.defaultName', { date: formatDate(locale, isoDate(new Date())) }),
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
      <TextField label={t('forming.modelName')} value={name} onChange={setName} maxLength={200} />
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
