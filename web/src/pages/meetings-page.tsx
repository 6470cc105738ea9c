import { useState, type FormEvent } from 'react'
import type { MeetingSummaryDto, ScheduleProposalDto } from '../../../src/contracts/meetings'
import { createMeeting, proposeSchedule, useMeetings } from '../api/benchlearning'
import { useRings, useSession } from '../api/resources'
import { can } from '../app/access'
import { Link, navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import {
  ActionError,
  MeetingStatusBadge,
  formatMeetingWhen,
  useAction,
} from '../components/benchlearning/common'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'

/**
 * Treffen: the meetings of the caller's rings and the network-wide events, upcoming first; the
 * whole calendar as .ics; for the moderation, planning a meeting (host by the rotation unless
 * chosen) and the yearly schedule the platform proposes.
 */
export default function MeetingsPage({ location }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const session = useSession()
  const rings = useRings()
  const ring = readSearchParams(location).get('ring') ?? ''
  const meetings = useMeetings(ring ? { ring } : undefined)
  const canPlan = can(session.data, 'planMeetings')
  const own = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const choices = (rings.data?.rings ?? []).filter(
    (r) => own === null || r.members.some((m) => m.organisationId === own),
  )
  return (
    <Page
      title={t('meetings.title')}
      intro={t('meetings.intro')}
      actions={
        <a className="button secondary small" href="/api/v1/meetings/calendar.ics" download>
          {t('meetings.calendarAll')}
        </a>
      }
    >
      {canPlan && <PlanMeeting />}
      {canPlan && <YearSchedule />}
      {choices.length > 1 && (
        <div className="toolbar">
          <div className="field">
            <label htmlFor="meetings-ring">{t('meetings.filterRing')}</label>
            <select
              id="meetings-ring"
              value={ring}
              onChange={(e) =>
                navigate(withSearchParams(location, { ring: e.target.value }), { replace: true })
              }
            >
              <option value="">{t('meetings.allRings')}</option>
              {choices.map((r) => (
                <option key={r.id} value={r.code}>
                  {r.name} ({r.code})
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <QueryView query={meetings}>
        {(data) => {
          if (data.meetings.length === 0) return <Empty>{t('meetings.empty')}</Empty>
          // Upcoming as the server says: not held and not over (a held meeting is past).
          const upcoming = data.meetings.filter((m) => m.isUpcoming)
          const past = data.meetings.filter((m) => !m.isUpcoming).reverse()
          return (
            <>
              <MeetingList id="upcoming" title={t('meetings.upcoming')} meetings={upcoming} />
              <MeetingList id="past" title={t('meetings.past')} meetings={past} />
            </>
          )
        }}
      </QueryView>
    </Page>
  )
}

function MeetingList({ id, title, meetings }: { id: string; title: string; meetings: MeetingSummaryDto[] }) {
  const { t, locale } = useI18n()
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {meetings.length === 0 ? (
        <Empty>{t('meetings.none')}</Empty>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-heading`} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.when')}</th>
                <th scope="col">{t('meetings.meeting')}</th>
                <th scope="col">{t('meetings.host')}</th>
                <th scope="col">{t('meetings.statusLabel')}</th>
                <th scope="col" className="numeric">
                  {t('meetings.registered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>{formatMeetingWhen(locale, m)}</td>
                  <th scope="row">
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                    <div className="item-meta">
                      {m.ring ? m.ring.name : t('meetings.networkWide')}
                      {m.venue ? ` · ${m.venue}` : ''}
                    </div>
                  </th>
                  <td>
                    {m.host?.name ?? '–'}
                    {m.hostSource === 'rotation' && (
                      <div className="item-meta">{t('meetings.byRotation')}</div>
                    )}
                  </td>
                  <td>
                    <MeetingStatusBadge status={m.status} />
                    {m.myRegistration && (
                      <div className="item-meta">
                        {m.myRegistration === 'registered'
                          ? t('meetings.youRegistered')
                          : t('meetings.youDeclined')}
                      </div>
                    )}
                  </td>
                  <td className="numeric">{m.registeredCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function PlanMeeting() {
  const { t } = useI18n()
  const rings = useRings()
  const action = useAction()
  const [ringId, setRingId] = useState('')
  const [title, setTitle] = useState('')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [startTime, setStartTime] = useState('10:00')
  const [endTime, setEndTime] = useState('16:00')
  const [venue, setVenue] = useState('')
  const [hostId, setHostId] = useState('')
  const ring = rings.data?.rings.find((r) => String(r.id) === ringId)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    let created = 0
    const isDone = await action.run(async () => {
      const answer = await createMeeting({
        kind: ringId ? 'ring_meeting' : 'annual_day',
        ringId: ringId ? Number(ringId) : null,
        title,
        startsOn,
        endsOn: endsOn || startsOn,
        startTime: startTime || null,
        endTime: endTime || null,
        venue: venue || null,
        ...(hostId ? { hostOrganisationId: Number(hostId) } : {}),
      })
      created = answer.id
    })
    if (isDone) navigate(`/meetings/${created}`)
  }
  return (
    <details className="panel">
      <summary>{t('meetings.plan')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          <div className="field">
            <label htmlFor="plan-ring">{t('meetings.ring')}</label>
            <select id="plan-ring" value={ringId} onChange={(e) => setRingId(e.target.value)}>
              <option value="">{t('meetings.networkEvent')}</option>
              {rings.data?.rings.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="plan-title">{t('meetings.titleField')}</label>
            <input
              id="plan-title"
              type="text"
              required
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="plan-from">{t('meetings.startsOn')}</label>
            <input
              id="plan-from"
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="plan-to">{t('meetings.endsOn')}</label>
            <input id="plan-to" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
            <p className="hint">{t('meetings.endsOnHint')}</p>
          </div>
          <div className="field">
            <label htmlFor="plan-start">{t('meetings.startTime')}</label>
            <input
              id="plan-start"
              type="time"
              value={startTime}
              onChange={(e) => setStartTime(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="plan-end">{t('meetings.endTime')}</label>
            <input id="plan-end" type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="plan-venue">{t('meetings.venue')}</label>
            <input id="plan-venue" type="text" value={venue} onChange={(e) => setVenue(e.target.value)} />
          </div>
          {ring && ring.members.length > 0 && (
            <div className="field">
              <label htmlFor="plan-host">{t('meetings.host')}</label>
              <select id="plan-host" value={hostId} onChange={(e) => setHostId(e.target.value)}>
                <option value="">{t('meetings.hostByRotation')}</option>
                {ring.members.map((m) => (
                  <option key={m.organisationId} value={m.organisationId}>
                    {m.name}
                  </option>
                ))}
              </select>
              <p className="hint">{t('meetings.hostHint')}</p>
            </div>
          )}
        </div>
        <ActionError error={action.error} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={action.isBusy}>
            {action.isBusy ? t('meetings.saving') : t('meetings.create')}
          </button>
        </div>
      </form>
    </details>
  )
}

function YearSchedule() {
  const { t, locale } = useI18n()
  const rings = useRings()
  const action = useAction()
  const [ringId, setRingId] = useState('')
  const [year, setYear] = useState(String(new Date().getFullYear() + 1))
  const [proposal, setProposal] = useState<ScheduleProposalDto | null>(null)
  const ask = async (isCreate: boolean) => {
    await action.run(async () => {
      setProposal(await proposeSchedule({ ringId: Number(ringId), year: Number(year), isCreate }))
    })
  }
  return (
    <details className="panel">
      <summary>{t('meetings.schedule')}</summary>
      <p className="hint">{t('meetings.scheduleIntro')}</p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault()
          void ask(false)
        }}
      >
        <div className="field">
          <label htmlFor="schedule-ring">{t('meetings.ring')}</label>
          <select
            id="schedule-ring"
            required
            value={ringId}
            onChange={(e) => {
              setRingId(e.target.value)
              setProposal(null)
            }}
          >
            <option value="">{t('meetings.chooseRing')}</option>
            {rings.data?.rings.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="schedule-year">{t('meetings.year')}</label>
          <input
            id="schedule-year"
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => {
              setYear(e.target.value)
              setProposal(null)
            }}
          />
        </div>
        <button type="submit" className="button secondary" disabled={action.isBusy || !ringId}>
          {t('meetings.propose')}
        </button>
      </form>
      <ActionError error={action.error} />
      {proposal && (
        <div className="stack">
          <p className="hint">{proposal.note}</p>
          <ol className="item-list">
            {proposal.slots.map((slot) => (
              <li key={slot.number}>
                <div className="item-head">
                  <h3>{slot.title}</h3>
                  <span>{formatMeetingWhen(locale, slot)}</span>
                </div>
                <p className="item-meta">
                  {t('meetings.proposedHost', { host: slot.host.name })} – {slot.reasonDe}
                </p>
              </li>
            ))}
          </ol>
          {proposal.createdMeetingIds.length > 0 ? (
            <p role="status">{t('meetings.scheduleCreated', { count: proposal.createdMeetingIds.length })}</p>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                disabled={action.isBusy}
                onClick={() => void ask(true)}
              >
                {t('meetings.createSchedule')}
              </button>
            </div>
          )}
        </div>
      )}
    </details>
  )
}
