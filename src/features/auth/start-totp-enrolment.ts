/**
 * Setting up an authenticator app: after the password (checked under the sign-in limits) the account
 * gets a new secret that waits for its first code (confirmed by check-second-factor.ts at the next
 * sign-in, or by confirm-totp-enrolment.ts when signed in). A confirmed second factor is not replaced
 * this way: it has to be switched off first (disable-totp.ts), which needs the password again.
 */
import { createTotpSecret, otpauthUri } from '../../core/accounts/totp'
import { actorOf } from '../../core/accounts/account'
import { conflict } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { checkPassword } from './sign-in'
import { findTotpState, setPendingTotpSecret } from './totp.repository'

/** How the account is labelled in authenticator apps. */
export const TOTP_ISSUER = 'benchlearn'

export async function startTotpEnrolment(
  database: Database,
  options: { email: string; password: string; ip: string; now: Date },
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await checkPassword(database.db, options)
  return database.transaction(async (tx) => {
    if ((await findTotpState(tx.db, user.id)).isConfirmed) throw conflict(message('totp.alreadySetUp'))
    const secret = createTotpSecret()
    await setPendingTotpSecret(tx.db, { userId: user.id, secret })
    await recordAudit(tx.db, {
      actor: actorOf(user),
      action: 'totp.enrolment_start',
      entity: 'user',
      entityId: user.id,
      ip: options.ip,
      at: options.now,
    })
    return { secret, otpauthUri: otpauthUri({ secret, account: user.email, issuer: TOTP_ISSUER }) }
  })
}
