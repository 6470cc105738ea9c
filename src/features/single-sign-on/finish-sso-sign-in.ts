/**
 * The second half of a sign-in with an organisation's provider: the state must be one this browser
 * started (its cookie) and still open (used once), the code is exchanged and the ID token verified
 * (oidc-client.ts), then core/accounts/sso-binding.ts decides whom the claims stand for. A first
 * sign-in binds issuer and subject to the account; later ones match by them alone. Refusals are
 * audited and answered with a reason the sign-in page names in the reader's language.
 */
import type { Kysely } from 'kysely'
import { actorOf, type Account, type AuditActor } from '../../core/accounts/account'
import { decideSsoBinding, type SsoBinding, type SsoRefusal } from '../../core/accounts/sso-binding'
import { AppError, detail, notFound } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import { addUser } from '../auth/create-user'
import { markInvitationUsed } from '../auth/invitation.repository'
import { startSession, type NewSession } from '../auth/sign-in'
import { hashToken, isSameSecret } from '../auth/tokens'
import { findUserByEmail, findUserById } from '../auth/user.repository'
import { discoverProvider, exchangeCode, type VerifiedClaims } from './oidc-client'
import {
  findOpenInvitationForEmail,
  findSsoIdentity,
  findSsoProvider,
  insertSsoIdentity,
  takeSsoSignIn,
} from './sso.repository'
import { redirectUriOf, type SingleSignOnSettings } from './sso-settings'

export interface FinishSsoSignInOptions {
  /** The query string the provider sent the browser back with. */
  callbackQuery: string
  /** The state this browser started with (its cookie), or null. */
  browserState: string | null
  settings: SingleSignOnSettings
  ip: string
  userAgent: string | null
  now: Date
}

/** Why a sign-in was refused, as catalogue messages; the web UI names the reason from its catalogue. */
const REFUSAL_TEXTS: Record<SsoRefusal, Message> = {
  email_missing: message('sso.refusedEmailMissing'),
  email_unverified: message('sso.refusedEmailUnverified'),
  domain_not_allowed: message('sso.refusedDomainNotAllowed'),
  other_organisation: message('sso.refusedOtherOrganisation'),
  account_disabled: message('sso.refusedAccountDisabled'),
}

export function ssoRefusal(reason: SsoRefusal): AppError {
  return new AppError('forbidden', REFUSAL_TEXTS[reason], [
    detail(REFUSAL_TEXTS[reason], { field: 'reason', value: reason }),
  ])
}

export async function finishSsoSignIn(
  database: Database,
  options: FinishSsoSignInOptions,
): Promise<NewSession> {
  const { now } = options
  const redirectUri = redirectUriOf(options.settings)
  if (redirectUri === null)
    // Not set up is not a passing outage: 404 like any other thing this server does not have.
    throw notFound(message('sso.notSetUp'))
  const query = new URLSearchParams(options.callbackQuery.replace(/^\?/, ''))
  const state = query.get('state') ?? ''
  // Bound to the browser that started it: nobody can make a victim finish the attacker's sign-in.
  if (!state || !options.browserState || !isSameSecret(state, options.browserState))
    throw new AppError('unauthenticated', message('sso.otherBrowser'))
  // Taken (deleted) before anything else: a state works once, also when the rest fails.
  const started = await takeSsoSignIn(database.db, hashToken(state))
  if (!started || started.expires_at <= now)
    throw new AppError('unauthenticated', message('sso.signInExpired'))
  const provider = await findSsoProvider(database.db, started.organisation_id)
  if (!provider) throw notFound(message('sso.providerGone'))
  const claims = await exchangeCode(await discoverProvider(provider), {
    callbackUrl: new URL(`${redirectUri}?${query.toString()}`),
    state,
    nonce: started.nonce,
    codeVerifier: started.code_verifier,
  })
  const client = { ip: options.ip, userAgent: options.userAgent, now }
  const outcome = await database.transaction(async (tx) => {
    const binding = await decide(tx.db, {
      claims,
      organisationId: provider.organisation_id,
      allowedDomains: provider.allowed_domains,
      now,
    })
    if (binding.kind === 'refuse') {
      await recordAudit(tx.db, {
        actor: { userId: null, label: claims.email ?? `${claims.issuer} ${claims.subject}` },
        action: 'sso.refuse',
        entity: 'sso_provider',
        entityId: provider.organisation_id,
        after: {
          reason: binding.reason,
          issuer: claims.issuer,
          subject: claims.subject,
          email: claims.email,
        },
        ip: options.ip,
        at: now,
      })
      return binding
    }
    return applyBinding(tx.db, { binding, claims, organisationId: provider.organisation_id, ...client })
  })
  // Refused after the transaction, so that its audit entry is kept.
  if ('kind' in outcome) throw ssoRefusal(outcome.reason)
  return outcome
}

