/**
 * Limits on password guessing that cannot be turned against the innocent (docs/security.md, "Rate
 * limits"). Failed password checks are rows of `login_attempt` (in the database, so the limits hold
 * across restarts and processes). Nothing here locks anyone out for good:
 *
 * 1. Per account and address: the first FREE_FAILURES failures cost nothing; after that each further
 *    attempt waits 2^(n − FREE_FAILURES) seconds after the last failure, at most MAX_WAIT_SECONDS.
 *    The right password is accepted as soon as the wait is over.
 * 2. Per account, over all addresses (guessing from many addresses): the same backoff from
 *    ACCOUNT_FREE_FAILURES failures on, except from an address the account signed in from before
 *    (the audit log's session.create), so that the owner is not held up by someone else's guessing.
 * 3. Per address (one password tried on many accounts): at most MAX_ACCOUNTS_PER_ADDRESS different
 *    accounts may fail from one address within ACCOUNT_SPREAD_MINUTES; beyond that the address may
 *    try only accounts it already tried or signed in to before. Colleagues behind one proxy who mistype
 *    their own password count once each and keep their own backoff.
 */
import { sql, type Kysely } from 'kysely'
import { AppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { DB } from '../../db/schema'

export const FREE_FAILURES = 5
export const ACCOUNT_FREE_FAILURES = 30
export const MAX_WAIT_SECONDS = 15 * 60
export const MAX_ACCOUNTS_PER_ADDRESS = 20
export const ACCOUNT_SPREAD_MINUTES = 60
/** Failures are remembered this long (and forgotten after it). */
export const FAILURE_MEMORY_HOURS = 24
/** A sign-in from an address this recent makes it the account's known address. */
const KNOWN_ADDRESS_DAYS = 90

/** Seconds to wait after the last of `failures` failures: 0 while free, then doubling, capped. */
export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0
  return Math.min(2 ** (failures - free), MAX_WAIT_SECONDS)
}

type WaitReason = 'account' | 'accountFromAddresses' | 'address'

function waitMessage(seconds: number, why: WaitReason): AppError {
  return new AppError('rate_limited', message(`signIn.wait.${why}`, { wait: seconds }))
}

async function failuresOf(db: Kysely<DB>, where: { email: string; ip?: string; since: Date }) {
  const row = await db
    .selectFrom('login_attempt')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`max(at)`.as('last')])
    .where(sql<string>`lower(email)`, '=', where.email)
    .where('at', '>', where.since)
    .$if(where.ip !== undefined, (qb) => qb.where('ip', '=', where.ip!))
    .executeTakeFirstOrThrow()
  return { n: row.n, last: row.last ? new Date(row.last) : null }
}

async function isKnownAddress(db: Kysely<DB>, options: { email: string; ip: string; now: Date }) {
  const since = new Date(options.now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 3600_000)
  const row = await db
    .selectFrom('audit_log as a')
    .innerJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .select('a.id')
    .where('a.action', '=', 'session.create')
    .where('a.ip', '=', options.ip)
    .where('a.at', '>', since)
    .where(sql<string>`lower(u.email)`, '=', options.email)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Throws rate_limited (429, saying how long to wait) when this attempt must wait; see the file's doc. */
export async function assertNotRateLimited(
  db: Kysely<DB>,
  options: { email: string; ip: string; now: Date },
): Promise<void> {
  const email = options.email.trim().toLowerCase()
  const now = options.now.getTime()
  const since = new Date(now - FAILURE_MEMORY_HOURS * 3600_000)
  const remaining = (failures: { n: number; last: Date | null }, free: number) =>
    failures.last ? failures.last.getTime() / 1000 + backoffSeconds(failures.n, free) - now / 1000 : 0

  const pair = await failuresOf(db, { email, ip: options.ip, since })
  const pairWait = remaining(pair, FREE_FAILURES)
  if (pairWait > 0) throw waitMessage(pairWait, 'account')

  if (await isKnownAddress(db, { email, ip: options.ip, now: options.now })) return

  const accountWait = remaining(await failuresOf(db, { email, since }), ACCOUNT_FREE_FAILURES)
  if (accountWait > 0) throw waitMessage(accountWait, 'accountFromAddresses')

  if (pair.n > 0) return
  const spreadSince = new Date(now - ACCOUNT_SPREAD_MINUTES * 60_000)
  const spread = await db
    .selectFrom('login_attempt')
    .select([sql<number>`count(distinct lower(email))::int`.as('accounts'), sql<Date>`min(at)`.as('first')])
    .where('ip', '=', options.ip)
    .where('at', '>', spreadSince)
    .executeTakeFirstOrThrow()
  if (spread.accounts >= MAX_ACCOUNTS_PER_ADDRESS) {
    const free = new Date(spread.first).getTime() + ACCOUNT_SPREAD_MINUTES * 60_000
    throw waitMessage((free - now) / 1000, 'address')
  }
}

/** Counts a failed password check (sign-in or password change) towards the limits. */
export async function recordFailedAttempt(
  db: Kysely<DB>,
  options: { email: string; ip: string; now: Date },
): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({ email: options.email.trim().toLowerCase(), ip: options.ip, at: options.now })
    .execute()
  await db
    .deleteFrom('login_attempt')
    .where('at', '<', new Date(options.now.getTime() - FAILURE_MEMORY_HOURS * 3600_000))
    .execute()
}

/** Forgets an address's failures at an account once its password was right. */
export async function forgetFailedAttempts(
  db: Kysely<DB>,
  options: { email: string; ip: string },
): Promise<void> {
  await db
    .deleteFrom('login_attempt')
    .where(sql<string>`lower(email)`, '=', options.email.trim().toLowerCase())
    .where('ip', '=', options.ip)
    .execute()
}
