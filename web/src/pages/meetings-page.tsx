import { useState, type FormEvent } from 'react'
import type { MeetingSummaryDto, ScheduleProposalDto } from '../../../src/contracts/meetings'
import { createMeeting, proposeSchedule, useMeetings } from '../api/benchlearning'
import { useRings, useSession } from '../api/resources'
import { can } from '../app/access'
import { Link, navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import {
  ActionError,
  FormSubmit,
  MeetingStatusBadge,
  formatMeetingWhen,
  useAction,
} from '../components/benchlearning/common'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { RingFilter, RingOptions, useRingChoice } from '../components/ring-filter'
import { useI18n, useTexts } from '../i18n/i18n'
import { ServerText } from '../i18n/server-texts'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import { SelectField, TextField, useFormValues } from '../components/form-field'
import { TableScroll } from '../components/table-scroll'

/**
 * Treffen: the meetings of the caller's rings and the network-wide events, upcoming first; the
 * whole calendar as .ics; for the moderation, planning a meeting (host by the rotation unless
 * chosen) and the yearly schedule the platform proposes.
 */
export default function MeetingsPage({ location }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const session = useSession()
  const { choices, ring: chosen } = useRingChoice(location)
  const ring = chosen ?? ''
  const meetings = useMeetings(ring ? { ring } : undefined)
  const canPlan = can(session.data, 'planMeetings')
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
          <RingFilter
            id="meetings-ring"
            label={t('meetings.filterRing')}
            location={location}
            value={ring}
            choices={choices}
            allLabel={t('meetings.allRings')}
          />
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
        <TableScroll label={title}>
          <table className="data-table stackable">
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
                  <td data-label={t('meetings.when')}>{formatMeetingWhen(locale, m)}</td>
                  <th scope="row" data-label={t('meetings.meeting')}>
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                    <div className="item-meta">
                      {m.ring ? m.ring.name : t('meetings.networkWide')}
                      {m.venue ? ` · ${m.venue}` : ''}
                    </div>
                  </th>
                  <td data-label={t('meetings.host')}>
                    {m.host?.name ?? '–'}
                    {m.hostSource === 'rotation' && (
                      <div className="item-meta">{t('meetings.byRotation')}</div>
                    )}
                  </td>
                  <td data-label={t('meetings.statusLabel')}>
                    <MeetingStatusBadge status={m.status} />
                    {m.myRegistration && (
                      <div className="item-meta">
                        {m.myRegistration === 'registered'
                          ? t('meetings.youRegistered')
                          : t('meetings.youDeclined')}
                      </div>
                    )}
                  </td>
                  <td className="numeric" data-label={t('meetings.registered')}>
                    {m.registeredCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}

function PlanMeeting() {
  const { t } = useI18n()
  const rings = useRings()
  const action = useAction()
  const form = useFormValues({
    ringId: '',
    title: '',
    startsOn: '',
    endsOn: '',
    startTime: '10:00',
    endTime: '16:00',
    venue: '',
    hostId: '',
  })
  const ring = rings.data?.rings.find((r) => String(r.id) === form.values.ringId)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { ringId, title, startsOn, endsOn, startTime, endTime, venue, hostId } = form.values
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
          <SelectField id="plan-ring" label={t('meetings.ring')} {...form.field('ringId')}>
            <option value="">{t('meetings.networkEvent')}</option>
            <RingOptions rings={rings.data?.rings ?? []} by="id" />
          </SelectField>
          <TextField id="plan-title" label={t('meetings.titleField')} required {...form.field('title')} />
        </div>
        <div className="form-row">
          <TextField
            id="plan-from"
            label={t('meetings.startsOn')}
            type="date"
            required
            {...form.field('startsOn')}
          />
          <TextField
            id="plan-to"
            label={t('meetings.endsOn')}
            type="date"
            hint={t('meetings.endsOnHint')}
            {...form.field('endsOn')}
          />
          <TextField
            id="plan-start"
            label={t('meetings.startTime')}
            type="time"
            {...form.field('startTime')}
          />
          <TextField id="plan-end" label={t('meetings.endTime')} type="time" {...form.field('endTime')} />
        </div>
        <div className="form-row">
          <TextField id="plan-venue" label={t('meetings.venue')} {...form.field('venue')} />
          {ring && ring.members.length > 0 && (
            <SelectField
              id="plan-host"
              label={t('meetings.host')}
              hint={t('meetings.hostHint')}
              {...form.field('hostId')}
            >
              <option value="">{t('meetings.hostByRotation')}</option>
              {ring.members.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <FormSubmit action={action} label={action.isBusy ? t('meetings.saving') : t('meetings.create')} />
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
        <SelectField
          id="schedule-ring"
          label={t('meetings.ring')}
          required
          value={ringId}
          onChange={(value) => {
            setRingId(value)
            setProposal(null)
          }}
        >
          <option value="">{t('meetings.chooseRing')}</option>
          <RingOptions rings={rings.data?.rings ?? []} by="id" />
        </SelectField>
        <TextField
          id="schedule-year"
          label={t('meetings.year')}
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => {
            setYear(value)
            setProposal(null)
          }}
        />
        <button type="submit" className="button secondary" disabled={action.isBusy || !ringId}>
          {t('meetings.propose')}
        </button>
      </form>
      <ActionError error={action.error} />
      {proposal && (
        <div className="stack">
          <p className="hint">
            <ServerText sent={proposal.note} />
          </p>
          <ol className="item-list">
            {proposal.slots.map((slot) => (
              <li key={slot.number}>
                <div className="item-head">
                  <h3>{slot.title}</h3>
                  <span>{formatMeetingWhen(locale, slot)}</span>
                </div>
                <p className="item-meta">
                  {t('meetings.proposedHost', { host: slot.host.name })} – {slot.reason[locale]}
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
