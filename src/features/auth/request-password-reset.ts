/**
 * "Forgot password": a single-use link by mail. The answer is the same whether or not an account has
 * the address, and the limits count requests per address and per IP address (in the database, so
 * they hold across processes) whether or not the address is known, so neither the answer nor the
 * limit tells a stranger which addresses have accounts.
 */
import { AppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { queueMailToAddress } from '../mail/queue-mail'
import { countResetRequests, insertPasswordReset, recordResetRequest } from './password-reset.repository'
import { createToken, hashToken } from './tokens'
import { findUserByEmail } from './user.repository'

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60
/** Requests per address and per IP address within RESET_WINDOW_MINUTES. */
export const RESETS_PER_ADDRESS = 3
export const RESETS_PER_IP = 20
export const RESET_WINDOW_MINUTES = 60

export async function requestPasswordReset(
  database: Database,
  options: { email: string; ip: string; now: Date },
): Promise<void> {
  const email = options.email.trim().toLowerCase()
  const { now, ip } = options
  await database.transaction(async ({ db }) => {
    const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000)
    const counts = await countResetRequests(db, { email, ip, since })
    if (counts.byEmail >= RESETS_PER_ADDRESS || counts.byIp >= RESETS_PER_IP)
      throw new AppError('rate_limited', message('signIn.wait.resets', { wait: RESET_WINDOW_MINUTES * 60 }))
    await recordResetRequest(db, { email, ip, now, forgetBefore: since })
    const user = await findUserByEmail(db, email)
    if (!user || user.isDisabled) return
    const token = createToken()
    const expiresAt = new Date(now.getTime() + RESET_VALID_MINUTES * 60_000)
    await insertPasswordReset(db, { userId: user.id, tokenHash: hashToken(token), now, expiresAt })
    await queueMailToAddress(db, {
      kind: 'password_reset',
      recipient: user.email,
      userId: user.id,
      payload: { token, expiresAt: expiresAt.toISOString() },
      now,
    })
    await recordAudit(db, {
      actor: { userId: null, label: 'password reset' },
      action: 'user.request_password_reset',
      entity: 'user',
      entityId: user.id,
      after: { expiresAt: expiresAt.toISOString() },
      ip,
      at: now,
    })
  })
}
