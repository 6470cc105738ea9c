/**
 * Whom a sign-in through an organisation's OpenID Connect provider is (docs/single-sign-on.md). A
 * pure decision over what the database holds about the claims; the use case reads those facts and
 * applies the outcome. Nobody gets a role nobody gave: an account exists already, an invitation
 * names the role, or the organisation's administrator allowed the e-mail domain, which gives the
 * least role of the organisation.
 */
import type { Role } from '../permissions'

/** The role of an account created for an allowed domain: reading, nothing more. */
export const LEAST_MEMBER_ROLE: Role = 'viewer'

export type SsoRefusal =
  'email_missing' | 'email_unverified' | 'domain_not_allowed' | 'other_organisation' | 'account_disabled'

export const SSO_REFUSALS: readonly SsoRefusal[] = [
  'email_missing',
  'email_unverified',
  'domain_not_allowed',
  'other_organisation',
  'account_disabled',
]

export interface SsoBindingFacts {
  /** The organisation whose provider vouched for the person. */
  organisationId: number
  allowedDomains: readonly string[]
  email: string | null
  isEmailVerified: boolean
  /** The account already bound to this issuer and subject. */
  boundAccount: { id: number; organisationId: number | null; isDisabled: boolean } | null
  /** The account with the same e-mail address (case-insensitive). */
  accountWithEmail: { id: number; organisationId: number | null; isDisabled: boolean } | null
  /** An open invitation (unused, unexpired) for the same address. */
  invitation: { id: number; organisationId: number | null } | null
}

export type SsoBinding =
  | { kind: 'sign_in'; userId: number }
  | { kind: 'bind_account'; userId: number }
  | { kind: 'accept_invitation'; invitationId: number }
  | { kind: 'create_account'; role: Role; email: string }
  | { kind: 'refuse'; reason: SsoRefusal }

/** The lower-case domain of an address, or null for something that is not one. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@')
  if (at < 1 || at === email.length - 1) return null
  return email.slice(at + 1).toLowerCase()
}

export function decideSsoBinding(facts: SsoBindingFacts): SsoBinding {
  const belongs = (account: { organisationId: number | null }) =>
    account.organisationId === facts.organisationId
  if (facts.boundAccount) {
    if (!belongs(facts.boundAccount)) return { kind: 'refuse', reason: 'other_organisation' }
    if (facts.boundAccount.isDisabled) return { kind: 'refuse', reason: 'account_disabled' }
    return { kind: 'sign_in', userId: facts.boundAccount.id }
  }
  const email = facts.email?.trim() ?? ''
  const domain = emailDomain(email)
  if (!domain) return { kind: 'refuse', reason: 'email_missing' }
  // Only a verified address may stand for an account: anyone can type an unverified one.
  if (!facts.isEmailVerified) return { kind: 'refuse', reason: 'email_unverified' }
  if (facts.accountWithEmail) {
    // Network roles (administration, moderation) belong to no organisation: they sign in with password.
    if (!belongs(facts.accountWithEmail)) return { kind: 'refuse', reason: 'other_organisation' }
    if (facts.accountWithEmail.isDisabled) return { kind: 'refuse', reason: 'account_disabled' }
    return { kind: 'bind_account', userId: facts.accountWithEmail.id }
  }
  if (facts.invitation) {
    if (!belongs(facts.invitation)) return { kind: 'refuse', reason: 'other_organisation' }
    return { kind: 'accept_invitation', invitationId: facts.invitation.id }
  }
  if (facts.allowedDomains.some((allowed) => allowed.toLowerCase() === domain))
    return { kind: 'create_account', role: LEAST_MEMBER_ROLE, email }
  return { kind: 'refuse', reason: 'domain_not_allowed' }
}
