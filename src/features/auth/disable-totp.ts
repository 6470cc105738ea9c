/**
 * Switching the second factor off (members only: administrators and moderators must keep one).
 * Needs the password; the secret and the recovery codes are deleted.
 */
import type { Account } from '../../core/accounts/account'
import { actorOf } from '../../core/accounts/account'
import { isSecondFactorRequired } from '../../core/accounts/second-factor'
import { forbidden } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { checkPassword } from './sign-in'
import { clearTotp, countRecoveryCodesLeft, findTotpState } from './totp.repository'

export async function disableTotp(
  database: Database,
  options: { account: Account; currentPassword: string; ip: string; now: Date },
): Promise<void> {
  const { account } = options
  await checkPassword(database.db, { email: account.email, password: options.currentPassword, ...options })
  await database.transaction(async (tx) => {
    const state = await findTotpState(tx.db, account.id)
    if (isSecondFactorRequired({ role: account.role, isTotpExempt: state.isTotpExempt }))
      throw forbidden(message('totp.required', { role: account.role }))
    await clearTotp(tx.db, account.id)
    await recordAudit(tx.db, {
      actor: actorOf(account),
      action: 'totp.disable',
      entity: 'user',
      entityId: account.id,
      ip: options.ip,
      at: options.now,
    })
  })
}

export async function readSecondFactorStatus(
  database: Database,
  account: Account,
): Promise<{ isEnabled: boolean; isRequired: boolean; recoveryCodesLeft: number }> {
  const state = await findTotpState(database.db, account.id)
  return {
    isEnabled: state.isConfirmed,
    isRequired: isSecondFactorRequired({ role: account.role, isTotpExempt: state.isTotpExempt }),
    recoveryCodesLeft: state.isConfirmed ? await countRecoveryCodesLeft(database.db, account.id) : 0,
  }
}
