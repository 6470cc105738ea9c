/**
 * Setting a new password with a reset link: the link works once and until it expires; using it ends
 * every session of the account and every other open link.
 */
import { actorOf } from '../../core/accounts/account'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { hashPassword } from './password'
import { closePasswordResets, takePasswordReset } from './password-reset.repository'
import { deleteSessionsOfUser } from './session.repository'
import { hashToken } from './tokens'
import { findUserById, updateUserRow } from './user.repository'

export async function resetPassword(
  database: Database,
  options: { token: string; password: string; ip: string; now: Date },
): Promise<void> {
  const { now } = options
  const passwordHash = await hashPassword(options.password)
  await database.transaction(async ({ db }) => {
    const reset = await takePasswordReset(db, { tokenHash: hashToken(options.token), now })
    const user = reset ? await findUserById(db, reset.user_id) : undefined
    if (!reset || !user || user.isDisabled)
      throw invalidInput(message('passwordReset.linkSpent'), [
        detail(message('passwordReset.spent'), { field: 'token' }),
      ])
    await updateUserRow(db, user.id, { passwordHash })
    await closePasswordResets(db, { userId: user.id, now })
    await deleteSessionsOfUser(db, user.id)
    await recordAudit(db, {
      actor: actorOf(user),
      action: 'user.reset_password',
      entity: 'user',
      entityId: user.id,
      after: { passwordChangedAt: now.toISOString() },
      ip: options.ip,
      at: now,
    })
  })
}
