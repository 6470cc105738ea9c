/** The mail outbox and what decides its rows: plain queries, `db` first (so they join a transaction). */
import { sql, type Kysely } from 'kysely'
import type { DB, MailDelivery, MailStatus, UserRole } from '../../db/schema'

export interface NewOutboxRow {
  kind: string
  userId: number | null
  recipient: string
  payload: Record<string, unknown>
  messageKey: string
  /** held: waits for the recipient's digest. */
  status: 'pending' | 'held'
}

export async function insertOutboxRows(db: Kysely<DB>, rows: readonly NewOutboxRow[], now: Date) {
  if (rows.length === 0) return []
  return db
    .insertInto('mail_outbox')
    .values(
      rows.map((r) => ({
        kind: r.kind,
        user_id: r.userId,
        recipient: r.recipient,
        payload: JSON.stringify(r.payload),
        message_key: r.messageKey,
        status: r.status,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .returning('id')
    .execute()
}

/** Active accounts with their address and the delivery they chose for `kind` (null: the default). */
export async function findRecipients(db: Kysely<DB>, options: { userIds: readonly number[]; kind: string }) {
  if (options.userIds.length === 0) return []
  return db
    .selectFrom('app_user as u')
    .leftJoin('mail_preference as p', (join) =>
      join.onRef('p.user_id', '=', 'u.id').on('p.kind', '=', options.kind),
    )
    .select(['u.id', 'u.email', 'p.delivery'])
    .where('u.id', 'in', [...new Set(options.userIds)])
    .where('u.is_disabled', '=', false)
    .orderBy('u.id')
    .execute()
}

export type OutboxRow = Awaited<ReturnType<typeof claimDueMail>>[number]

/** Whether anything is due (a plain SELECT: polling must not bump the change watch when idle). */
export async function hasDueMail(db: Kysely<DB>, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Claims up to `limit` due messages for `leaseMs`: pending ones whose time has come and claims of a
 * worker that died (lease over). SKIP LOCKED: two workers on one database never claim the same row.
 */
export async function claimDueMail(db: Kysely<DB>, options: { now: Date; limit: number; leaseMs: number }) {
  const lockedUntil = new Date(options.now.getTime() + options.leaseMs)
  const result = await sql<{
    id: number
    kind: string
    user_id: number | null
    recipient: string
    payload: Record<string, unknown>
    message_key: string
    attempts: number
    created_at: Date
  }>`
    update mail_outbox set status = 'sending', locked_until = ${lockedUntil}, attempts = attempts + 1
    where id in (
      select id from mail_outbox
      where (status = 'pending' and next_attempt_at <= ${options.now})
         or (status = 'sending' and locked_until < ${options.now})
      order by id
      limit ${options.limit}
      for update skip locked
    )
    returning id, kind, user_id, recipient, payload, message_key, attempts, created_at
  `.execute(db)
  return result.rows.sort((a, b) => a.id - b.id)
}

/** SMTP accepted it. `payload` replaces the kept payload (secrets are dropped once sent). */
export async function markSent(
  db: Kysely<DB>,
  options: { id: number; now: Date; payload?: Record<string, unknown> },
) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      sent_at: options.now,
      locked_until: null,
      last_error: null,
      ...(options.payload ? { payload: JSON.stringify(options.payload) } : {}),
    })
    .where('id', '=', options.id)
    .where('status', '=', 'sending')
    .execute()
}

/** A failed attempt: retried at `retryAt`, or given up (failed) when that is null. */
export async function markAttemptFailed(
  db: Kysely<DB>,
  options: { id: number; error: string; retryAt: Date | null },
) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: options.retryAt ? 'pending' : 'failed',
      next_attempt_at: options.retryAt ?? sql`next_attempt_at`,
      locked_until: null,
      last_error: options.error.slice(0, 1000),
    })
    .where('id', '=', options.id)
    .where('status', '=', 'sending')
    .execute()
}