async function decide(
  db: Kysely<DB>,
  options: { claims: VerifiedClaims; organisationId: number; allowedDomains: string[]; now: Date },
): Promise<SsoBinding> {
  const { claims } = options
  const bound = await findSsoIdentity(db, { issuer: claims.issuer, subject: claims.subject })
  const boundAccount = bound ? await findUserById(db, bound.user_id) : undefined
  const accountWithEmail = claims.email ? await findUserByEmail(db, claims.email) : undefined
  const invitation = claims.email
    ? await findOpenInvitationForEmail(db, { email: claims.email, now: options.now })
    : undefined
  const facts = (account: Account | undefined) =>
    account
      ? { id: account.id, organisationId: account.organisationId, isDisabled: account.isDisabled }
      : null
  return decideSsoBinding({
    organisationId: options.organisationId,
    allowedDomains: options.allowedDomains,
    email: claims.email,
    isEmailVerified: claims.isEmailVerified,
    boundAccount: facts(boundAccount),
    accountWithEmail: facts(accountWithEmail),
    invitation: invitation ? { id: invitation.id, organisationId: invitation.organisation_id } : null,
  })
}

async function applyBinding(
  db: Kysely<DB>,
  options: {
    binding: Exclude<SsoBinding, { kind: 'refuse' }>
    claims: VerifiedClaims
    organisationId: number
    ip: string
    userAgent: string | null
    now: Date
  },
): Promise<NewSession> {
  const { binding, claims, now } = options
  const name = claims.name ?? claims.email?.split('@')[0] ?? claims.subject
  let user: Account
  if (binding.kind === 'sign_in' || binding.kind === 'bind_account') {
    user = (await findUserById(db, binding.userId))!
  } else if (binding.kind === 'accept_invitation') {
    const invitation = (await findOpenInvitationForEmail(db, { email: claims.email!, now }))!
    user = await addUser(db, {
      email: claims.email!,
      name,
      role: invitation.role,
      organisationId: invitation.organisation_id,
      passwordHash: null,
      invitationId: invitation.id,
      ip: options.ip,
      now,
    })
    await markInvitationUsed(db, { id: invitation.id, usedBy: user.id, now })
  } else {
    user = await addUser(db, {
      email: binding.email,
      name,
      role: binding.role,
      organisationId: options.organisationId,
      passwordHash: null,
      ip: options.ip,
      now,
    })
  }
  const actor: AuditActor = actorOf(user)
  if (binding.kind !== 'sign_in') {
    await insertSsoIdentity(db, {
      issuer: claims.issuer,
      subject: claims.subject,
      userId: user.id,
      organisationId: options.organisationId,
      now,
    })
    await recordAudit(db, {
      actor,
      action: 'sso_identity.create',
      entity: 'user',
      entityId: user.id,
      after: { issuer: claims.issuer, subject: claims.subject, binding: binding.kind },
      ip: options.ip,
      at: now,
    })
  }
  const session = await startSession(db, { user, userAgent: options.userAgent, now })
  await recordAudit(db, {
    actor,
    action: 'session.create',
    entity: 'session',
    entityId: session.sessionId,
    after: { userAgent: options.userAgent, method: 'sso', issuer: claims.issuer },
    ip: options.ip,
    at: now,
  })
  return session
}
