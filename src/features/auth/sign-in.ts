/**
 * Sign-in with e-mail and password: limited as sign-in-limits.ts says, one answer for every
 * failure (no user enumeration), the same scrypt work for unknown addresses (no timing oracle),
 * and a new session whose token only the cookie carries (the database keeps its hash).
 */
import type { Kysely } from 'kysely'
import { actorOf, type Account } from '../../core/accounts/account'
import { AppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { dummyPasswordHash, verifyPassword } from './password'
import { insertSession } from './session.repository'
import { assertNotRateLimited, forgetFailedAttempts, recordFailedAttempt } from './sign-in-limits'
import { checkSecondFactor } from './check-second-factor'
import { createToken, hashToken } from './tokens'
import { findPasswordHash, findUserByEmail, recordVisit } from './user.repository'

export const SESSION_HOURS = 12
export interface SignInOptions {
  email: string
  password: string
  /** A TOTP or recovery code, for accounts with a second factor. */
  code?: string
  ip: string
  userAgent: string | null
  now: Date
}

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
  sessionId: number
  user: Account
  /** The user's last visit before this sign-in. */
  previousVisitAt: Date | null
  /** When this sign-in confirmed a new second factor: its recovery codes, shown once. */
  recoveryCodes?: string[]
}

/**
 * Checks e-mail and password under the sign-in limits; the account when both are right. Failures
 * count towards the limits and get one answer for unknown address, wrong password and disabled account.
 */
export async function checkPassword(
  db: Kysely<DB>,
  options: { email: string; password: string; ip: string; now: Date },
): Promise<Account> {
  const email = options.email.trim().toLowerCase()
  await assertNotRateLimited(db, { email, ip: options.ip, now: options.now })
  const user = await findUserByEmail(db, email)
  const stored = user ? await findPasswordHash(db, user.id) : null
  const isValid = await verifyPassword(options.password, stored ?? (await dummyPasswordHash()))
  if (!user || !stored || !isValid || user.isDisabled) {
    await recordFailedAttempt(db, { email, ip: options.ip, now: options.now })
    throw new AppError('unauthenticated', message('signIn.wrong'))
  }
  return user
}

export async function signIn(database: Database, options: SignInOptions): Promise<NewSession> {
  const email = options.email.trim().toLowerCase()
  const user = await checkPassword(database.db, { ...options, email })
  // The second factor after the password: its demands reveal nothing to someone without the password.
  const recoveryCodes = await checkSecondFactor(database.db, {
    user,
    code: options.code,
    ip: options.ip,
    now: options.now,
  })
  return database.transaction(async (tx) => {
    await forgetFailedAttempts(tx.db, { email, ip: options.ip })
    const session = await startSession(tx.db, { user, userAgent: options.userAgent, now: options.now })
    await recordAudit(tx.db, {
      actor: actorOf(user),
      action: 'session.create',
      entity: 'session',
      entityId: session.sessionId,
      after: { userAgent: options.userAgent },
      ip: options.ip,
      at: options.now,
    })
    return recoveryCodes ? { ...session, recoveryCodes } : session
  })
}

/** Opens a session for a user whose identity is established (password or invitation). */
export async function startSession(
  db: Kysely<DB>,
  options: { user: Account; userAgent: string | null; now: Date },
): Promise<NewSession> {
  const token = createToken()
  const csrfToken = createToken()
  const expiresAt = new Date(options.now.getTime() + SESSION_HOURS * 3600_000)
  const sessionId = await insertSession(db, {
    userId: options.user.id,
    tokenHash: hashToken(token),
    csrfToken,
    now: options.now,
    expiresAt,
    userAgent: options.userAgent,
  })
  const previousVisitAt = options.user.lastSeenAt
  await recordVisit(db, { userId: options.user.id, previousVisitAt, now: options.now })
  return { token, csrfToken, expiresAt, sessionId, user: options.user, previousVisitAt }
}
