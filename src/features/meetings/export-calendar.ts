/** Meetings as an iCalendar file (.ics): one meeting, or every meeting the caller may see. */
import type { Kysely } from 'kysely'
import { buildCalendar, type CalendarEvent } from '../../core/benchlearning'
import type { MeetingSummaryDto } from '../../contracts/meetings'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { getMeetingDetail } from './get-meeting-detail'
import { listMeetings } from './list-meetings'

export async function exportMeetingsCalendar(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId?: number; now: Date; baseUrl?: string },
): Promise<string> {
  const meetings =
    options.meetingId !== undefined
      ? [await getMeetingDetail(db, { viewer: options.viewer, id: options.meetingId, now: options.now })]
      : await listMeetings(db, { viewer: options.viewer, now: options.now })
  const events = meetings.map((m) => meetingCalendarEvent(m, options.baseUrl))
  return buildCalendar({ events, now: options.now, name: 'Benchlearning – Treffen' })
}

/** A meeting as a calendar event, as the caller sees it (the file export and the mailed invitations). */
export function meetingCalendarEvent(m: MeetingSummaryDto, baseUrl?: string): CalendarEvent {
  return {
    // Stable across exports and installations' meeting ids: calendars update instead of duplicating.
    uid: `meeting-${m.id}@benchlearn`,
    title: m.isDemo ? `${m.title} (Demo)` : m.title,
    location: m.venue ?? undefined,
    description: [
      m.ring ? `Ring: ${m.ring.code} ${m.ring.name}` : 'Netzwerkweite Veranstaltung',
      m.host ? `Gastgeber: ${m.host.name}` : null,
      m.moderator ? `Moderation: ${m.moderator.name}` : null,
      baseUrl ? `${baseUrl}/meetings/${m.id}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    startTime: m.startTime,
    endTime: m.endTime,
    status: m.status === 'cancelled' ? 'CANCELLED' : m.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED',
  }
}
