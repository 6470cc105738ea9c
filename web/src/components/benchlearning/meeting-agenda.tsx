/**
 * The agenda of a meeting and, for the moderation, the agenda builder: voted topics, data
 * spotlights the platform proposes, open actions from earlier meetings and, once opened, the ring's
 * learning spotlight (Lern-Schlaglicht) become items with one click; items can be added by hand,
 * moved and removed.
 */
import { useState, type FormEvent, type SyntheticEvent } from 'react'
import { spotlightWords } from '../../../../src/core/benchlearning/spotlight-text'
import type {
  AddAgendaItemRequest,
  AgendaItemDto,
  MeetingDetailDto,
  SpotlightDto,
} from '../../../../src/contracts/meetings'
import type { LearningSpotlightDto } from '../../../../src/contracts/potentials'
import { addAgendaItem, removeAgendaItem, updateAgendaItem, useAgendaProposal } from '../../api/benchlearning'
import { useLearningSpotlight } from '../../api/potentials'
import { useI18n, useTexts } from '../../i18n/i18n'
import { learningTexts } from '../../i18n/learning-texts'
import type { MessageKey } from '../../i18n/messages'
import { formatDate, formatPercent, formatPeriod, pick } from '../../i18n/translate'
import { SourceLabel } from '../figures/source-label'
import { Empty, QueryView } from '../state-views'
import { ActionError, FormSubmit, useAction } from './common'
import { ParticipantSelect } from './participant-options'
import { ActionButton, LabelledOptions, SelectField, TextField, useFormValues } from '../form-field'
import { organisationName } from '../../lib/labels'

type AgendaKind = AgendaItemDto['kind']
const KIND_KEYS: Record<AgendaKind, MessageKey> = {
  key_figure_review: 'agenda.kind.key_figure_review',
  practice_presentation: 'agenda.kind.practice_presentation',
  discussion: 'agenda.kind.discussion',
  input: 'agenda.kind.input',
}
const SOURCE_KEYS: Record<AgendaItemDto['source'], MessageKey> = {
  manual: 'agenda.source.manual',
  topic: 'agenda.source.topic',
  spotlight: 'agenda.source.spotlight',
  open_action: 'agenda.source.open_action',
}

export function AgendaKindLabel({ kind }: { kind: AgendaKind }) {
  const { t } = useI18n()
  return <>{t(KIND_KEYS[kind])}</>
}

