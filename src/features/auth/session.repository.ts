import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'

export interface SessionRow {
  id: number
  userId: number
  csrfToken: string
  expiresAt: Date
}

export async function insertSession(
  db: Kysely<DB>,
  session: {
    userId: number
    tokenHash: string
    csrfToken: string
    now: Date
    expiresAt: Date
    userAgent: string | null
  },
): Promise<number> {
  const { id } = await db
    .insertInto('user_session')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      csrf_token: session.csrfToken,
      created_at: session.now,
      expires_at: session.expiresAt,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The live sessions of several tokens in one query (`authenticate` gathers concurrent lookups). */
export async function findLiveSessions(
  db: Kysely<DB>,
  tokenHashes: readonly string[],
  now: Date,
): Promise<Map<string, SessionRow>> {
  const rows = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.expires_at', 's.token_hash'])
    .where('s.token_hash', 'in', tokenHashes)
    .where('s.expires_at', '>', now)
    .where('u.is_disabled', '=', false)
    .execute()
  return new Map(
    rows.map((row) => [
      row.token_hash,
      { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at },
    ]),
  )
}

export async function deleteSession(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', id).execute()
}

/** Ends every session of a user (after a password change or when the account is disabled). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: number, exceptId?: number): Promise<void> {
  await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId!))
    .execute()
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<=', now).execute()
}
