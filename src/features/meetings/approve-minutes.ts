/** The moderation approves the minutes of a held meeting: this closes agenda, minutes and comments. */
import { checkMinutesApprovable } from '../../core/benchlearning'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { updateMeetingRow } from './meeting.repository'
import { markReadByDedupeKey } from './notification.repository'
import { minutesNoticeKey } from './notify-status-change'

export async function approveMinutes(
  database: Database,
  options: MeetingWriter & { meetingId: number },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const { meeting: before } = await loadManagedMeeting(db, { ...options, what: 'approveMinutes' })
    checkMinutesApprovable(toMeetingFacts(before))
    const after = await updateMeetingRow(db, before.id, {
      status: 'minutes_approved',
      minutes_approved_at: options.now,
      minutes_approved_by: options.viewer.userId || null,
    })
    // The "minutes to approve" notices are done with.
    await markReadByDedupeKey(db, { dedupeKey: minutesNoticeKey(before.id), now: options.now })
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.approve_minutes',
      entity: 'meeting',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
  })
}
