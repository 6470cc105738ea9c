/** In-app notifications and what the timed ones are derived from: plain queries, `db` first. */
import type { Kysely } from 'kysely'
import type { DB, NotificationKind } from '../../db/schema'

export interface NewNotification {
  userId: number
  kind: NotificationKind
  payload: Record<string, unknown>
  /** Same key for the same user = written once (later calls are ignored). */
  dedupeKey?: string
}

/** Writes notifications; returns those written (not the ones a dedupe key made it skip). */
export async function insertNotifications(
  db: Kysely<DB>,
  notifications: readonly NewNotification[],
  now: Date,
): Promise<InsertedNotification[]> {
  if (notifications.length === 0) return []
  return db
    .insertInto('notification')
    .values(
      notifications.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        payload: JSON.stringify(n.payload),
        dedupe_key: n.dedupeKey ?? null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning(['user_id', 'kind', 'payload'])
    .execute()
}

export interface InsertedNotification {
  user_id: number
  kind: NotificationKind
  payload: Record<string, unknown>
}

/** Which of these dedupe keys the user has already. */
export async function findKnownDedupeKeys(
  db: Kysely<DB>,
  options: { userId: number; keys: readonly string[] },
): Promise<Set<string | null>> {
  if (options.keys.length === 0) return new Set()
  const rows = await db
    .selectFrom('notification')
    .select('dedupe_key')
    .where('user_id', '=', options.userId)
    .where('dedupe_key', 'in', [...options.keys])
    .execute()
  return new Set(rows.map((r) => r.dedupe_key))
}

/** Meetings not yet held that start between two days, of these rings and the network-wide ones. */
export async function findMeetingsStartingBetween(
  db: Kysely<DB>,
  options: { from: string; to: string; ringIds: readonly number[] },
) {
  return db
    .selectFrom('meeting')
    .select(['id', 'title', 'starts_on', 'venue', 'ring_id', 'host_organisation_id'])
    .where('starts_on', '>=', options.from)
    .where('starts_on', '<=', options.to)
    .where('status', 'in', ['planned', 'invited'])
    .where((eb) =>
      eb.or([
        eb('ring_id', 'is', null),
        ...(options.ringIds.length > 0 ? [eb('ring_id', 'in', [...options.ringIds])] : []),
      ]),
    )
    .execute()
}

export async function listNotificationRows(
  db: Kysely<DB>,
  options: { userId: number; isUnreadOnly: boolean; limit: number },
) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', options.userId)
    .$if(options.isUnreadOnly, (qb) => qb.where('read_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute()
}

export async function countUnread(db: Kysely<DB>, userId: number): Promise<number> {
  const unread = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(unread.n)
}

/** Marks one (`id`) or all unread notifications of a user read; returns how many changed. */
export async function markUserNotificationsRead(
  db: Kysely<DB>,
  options: { userId: number; id?: number; now: Date },
): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: options.now })
    .where('user_id', '=', options.userId)
    .where('read_at', 'is', null)
    .$if(options.id !== undefined, (qb) => qb.where('id', '=', options.id!))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks every unread notification with the dedupe key read (for every user). */
export async function markReadByDedupeKey(db: Kysely<DB>, options: { dedupeKey: string; now: Date }) {
  await db
    .updateTable('notification')
    .set({ read_at: options.now })
    .where('dedupe_key', '=', options.dedupeKey)
    .where('read_at', 'is', null)
    .execute()
}
