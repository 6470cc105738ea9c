/**
 * Who hears of a meeting's new status: "invited" → an invitation (and a calendar invitation by mail);
 * "held" → minutes to review (and approve). Mail is queued in the same transaction (features/mail).
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import {
  findActiveUsersOfOrganisations,
  findInvitedOrganisations,
  type MeetingRow,
} from './meeting.repository'
import { queueMeetingMail } from '../mail/queue-meeting-mail'
import { queueNotificationMail } from '../mail/queue-notification-mail'
import { insertNotifications, type NewNotification } from './notification.repository'

export async function notifyStatusChange(db: Kysely<DB>, meeting: MeetingRow, now: Date): Promise<void> {
  const payload: Record<string, unknown> = {
    meetingId: meeting.id,
    title: meeting.title,
    startsOn: meeting.starts_on,
  }
  const users = await findActiveUsersOfOrganisations(db, await findInvitedOrganisations(db, meeting))
  const recipients: NewNotification[] = []
  if (meeting.status === 'invited')
    for (const user of users)
      recipients.push({ userId: user.id, kind: 'invitation', payload, dedupeKey: `invitation:${meeting.id}` })
  if (meeting.status === 'held') {
    const dedupeKey = minutesNoticeKey(meeting.id)
    for (const user of users)
      recipients.push({ userId: user.id, kind: 'minutes_to_approve', payload, dedupeKey })
    if (meeting.moderator_user_id !== null)
      recipients.push({
        userId: meeting.moderator_user_id,
        kind: 'minutes_to_approve',
        payload: { ...payload, isModerator: true },
        dedupeKey,
      })
  }
  const written = await insertNotifications(db, recipients, now)
  // The invitation goes by mail as a calendar invitation, the rest as the notification says.
  if (meeting.status === 'invited') await queueMeetingMail(db, { meeting, change: 'invitation', now })
  await queueNotificationMail(db, written, now)
}

/** The key of a meeting's "minutes to approve" notices (approval marks them read). */
export const minutesNoticeKey = (meetingId: number) => `minutes:${meetingId}`
