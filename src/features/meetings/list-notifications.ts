/** The caller's notifications, newest first, with their texts in both languages and the unread count. */
import type { Kysely } from 'kysely'
import type { NotificationDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { describeNotification } from './describe-notification'
import { countUnread, listNotificationRows } from './notification.repository'

export async function listNotifications(
  db: Kysely<DB>,
  options: { userId: number; isUnreadOnly: boolean; limit?: number },
): Promise<{ notifications: NotificationDto[]; unreadCount: number }> {
  const rows = await listNotificationRows(db, { ...options, limit: options.limit ?? 100 })
  return {
    unreadCount: await countUnread(db, options.userId),
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...describeNotification(r.kind, r.payload),
      payload: r.payload,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
  }
}
