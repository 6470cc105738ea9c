/** A signed-in member confirms a new authenticator app with its first code (start-totp-enrolment.ts). */
import type { Account } from '../../core/accounts/account'
import type { Database } from '../../db/connect'
import { confirmTotp, secondFactorDemand } from './check-second-factor'
import { recordFailedAttempt } from './sign-in-limits'

export async function confirmTotpEnrolment(
  database: Database,
  options: { account: Account; code: string; ip: string; now: Date },
): Promise<string[]> {
  const recoveryCodes = await database.transaction((tx) =>
    confirmTotp(tx.db, { user: options.account, ...options }),
  )
  if (recoveryCodes) return recoveryCodes
  await recordFailedAttempt(database.db, { email: options.account.email, ip: options.ip, now: options.now })
  throw secondFactorDemand('code_wrong')
}
