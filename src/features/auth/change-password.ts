/**
 * Changing the own password. A stolen session must not turn into a stolen account: the current
 * password is required, and guessing it counts towards the same limit as sign-in. The account's
 * other sessions end.
 */
import { actorOf, type Account } from '../../core/accounts/account'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { hashPassword, verifyPassword } from './password'
import { deleteSessionsOfUser } from './session.repository'
import { assertNotRateLimited, recordFailedAttempt } from './sign-in-limits'
import { findPasswordHash, updateUserRow } from './user.repository'

export interface ChangePasswordOptions {
  /** The signed-in account, as the session check read it. */
  account: Account
  /** The session that stays open. */
  sessionId: number
  currentPassword: string
  newPassword: string
  ip: string
  now: Date
}

export async function changePassword(database: Database, options: ChangePasswordOptions): Promise<void> {
  const { account, ip, now } = options
  const db = database.db
  await assertNotRateLimited(db, { email: account.email, ip, now })
  const stored = await findPasswordHash(db, account.id)
  if (!stored || !(await verifyPassword(options.currentPassword, stored))) {
    await recordFailedAttempt(db, { email: account.email, ip, now })
    throw invalidInput(message('passwordChange.currentWrong'), [
      detail(message('passwordChange.wrong'), { field: 'currentPassword' }),
    ])
  }
  const passwordHash = await hashPassword(options.newPassword)
  await database.transaction(async (tx) => {
    await updateUserRow(tx.db, account.id, { passwordHash })
    await deleteSessionsOfUser(tx.db, account.id, options.sessionId)
    await recordAudit(tx.db, {
      actor: actorOf(account),
      action: 'user.change_password',
      entity: 'user',
      entityId: account.id,
      after: { passwordChangedAt: now.toISOString() },
      ip,
      at: now,
    })
  })
}