/** Messages waiting to go out (pending or being sent): the backlog for health checks and metrics. */
export async function countOutboxBacklog(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow()
  return row.n
}

export async function countOutboxByStatus(db: Kysely<DB>): Promise<Map<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute()
  return new Map(rows.map((r) => [r.status, r.n]))
}

export async function listOutboxRows(
  db: Kysely<DB>,
  options: { status?: MailStatus; offset: number; limit: number },
) {
  return db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'kind',
      'recipient',
      'status',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
      'next_attempt_at',
    ])
    .$if(options.status !== undefined, (qb) => qb.where('status', '=', options.status!))
    .orderBy('id', 'desc')
    .offset(options.offset)
    .limit(options.limit)
    .execute()
}

/** Accounts with messages held for the digest that were written before `before`. */
export async function findUsersWithHeldMail(db: Kysely<DB>, before: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('user_id')
    .distinct()
    .where('status', '=', 'held')
    .where('created_at', '<', before)
    .where('user_id', 'is not', null)
    .execute()
  return rows.map((r) => r.user_id!).sort((a, b) => a - b)
}

/** Locks one person's held messages written before `before` (skipping rows another worker holds). */
export async function claimHeldMail(db: Kysely<DB>, options: { userId: number; before: Date }) {
  const result = await sql<{ id: number; kind: string; payload: Record<string, unknown>; created_at: Date }>`
    select id, kind, payload, created_at from mail_outbox
    where status = 'held' and user_id = ${options.userId} and created_at < ${options.before}
    order by created_at, id
    for update skip locked
  `.execute(db)
  return result.rows
}

export async function markDigested(db: Kysely<DB>, options: { ids: readonly number[]; digestId: number }) {
  if (options.ids.length === 0) return
  await db
    .updateTable('mail_outbox')
    .set({ status: 'digested', digest_id: options.digestId })
    .where('id', 'in', [...options.ids])
    .execute()
}

/** The next SEQUENCE of a meeting's calendar invitation: 0 for the first, then one more per change. */
export async function nextCalendarSequence(db: Kysely<DB>, meetingId: number): Promise<number> {
  const row = await db
    .insertInto('mail_calendar_sequence')
    .values({ meeting_id: meetingId, sequence: 0 })
    .onConflict((oc) =>
      oc.column('meeting_id').doUpdateSet({ sequence: sql`mail_calendar_sequence.sequence + 1` }),
    )
    .returning('sequence')
    .executeTakeFirstOrThrow()
  return row.sequence
}

export async function findPreferences(db: Kysely<DB>, userId: number) {
  return db.selectFrom('mail_preference').select(['kind', 'delivery']).where('user_id', '=', userId).execute()
}

export async function upsertPreferences(
  db: Kysely<DB>,
  options: { userId: number; preferences: readonly { kind: string; delivery: MailDelivery }[] },
) {
  if (options.preferences.length === 0) return
  await db
    .insertInto('mail_preference')
    .values(options.preferences.map((p) => ({ user_id: options.userId, kind: p.kind, delivery: p.delivery })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery') })),
    )
    .execute()
}

/** The messages a digest collected, oldest first. */
export async function findDigestItems(db: Kysely<DB>, digestId: number) {
  return db
    .selectFrom('mail_outbox')
    .select(['kind', 'payload'])
    .where('digest_id', '=', digestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Active accounts, for the daily sweep of timed notifications. */
export async function findActiveUserIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('is_disabled', '=', false)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Active accounts of these organisations with one of these roles. */
export async function findUsersOfOrganisations(
  db: Kysely<DB>,
  options: { organisationIds: readonly number[]; roles: readonly UserRole[] },
): Promise<number[]> {
  if (options.organisationIds.length === 0 || options.roles.length === 0) return []
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('organisation_id', 'in', [...options.organisationIds])
    .where('role', 'in', [...options.roles])
    .where('is_disabled', '=', false)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}
