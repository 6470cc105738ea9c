import { useState, type FormEvent } from 'react'
import type { TopicDto } from '../../../src/contracts/meetings'
import { proposeTopic, setTopicStatus, useTopics, voteForTopic } from '../api/benchlearning'
import { useSession } from '../api/resources'
import { can } from '../app/access'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import type { NameWarningDto } from '../../../src/contracts/name-warnings'
import { ActionError, FormSubmit, NameWarnings, useAction } from '../components/benchlearning/common'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { RingFilter, RingOptions, useRingChoice } from '../components/ring-filter'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import type { MessageKey } from '../i18n/messages'
import { formatDate } from '../i18n/translate'
import { ServerText } from '../i18n/server-texts'
import {
  LabelledOptions,
  SelectField,
  TextAreaField,
  TextField,
  useFormValues,
} from '../components/form-field'
import { ConfirmedSelect } from '../components/confirmed-select'

const STATUS_KEYS: Record<TopicDto['status'], MessageKey> = {
  open: 'topics.status.open',
  scheduled: 'topics.status.scheduled',
  done: 'topics.status.done',
  rejected: 'topics.status.rejected',
}

/** Themen: members propose topics for their ring (or the network) and vote; the ranking decides. */
export default function TopicsPage({ location }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const session = useSession()
  const { choices: visibleRings, ring: chosen } = useRingChoice(location)
  const ring = chosen ?? ''
  const topics = useTopics(ring || undefined)
  return (
    <Page title={t('topics.title')} intro={t('topics.intro')}>
      {can(session.data, 'proposeTopics') && <ProposeTopic rings={visibleRings} />}
      <div className="toolbar">
        <RingFilter
          id="topics-ring"
          label={t('topics.filterRing')}
          location={location}
          value={ring}
          choices={visibleRings}
          allLabel={t('topics.allRings')}
        />
      </div>
      <QueryView query={topics}>
        {(data) => {
          const open = data.topics.filter((topic) => topic.status === 'open')
          const others = data.topics.filter((topic) => topic.status !== 'open')
          return (
            <>
              <p className="hint">
                <ServerText sent={data.votingRule} />
              </p>
              <TopicList id="open-topics" title={t('topics.open')} topics={open} />
              <TopicList id="other-topics" title={t('topics.others')} topics={others} />
            </>
          )
        }}
      </QueryView>
    </Page>
  )
}

function TopicList({ id, title, topics }: { id: string; title: string; topics: TopicDto[] }) {
  const { t } = useI18n()
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {topics.length === 0 ? (
        <Empty>{t('topics.empty')}</Empty>
      ) : (
        <ol className="item-list">
          {topics.map((topic) => (
            <TopicItem key={topic.id} topic={topic} />
          ))}
        </ol>
      )}
    </section>
  )
}

function TopicItem({ topic }: { topic: TopicDto }) {
  const { t, locale } = useI18n()
  const action = useAction()
  return (
    <li className="topic-row">
      <div className="vote-count" aria-hidden="true">
        {topic.votes}
      </div>
      <div>
        <h3 className="card-title">
          {t('topics.rank', { rank: topic.rank })} {topic.title}
          {topic.hasMyVote && <span className="tag">{t('topics.myVote')}</span>}
        </h3>
        <p className="item-meta">
          {t('topics.votes', { votes: topic.votes, organisations: topic.organisations })} ·{' '}
          {topic.ring ? topic.ring.name : t('meetings.networkWide')} · {t(STATUS_KEYS[topic.status])}
          {topic.proposedBy ? ` · ${t('topics.proposedBy', { name: topic.proposedBy.name })}` : ''} ·{' '}
          {formatDate(locale, topic.proposedAt)}
        </p>
        {topic.description && <p>{topic.description}</p>}
        {topic.practiceId !== null && (
          <p>
            <Link href={`/practices/${topic.practiceId}`}>{t('topics.practice')}</Link>
          </p>
        )}
        <ActionError error={action.error} />
      </div>
      <div className="stack">
        {topic.abilities.canVote === true && (
          <button
            type="button"
            className={topic.hasMyVote ? 'button secondary small' : 'button primary small'}
            disabled={action.isBusy}
            aria-pressed={topic.hasMyVote}
            aria-label={t(topic.hasMyVote ? 'topics.withdrawNamed' : 'topics.voteNamed', {
              title: topic.title,
            })}
            onClick={() => void action.run(() => voteForTopic(topic.id, !topic.hasMyVote))}
          >
            {topic.hasMyVote ? t('topics.withdraw') : t('topics.vote')}
          </button>
        )}
        {topic.abilities.canChangeStatus === true && (
          <ConfirmedSelect
            label={t('topics.statusOf', { title: topic.title })}
            value={topic.status}
            disabled={action.isBusy}
            onSave={(status) => action.run(() => setTopicStatus(topic.id, status as TopicDto['status']))}
          >
            <LabelledOptions labels={STATUS_KEYS} />
          </ConfirmedSelect>
        )}
      </div>
    </li>
  )
}

function ProposeTopic({ rings }: { rings: { id: number; code: string; name: string }[] }) {
  const { t } = useI18n()
  const action = useAction()
  const form = useFormValues({ ringId: '', title: '', description: '' })
  const { ringId, title, description } = form.values
  const [isSent, setIsSent] = useState(false)
  const [warnings, setWarnings] = useState<NameWarningDto[]>([])
  const ring = ringId || (rings[0] ? String(rings[0].id) : 'network')
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setIsSent(false)
    setWarnings([])
    const isDone = await action.run(async () => {
      const created = await proposeTopic(ring === 'network' ? null : Number(ring), title, description || null)
      setWarnings(created.warnings ?? [])
    })
    if (isDone) {
      form.set({ title: '', description: '' })
      setIsSent(true)
    }
  }
  return (
    <details className="panel">
      <summary>{t('topics.propose')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <TextField
            id="topic-title"
            label={t('topics.titleField')}
            required
            minLength={3}
            {...form.field('title')}
          />
          <SelectField id="topic-ring" label={t('topics.forRing')} {...form.field('ringId')} value={ring}>
            <RingOptions rings={rings} by="id" />
            <option value="network">{t('topics.networkWide')}</option>
          </SelectField>
        </div>
        <TextAreaField
          id="topic-description"
          label={t('topics.description')}
          rows={3}
          {...form.field('description')}
        />
        <FormSubmit
          action={action}
          label={t('topics.submit')}
          notice={<NameWarnings warnings={warnings} />}
          doneNote={isSent && t('topics.sent')}
        />
      </form>
    </details>
  )
}
