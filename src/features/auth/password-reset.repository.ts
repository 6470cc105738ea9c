/** Password reset links and the requests the limits count: plain queries, `db` first. */
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'

/** Requests since `since` for an address (any account or none) and from an IP address. */
export async function countResetRequests(
  db: Kysely<DB>,
  options: { email: string; ip: string; since: Date },
): Promise<{ byEmail: number; byIp: number }> {
  const row = await db
    .selectFrom('password_reset_request')
    .select([
      sql<number>`count(*) filter (where email = ${options.email})::int`.as('byEmail'),
      sql<number>`count(*) filter (where ip = ${options.ip})::int`.as('byIp'),
    ])
    .where('at', '>', options.since)
    .executeTakeFirstOrThrow()
  return row
}

export async function recordResetRequest(
  db: Kysely<DB>,
  options: { email: string; ip: string; now: Date; forgetBefore: Date },
): Promise<void> {
  await db
    .insertInto('password_reset_request')
    .values({ email: options.email, ip: options.ip, at: options.now })
    .execute()
  await db.deleteFrom('password_reset_request').where('at', '<', options.forgetBefore).execute()
}

export async function insertPasswordReset(
  db: Kysely<DB>,
  options: { userId: number; tokenHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('password_reset')
    .values({
      user_id: options.userId,
      token_hash: options.tokenHash,
      created_at: options.now,
      expires_at: options.expiresAt,
    })
    .execute()
}

/** Takes an unused, unexpired link (locked, so two uses at once cannot both pass). */
export async function takePasswordReset(db: Kysely<DB>, options: { tokenHash: string; now: Date }) {
  return db
    .selectFrom('password_reset')
    .select(['id', 'user_id'])
    .where('token_hash', '=', options.tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', options.now)
    .forUpdate()
    .executeTakeFirst()
}

/** Marks every open link of the account used: one reset ends all others. */
export async function closePasswordResets(db: Kysely<DB>, options: { userId: number; now: Date }) {
  await db
    .updateTable('password_reset')
    .set({ used_at: options.now })
    .where('user_id', '=', options.userId)
    .where('used_at', 'is', null)
    .execute()
}
