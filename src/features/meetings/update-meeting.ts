/**
 * Changes a meeting: title, dates, venue, host (override), moderator, and its status by the rules
 * of core/benchlearning/meeting-life.ts; a new status notifies (notify-status-change.ts).
 */
import { checkDateChange, checkStatusChange } from '../../core/benchlearning'
import type { UpdateMeetingRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { listRegistrations, updateMeetingRow } from './meeting.repository'
import { notifyStatusChange } from './notify-status-change'
import { queueMeetingMail } from '../mail/queue-meeting-mail'
import type { MeetingRow } from './meeting.repository'

/** What the calendar invitation shows changed: the invited get an updated invitation. */
function isCalendarChange(before: MeetingRow, after: MeetingRow): boolean {
  const fields = [
    'title',
    'starts_on',
    'ends_on',
    'start_time',
    'end_time',
    'venue',
    'host_organisation_id',
  ] as const
  return fields.some((field) => before[field] !== after[field])
}

export async function updateMeeting(
  database: Database,
  options: MeetingWriter & { id: number; request: UpdateMeetingRequest },
): Promise<void> {
  const { request } = options
  await database.transaction(async ({ db }) => {
    const { meeting: before, today } = await loadManagedMeeting(db, {
      ...options,
      meetingId: options.id,
      what: 'change',
    })
    const facts = toMeetingFacts(before)
    if (request.status !== undefined) {
      const registrations = await listRegistrations(db, [before.id])
      checkStatusChange({
        meeting: facts,
        to: request.status,
        today,
        registeredCount: registrations.filter((r) => r.status === 'registered').length,
      })
    }
    const dates = {
      startsOn: before.starts_on,
      endsOn: before.ends_on,
      startTime: before.start_time,
      endTime: before.end_time,
    }
    const next = {
      startsOn: request.startsOn ?? dates.startsOn,
      endsOn: request.endsOn ?? dates.endsOn,
      startTime: request.startTime !== undefined ? request.startTime : dates.startTime,
      endTime: request.endTime !== undefined ? request.endTime : dates.endTime,
    }
    checkDateChange({ meeting: facts, before: dates, next })
    const after = await updateMeetingRow(db, before.id, {
      ...(request.title !== undefined ? { title: request.title } : {}),
      starts_on: next.startsOn,
      ends_on: next.endsOn,
      start_time: next.startTime,
      end_time: next.endTime,
      ...(request.venue !== undefined ? { venue: request.venue } : {}),
      ...(request.hostOrganisationId !== undefined
        ? {
            host_organisation_id: request.hostOrganisationId,
            host_source: request.hostOrganisationId === null ? 'none' : 'override',
          }
        : {}),
      ...(request.moderatorUserId !== undefined ? { moderator_user_id: request.moderatorUserId } : {}),
      ...(request.status !== undefined ? { status: request.status } : {}),
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
    if (request.status && request.status !== before.status) await notifyStatusChange(db, after, options.now)
    else if (after.status === 'invited' && isCalendarChange(before, after))
      await queueMeetingMail(db, { meeting: after, change: 'update', now: options.now })
  })
}
