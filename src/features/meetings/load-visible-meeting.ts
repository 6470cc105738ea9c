/** The first steps of every use case on one meeting: find it, check that the caller sees (or manages) it. */
import type { Kysely } from 'kysely'
import { canManageRingScoped } from '../../core/benchlearning'
import { notFound, forbidden } from '../../core/errors/app-error'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import type { AuditActor } from '../audit/record-audit'
import { loadMeetingScope, type MeetingScope } from './load-meeting-scope'
import { requireVisibleMeeting } from './meeting-dto'
import { findMeeting, type MeetingRow } from './meeting.repository'
import { message, type Message } from '../../core/messages/text'

/** Who writes, for the audit, and when (the request's clock): what every write use case gets. */
export interface MeetingWriter {
  viewer: Viewer
  actor: AuditActor
  now: Date
}

export interface VisibleMeeting {
  meeting: MeetingRow
  scope: MeetingScope
  /** The day of the request (ISO), by the injected clock. */
  today: string
}

/**
 * The meeting with the caller's view of names. A meeting of a ring the caller does not see is not
 * found; `hiddenAs` is the not-found message to use instead (for an item of such a meeting).
 */
export async function loadVisibleMeeting(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; now: Date; hiddenAs?: Message },
): Promise<VisibleMeeting> {
  const meeting = await findMeeting(db, options.meetingId)
  const today = isoDate(options.now)
  const scope = await loadMeetingScope(db, { viewer: options.viewer, at: today })
  try {
    requireVisibleMeeting(scope, meeting)
  } catch (error) {
    throw options.hiddenAs ? notFound(options.hiddenAs) : error
  }
  return { meeting, scope, today }
}

/** What only a meeting's moderation does; each names its refusal (`meeting.onlyModeration.*`). */
export type ModeratedWork = 'editAgenda' | 'writeMinutes' | 'cancel' | 'approveMinutes' | 'change'

/** Managing a meeting (its agenda, minutes, status) is for its moderation; `what` says what was refused. */
export function requireModeration(viewer: Viewer, meeting: MeetingRow, what: ModeratedWork): void {
  if (!canManageRingScoped(viewer, { ringId: meeting.ring_id }))
    throw forbidden(message(`meeting.onlyModeration.${what}`))
}

/** loadVisibleMeeting and requireModeration in one. */
export async function loadManagedMeeting(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; now: Date; what: ModeratedWork; hiddenAs?: Message },
): Promise<VisibleMeeting> {
  const visible = await loadVisibleMeeting(db, options)
  requireModeration(options.viewer, visible.meeting, options.what)
  return visible
}
