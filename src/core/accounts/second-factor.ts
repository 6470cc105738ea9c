/**
 * Who must sign in with a second factor (TOTP, docs/single-sign-on.md): the network roles, whose
 * accounts can change every organisation's data and every account. Members may choose it. Demo
 * accounts are exempt because their passwords are printed at start (and they hold synthetic data).
 */
import type { Role } from '../permissions'

export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'moderator']

export function isSecondFactorRequired(account: { role: Role; isTotpExempt: boolean }): boolean {
  return SECOND_FACTOR_ROLES.includes(account.role) && !account.isTotpExempt
}

/** Why a sign-in needs (another) code; the sign-in page names it from its catalogue. */
export type SecondFactorDemand = 'code_required' | 'enrolment_required' | 'code_wrong'
