import { useState } from 'react'
import type { MeetingDetailDto } from '../../../src/contracts/meetings'
import {
  downloadFile,
  registerForMeeting,
  updateMeeting,
  useHostProposal,
  useMeeting,
} from '../api/benchlearning'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import {
  ActionError,
  MEETING_STATUS_KEYS,
  MeetingStatusBadge,
  formatMeetingWhen,
  useAction,
} from '../components/benchlearning/common'
import { CancelMeeting, CancellationNote } from '../components/benchlearning/cancel-meeting'
import { MeetingAgenda } from '../components/benchlearning/meeting-agenda'
import { MeetingMinutes } from '../components/benchlearning/meeting-minutes'
import { Page } from '../components/page'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import { ActionButton, SelectField } from '../components/form-field'

/** One meeting: facts, registrations, agenda (builder), minutes and follow-ups, downloads. */
export default function MeetingPage({ params }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const id = Number(params.id)
  const meeting = useMeeting(Number.isInteger(id) && id > 0 ? id : null)
  if (meeting.status === 'loading')
    return (
      <Page title={t('meeting.title')}>
        <Loading />
      </Page>
    )
  if (meeting.status === 'error')
    return (
      <Page title={t('meeting.title')}>
        <ErrorView error={meeting.error} onRetry={meeting.reload} />
        <p>
          <Link href="/meetings">{t('meeting.back')}</Link>
        </p>
      </Page>
    )
  return <MeetingView meeting={meeting.data} />
}

