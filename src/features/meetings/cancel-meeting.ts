/**
 * The moderation cancels a meeting before it is held, with a reason (core/benchlearning/meeting-life.ts):
 * registration, agenda and follow-ups close; who got the calendar invitation (the meeting was
 * invited) gets its cancellation (METHOD:CANCEL), queued in the same transaction.
 */
import { checkCancellation } from '../../core/benchlearning'
import type { CancelMeetingRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { queueMeetingMail } from '../mail/queue-meeting-mail'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { updateMeetingRow } from './meeting.repository'

export async function cancelMeeting(
  database: Database,
  options: MeetingWriter & { meetingId: number; request: CancelMeetingRequest },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const { meeting: before } = await loadManagedMeeting(db, { ...options, what: 'cancel' })
    const reason = checkCancellation(toMeetingFacts(before), options.request.reason)
    const after = await updateMeetingRow(db, before.id, {
      status: 'cancelled',
      cancel_reason: reason,
      cancelled_at: options.now,
      cancelled_by: options.viewer.userId || null,
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.cancel',
      entity: 'meeting',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
    // Only an invited meeting was sent as a calendar invitation (notify-status-change.ts).
    if (before.status === 'invited')
      await queueMeetingMail(db, { meeting: after, change: 'cancel', now: options.now })
  })
}
