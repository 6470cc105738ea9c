/**
 * Notifications that also go out by mail: each written notification (not one a dedupe key skipped,
 * so two processes deriving the same timed notification queue one message) becomes a message of the
 * same kind, as its recipient chose. The payload is the notification's, already written for the
 * recipient's eyes. Meeting invitations go as calendar invitations instead (queue-meeting-mail.ts).
 */
import type { Kysely } from 'kysely'
import type { MailPreferenceKind } from '../../contracts/mail'
import type { DB, NotificationKind } from '../../db/schema'
import type { InsertedNotification } from '../meetings/notification.repository'
import { queueMailForUsers } from './queue-mail'

const MAILED: Partial<Record<NotificationKind, MailPreferenceKind>> = {
  minutes_to_approve: 'minutes_to_approve',
  action_due: 'action_due',
  new_practice: 'new_practice',
  upcoming_meeting: 'upcoming_meeting',
}

export async function queueNotificationMail(
  db: Kysely<DB>,
  notifications: readonly InsertedNotification[],
  now: Date,
): Promise<void> {
  for (const notification of notifications) {
    const kind = MAILED[notification.kind]
    if (!kind) continue
    await queueMailForUsers(db, {
      kind,
      preference: kind,
      userIds: [notification.user_id],
      payloadFor: () => notification.payload,
      now,
    })
  }
}