function MeetingView({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  return (
    <Page
      title={meeting.title}
      intro={
        <>
          <MeetingStatusBadge status={meeting.status} /> {formatMeetingWhen(locale, meeting)}
          {meeting.venue ? ` · ${meeting.venue}` : ''}
        </>
      }
      actions={<Downloads meeting={meeting} />}
    >
      <p>
        <Link href="/meetings">{t('meeting.back')}</Link>
      </p>
      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('meeting.facts')}</h2>
        <dl className="facts wide">
          <div>
            <dt>{t('meetings.ring')}</dt>
            <dd>
              {meeting.ring ? `${meeting.ring.name} (${meeting.ring.code})` : t('meetings.networkWide')}
            </dd>
          </div>
          <div>
            <dt>{t('meetings.host')}</dt>
            <dd>
              {meeting.host?.name ?? '–'}
              {meeting.hostSource === 'rotation' && (
                <span className="item-meta"> ({t('meetings.byRotation')})</span>
              )}
              {meeting.hostSource === 'override' && (
                <span className="item-meta"> ({t('meeting.hostOverride')})</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('meeting.moderator')}</dt>
            <dd>{meeting.moderator?.name ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('meetings.registered')}</dt>
            <dd>{meeting.registeredCount}</dd>
          </div>
        </dl>
      </section>
      {meeting.cancellation && <CancellationNote cancellation={meeting.cancellation} />}
      {meeting.abilities.canManage === true &&
        meeting.status !== 'minutes_approved' &&
        meeting.status !== 'cancelled' && <Manage meeting={meeting} />}
      <Participants meeting={meeting} />
      <MeetingAgenda meeting={meeting} />
      <MeetingMinutes meeting={meeting} />
    </Page>
  )
}

function Downloads({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  const action = useAction()
  return (
    <div className="stack">
      <div className="button-row">
        <a className="button secondary small" href={`/api/v1/meetings/${meeting.id}/calendar.ics`} download>
          {t('meeting.ics')}
        </a>
        {meeting.abilities.canDownloadPack === true && (
          <>
            <a
              className="button secondary small"
              href={`/api/v1/meetings/${meeting.id}/pack.html?lang=${locale}`}
              target="_blank"
              rel="noopener"
            >
              {t('meeting.packHtml')}
            </a>
            <ActionButton
              action={action}
              className="button primary small"
              task={() =>
                downloadFile(
                  `/api/v1/meetings/${meeting.id}/pack.pdf?lang=${locale}`,
                  `${locale === 'en' ? 'meeting-pack' : 'sitzungsunterlage'}-${meeting.id}.pdf`,
                )
              }
            >
              {action.isBusy ? t('meeting.packWorking') : t('meeting.packPdf')}
            </ActionButton>
          </>
        )}
      </div>
      {action.isBusy && (
        <span role="status" className="muted">
          {t('meeting.packWorkingHint')}
        </span>
      )}
      <ActionError error={action.error} />
    </div>
  )
}

function Manage({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  // The server says which step is allowed now (core/benchlearning/meeting-life.ts).
  const next = meeting.abilities.canInvite ? 'invited' : meeting.abilities.canMarkHeld ? 'held' : null
  return (
    <section className="panel" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('meeting.manage')}</h2>
      {next && (
        <div className="stack">
          <p className="hint">{t(next === 'invited' ? 'meeting.inviteHint' : 'meeting.heldHint')}</p>
          <div className="button-row">
            <ActionButton
              action={action}
              className="button primary"
              task={() => updateMeeting(meeting.id, { status: next })}
            >
              {t(next === 'invited' ? 'meeting.invite' : 'meeting.markHeld')}
            </ActionButton>
          </div>
          <p className="muted">
            {t('meeting.statusNow', { status: t(MEETING_STATUS_KEYS[meeting.status]) })}
          </p>
        </div>
      )}
      {!next && meeting.status === 'invited' && <p className="hint">{t('meeting.heldNotYet')}</p>}
      <ActionError error={action.error} />
      {meeting.ring && meeting.status !== 'minutes_approved' && <HostProposal meeting={meeting} />}
      {meeting.abilities.canCancel === true && <CancelMeeting meeting={meeting} />}
    </section>
  )
}

function HostProposal({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  const proposal = useHostProposal(meeting.id)
  const action = useAction()
  const [hostId, setHostId] = useState('')
  const members = meeting.participants.filter((p) => p.organisation.id > 0)
  return (
    <div className="stack">
      <h3>{t('meeting.hostProposal')}</h3>
      {proposal.status === 'loading' && <Loading />}
      {proposal.status === 'error' && <ErrorView error={proposal.error} onRetry={proposal.reload} />}
      {proposal.status === 'success' && (
        <p>
          <strong>{t('meetings.proposedHost', { host: proposal.data.host.name })}</strong> –{' '}
          {proposal.data.reason[locale]}
        </p>
      )}
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault()
          void action.run(() => updateMeeting(meeting.id, { hostOrganisationId: Number(hostId) }))
        }}
      >
        <SelectField
          id="host-override"
          label={t('meeting.hostOverrideLabel')}
          required
          value={hostId}
          onChange={setHostId}
        >
          <option value="">{t('meeting.chooseHost')}</option>
          {members.map((p) => (
            <option key={p.organisation.id} value={p.organisation.id}>
              {p.organisation.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button secondary" disabled={action.isBusy || !hostId}>
          {t('meeting.setHost')}
        </button>
      </form>
      <ActionError error={action.error} />
    </div>
  )
}

/** The two answers to an invitation, as buttons that show which one was given. */
const REGISTRATION_ANSWERS = [
  { answer: 'registered', label: 'meeting.register', className: 'button primary small' },
  { answer: 'declined', label: 'meeting.decline', className: 'button secondary small' },
] as const

function Participants({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const canRegister = meeting.abilities.canRegister === true
  return (
    <section className="panel" aria-labelledby="participants-heading">
      <div className="panel-header">
        <h2 id="participants-heading">{t('meeting.participants')}</h2>
        {canRegister && (
          <div className="panel-actions">
            {REGISTRATION_ANSWERS.map(({ answer, label, className }) => (
              <ActionButton
                key={answer}
                action={action}
                className={className}
                aria-pressed={meeting.myRegistration === answer}
                task={() => registerForMeeting(meeting.id, answer)}
              >
                {t(label)}
              </ActionButton>
            ))}
          </div>
        )}
      </div>
      {meeting.myRegistration && (
        <p role="status">
          {meeting.myRegistration === 'registered' ? t('meetings.youRegistered') : t('meetings.youDeclined')}
        </p>
      )}
      <ActionError error={action.error} />
      {meeting.participants.length === 0 ? (
        <p className="muted">{t('meeting.noParticipants')}</p>
      ) : (
        <ul className="member-list">
          {meeting.participants.map((p) => {
            const registered = p.registrations.filter((r) => r.status === 'registered')
            return (
              <li key={p.organisation.id}>
                {p.organisation.name}
                {p.isHost && <span className="tag">{t('meeting.hostTag')}</span>}
                <span className="muted">
                  {' '}
                  –{' '}
                  {registered.length > 0
                    ? t('meeting.registeredPeople', {
                        names: registered.map((r) => r.person.name).join(', '),
                      })
                    : t('meeting.nobodyRegistered')}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
