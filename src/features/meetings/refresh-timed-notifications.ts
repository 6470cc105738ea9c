/**
 * Time-based notifications (upcoming meeting, action due) are derived when the user asks for the
 * list, with a dedupe key so that each appears once — no scheduler is needed. Event notifications
 * are written by the use case that causes them, in its transaction (notify-status-change.ts).
 */
import type { Kysely } from 'kysely'
import { addDays, isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { queueNotificationMail } from '../mail/queue-notification-mail'
import { loadMeetingScope } from './load-meeting-scope'
import { venueFor } from './meeting-dto'
import { findActionsWithMeeting } from './minutes.repository'
import {
  findKnownDedupeKeys,
  findMeetingsStartingBetween,
  insertNotifications,
  type NewNotification,
} from './notification.repository'

/** Days before a meeting's first day when "upcoming meeting" appears. */
export const UPCOMING_DAYS = 14
/** Days before an action's due date when "action due" appears. */
export const ACTION_DUE_DAYS = 7

/**
 * Derives the time-based notifications of one user: meetings of their rings (and network-wide
 * ones) starting within UPCOMING_DAYS, and open actions of their organisation or of them that are
 * due within ACTION_DUE_DAYS or overdue.
 */
export async function refreshTimedNotifications(
  db: Kysely<DB>,
  options: {
    userId: number
    organisationId: number | null
    ringIds: readonly number[]
    now: Date
    /** Whose eyes the texts are written for (the venue of a pseudonymised host: see venueFor). */
    viewer: Viewer
  },
): Promise<void> {
  const { userId } = options
  const today = isoDate(options.now)
  const meetings = await findMeetingsStartingBetween(db, {
    from: today,
    to: addDays(today, UPCOMING_DAYS),
    ringIds: options.ringIds,
  })
  const scope = meetings.length > 0 ? await loadMeetingScope(db, { viewer: options.viewer, at: today }) : null
  const fresh: NewNotification[] = meetings
    // Network-wide events concern members; accounts without an organisation see them in the list.
    .filter((m) => m.ring_id !== null || options.organisationId !== null)
    .map((m) => ({
      userId,
      kind: 'upcoming_meeting' as const,
      payload: {
        meetingId: m.id,
        title: m.title,
        startsOn: m.starts_on,
        venue: venueFor(scope!.orgRef(m.host_organisation_id), m.venue),
      },
      dedupeKey: `upcoming_meeting:${m.id}`,
    }))
  const actions = await findActionsWithMeeting(db, {
    isOpenOnly: true,
    dueBy: addDays(today, ACTION_DUE_DAYS),
    owner: { userId, organisationId: options.organisationId },
  })
  for (const a of actions)
    fresh.push({
      userId,
      kind: 'action_due',
      payload: {
        actionId: a.id,
        title: a.title,
        dueOn: a.due_on,
        meetingId: a.meeting_id,
        meetingTitle: a.meeting_title,
      },
      dedupeKey: `action_due:${a.id}:${a.due_on}`,
    })
  // Only what the person does not have yet: a page load that finds nothing new writes nothing (a
  // write on every read would also make every cache of this process read the data version again).
  const known = await findKnownDedupeKeys(db, { userId, keys: fresh.map((n) => n.dedupeKey!) })
  const written = await insertNotifications(
    db,
    fresh.filter((n) => !known.has(n.dedupeKey!)),
    options.now,
  )
  await queueNotificationMail(db, written, options.now)
}