export function MeetingAgenda({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const canEdit = meeting.abilities.canEditAgenda === true
  const move = (item: AgendaItemDto, position: number) =>
    void action.run(() => updateAgendaItem(item.id, { position }))
  return (
    <section className="panel" aria-labelledby="agenda-heading">
      <div className="panel-header">
        <h2 id="agenda-heading">{t('agenda.title')}</h2>
        <span className="muted">{t('agenda.total', { minutes: meeting.totalMinutes })}</span>
      </div>
      {meeting.agenda.length === 0 ? (
        <Empty>{t('agenda.empty')}</Empty>
      ) : (
        <ol className="item-list" aria-label={t('agenda.title')}>
          {meeting.agenda.map((item, index) => (
            <li key={item.id}>
              <div className="item-head">
                <h3>
                  {item.position}. {item.title}
                </h3>
                <span className="muted">{t('agenda.minutes', { minutes: item.durationMinutes })}</span>
              </div>
              <p className="item-meta">
                {t(KIND_KEYS[item.kind])} · {t(SOURCE_KEYS[item.source])}
                <SourceLabel source={item.spotlight?.source} />
                {(item.presenter || item.presenterName) &&
                  ` · ${t('agenda.presenter')}: ${[item.presenterName, item.presenter?.name].filter(Boolean).join(', ')}`}
              </p>
              {item.description && <p>{item.description}</p>}
              {canEdit && (
                <div className="button-row">
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={index === 0 || action.isBusy}
                    onClick={() => move(item, item.position - 1)}
                    aria-label={t('agenda.moveUp', { title: item.title })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={index === meeting.agenda.length - 1 || action.isBusy}
                    onClick={() => move(item, item.position + 1)}
                    aria-label={t('agenda.moveDown', { title: item.title })}
                  >
                    ↓
                  </button>
                  <ActionButton
                    action={action}
                    className="button secondary small"
                    task={() => removeAgendaItem(item.id)}
                    aria-label={t('agenda.remove', { title: item.title })}
                  >
                    {t('agenda.removeShort')}
                  </ActionButton>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <ActionError error={action.error} />
      {canEdit && <AgendaBuilder meeting={meeting} />}
    </section>
  )
}

function AgendaBuilder({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  const proposal = useAgendaProposal(meeting.id, locale)
  const action = useAction()
  const add = (item: Partial<AddAgendaItemRequest>) => void action.run(() => addAgendaItem(meeting.id, item))
  const topicIds = new Set(meeting.agenda.map((i) => i.topicId).filter((id) => id !== null))
  const actionIds = new Set(meeting.agenda.map((i) => i.actionItemId).filter((id) => id !== null))
  const spotlightKeys = new Set(
    meeting.agenda.flatMap((i) => (i.spotlight ? [spotlightKey(i.spotlight)] : [])),
  )
  return (
    <div className="stack agenda-builder">
      <h3>{t('agenda.builder')}</h3>
      <p className="hint">{t('agenda.builderIntro')}</p>
      <ActionError error={action.error} />
      <QueryView query={proposal} loadingLabel={t('agenda.loadingProposal')}>
        {(data) => (
          <>
            <section aria-labelledby="builder-topics">
              <h4 id="builder-topics">{t('agenda.voteTopics')}</h4>
              {data.topics.length === 0 ? (
                <Empty>{t('agenda.noTopics')}</Empty>
              ) : (
                <ul className="item-list">
                  {data.topics.map((topic) => (
                    <li key={topic.id}>
                      <div className="item-head">
                        <span>
                          <strong>{topic.title}</strong>{' '}
                          <span className="muted">
                            {t('topics.votesShort', {
                              votes: topic.votes,
                              organisations: topic.organisations,
                            })}
                          </span>
                        </span>
                        <AddButton
                          title={topic.title}
                          isAdded={topicIds.has(topic.id)}
                          isBusy={action.isBusy}
                          onAdd={() =>
                            add({
                              kind: 'discussion',
                              title: topic.title,
                              description: topic.description,
                              durationMinutes: 60,
                              presenterOrganisationId:
                                topic.proposedBy && topic.proposedBy.id > 0 ? topic.proposedBy.id : null,
                              source: 'topic',
                              topicId: topic.id,
                            })
                          }
                        />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="builder-spotlights">
              <h4 id="builder-spotlights">
                {t('agenda.spotlights')}
                {data.dataPeriod && <span className="muted"> ({formatPeriod(locale, data.dataPeriod)})</span>}
              </h4>
              {data.spotlightNotes.map((note) => (
                <p key={note} className="hint">
                  {note}
                </p>
              ))}
              {data.spotlights.length === 0 ? (
                <Empty>{t('agenda.noSpotlights')}</Empty>
              ) : (
                <ul className="item-list">
                  {data.spotlights.map((spotlight) => (
                    <SpotlightOption
                      key={spotlightKey(spotlight)}
                      spotlight={spotlight}
                      isAdded={spotlightKeys.has(spotlightKey(spotlight))}
                      isBusy={action.isBusy}
                      onAdd={() =>
                        add({
                          kind: 'key_figure_review',
                          title: spotlightWords(locale, spotlight).title,
                          description: spotlightWords(locale, spotlight).sentence,
                          durationMinutes: 30,
                          source: 'spotlight',
                          spotlight,
                        })
                      }
                    />
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="builder-actions">
              <h4 id="builder-actions">{t('agenda.openActions')}</h4>
              {data.openActions.length === 0 ? (
                <Empty>{t('agenda.noOpenActions')}</Empty>
              ) : (
                <ul className="item-list">
                  {data.openActions.map((open) => {
                    const suggested = data.suggestedItems.find(
                      (s) => s.source === 'open_action' && s.actionItemId === open.id,
                    )
                    return (
                      <li key={open.id}>
                        <div className="item-head">
                          <span>
                            <strong>{open.title}</strong>{' '}
                            <span className="muted">
                              {[open.ownerOrganisation?.name, open.ownerUser?.name]
                                .filter(Boolean)
                                .join(', ')}
                              {open.dueOn
                                ? ` · ${t('actions.due', { date: formatDate(locale, open.dueOn) })}`
                                : ''}
                            </span>
                          </span>
                          <AddButton
                            title={open.title}
                            isAdded={actionIds.has(open.id)}
                            isBusy={action.isBusy}
                            onAdd={() =>
                              add(
                                suggested ?? {
                                  kind: 'discussion',
                                  title: t('agenda.openActionTitle', { title: open.title }),
                                  durationMinutes: 10,
                                  presenterOrganisationId:
                                    open.ownerOrganisation && open.ownerOrganisation.id > 0
                                      ? open.ownerOrganisation.id
                                      : null,
                                  source: 'open_action',
                                  actionItemId: open.id,
                                },
                              )
                            }
                          />
                        </div>
                      </li>
                    )
                  })}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryView>
      {meeting.ring && <LearningSpotlightBlock meeting={meeting} ringId={meeting.ring.id} />}
      <ManualItem meeting={meeting} />
    </div>
  )
}

interface AddProps {
  isAdded: boolean
  isBusy: boolean
  onAdd: () => void
}

/** "Add" for a proposed item; "added" once the agenda holds it. */
function AddButton({ title, isAdded, isBusy, onAdd }: AddProps & { title: string }) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      className="button secondary small"
      disabled={isBusy || isAdded}
      onClick={onAdd}
      aria-label={t(isAdded ? 'agenda.addedNamed' : 'agenda.addNamed', { title })}
    >
      {isAdded ? t('agenda.added') : t('agenda.add')}
    </button>
  )
}

/** One spotlight on the agenda once: the same kind, figure, organisation and month. */
function spotlightKey(s: SpotlightDto): string {
  return [s.kind, s.figureCode, s.organisation.id, s.period].join('|')
}

function SpotlightOption({ spotlight, ...add }: AddProps & { spotlight: SpotlightDto }) {
  const { locale } = useI18n()
  const { title, sentence } = spotlightWords(locale, spotlight)
  return (
    <li>
      <div className="item-head">
        <strong>{title}</strong>
        <AddButton title={title} {...add} />
      </div>
      <p className="item-meta">
        {sentence}
        <SourceLabel source={spotlight.source} />
      </p>
    </li>
  )
}

/**
 * The learning spotlight as a building block: computed (and its texts fetched) only when the
 * moderator opens it, not on every agenda view. The server leaves out members the caller may not
 * see by name, so everything shown here may be shown.
 */
function LearningSpotlightBlock({ meeting, ringId }: { meeting: MeetingDetailDto; ringId: number }) {
  const { t } = useI18n()
  const [isOpen, setIsOpen] = useState(false)
  const toggle = (event: SyntheticEvent<HTMLDetailsElement>) => setIsOpen(event.currentTarget.open)
  return (
    <details className="agenda-learning" onToggle={toggle}>
      <summary>
        <strong>{t('agenda.learning')}</strong>
      </summary>
      <p className="hint">{t('agenda.learningIntro')}</p>
      {isOpen && <LearningSpotlightOptions meeting={meeting} ringId={ringId} />}
    </details>
  )
}

function LearningSpotlightOptions({ meeting, ringId }: { meeting: MeetingDetailDto; ringId: number }) {
  useTexts(learningTexts)
  const { t, locale } = useI18n()
  const spotlight = useLearningSpotlight(ringId)
  const action = useAction()
  const titles = new Set(meeting.agenda.map((i) => i.title))
  const toItem = (item: LearningSpotlightDto['items'][number]): Partial<AddAgendaItemRequest> => {
    const p = item.potential
    const figure = `${p.figure.code} ${pick(locale, { de: p.figure.nameDe, en: p.figure.nameEn })}`
    const practices = p.evidence.map(
      (e) => `„${e.practice.title}“ (${organisationName(locale, e.practice.organisation)})`,
    )
    return {
      kind: 'discussion',
      title: t('agenda.learningTitle', { organisation: item.organisation.name, figure }).slice(0, 200),
      description: t('agenda.learningDescription', {
        tier: t(`learning.tier.${p.tier}` as MessageKey),
        actual: formatPercent(locale, p.actual),
        practices: practices.length > 0 ? practices.join(', ') : t('agenda.learningNoPractices'),
      }),
      durationMinutes: 30,
      presenterOrganisationId: item.organisation.id,
      source: 'manual',
    }
  }
  return (
    <>
      <ActionError error={action.error} />
      <QueryView query={spotlight} loadingLabel={t('agenda.learningLoading')}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('agenda.noLearning')}</Empty>
          ) : (
            <ul className="item-list" aria-label={t('agenda.learning')}>
              {data.items.map((item) => {
                const proposed = toItem(item)
                const title = proposed.title ?? ''
                return (
                  <li key={item.organisation.id}>
                    <div className="item-head">
                      <strong>{title}</strong>
                      <AddButton
                        title={title}
                        isAdded={titles.has(title)}
                        isBusy={action.isBusy}
                        onAdd={() => void action.run(() => addAgendaItem(meeting.id, proposed))}
                      />
                    </div>
                    <p className="item-meta">{proposed.description}</p>
                  </li>
                )
              })}
            </ul>
          )
        }
      </QueryView>
    </>
  )
}

function ManualItem({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const form = useFormValues({ kind: 'discussion', title: '', presenter: '', duration: '30' })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { kind, title, presenter, duration } = form.values
    const isDone = await action.run(() =>
      addAgendaItem(meeting.id, {
        kind: kind as AgendaKind,
        title,
        durationMinutes: Number(duration),
        presenterOrganisationId: presenter ? Number(presenter) : null,
        source: 'manual',
      }),
    )
    if (isDone) form.set({ title: '' })
  }
  return (
    <form className="form" onSubmit={submit} aria-labelledby="manual-item-heading">
      <h4 id="manual-item-heading">{t('agenda.manual')}</h4>
      <div className="form-row">
        <TextField id="item-title" label={t('agenda.itemTitle')} required {...form.field('title')} />
        <SelectField id="item-kind" label={t('agenda.kind')} {...form.field('kind')}>
          <LabelledOptions labels={KIND_KEYS} />
        </SelectField>
      </div>
      <div className="form-row">
        <ParticipantSelect
          id="item-presenter"
          label={t('agenda.presenter')}
          {...form.field('presenter')}
          noneLabel={t('agenda.noPresenter')}
          meeting={meeting}
        />
        <TextField
          id="item-duration"
          label={t('agenda.duration')}
          type="number"
          min={5}
          max={600}
          step={5}
          required
          {...form.field('duration')}
        />
      </div>
      <FormSubmit action={action} label={t('agenda.addItem')} buttonClass="button secondary" />
    </form>
  )
}
