/**
 * The first half of a sign-in with an organisation's provider: the browser is sent to the provider
 * with PKCE, state and nonce; the server keeps the state's hash, the nonce and the verifier for ten
 * minutes (in the database, so any server of several may finish it).
 */
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { hashToken } from '../auth/tokens'
import { buildAuthorizationRequest, discoverProvider } from './oidc-client'
import { findSsoProvider, insertSsoSignIn } from './sso.repository'
import { assertAcceptedIssuer, redirectUriOf, type SingleSignOnSettings } from './sso-settings'

export const SSO_SIGN_IN_MINUTES = 10

export async function startSsoSignIn(
  database: Database,
  options: { organisationId: number; settings: SingleSignOnSettings; now: Date },
): Promise<{ authorizationUrl: string; state: string }> {
  const redirectUri = redirectUriOf(options.settings)
  if (redirectUri === null)
    // Not set up is not a passing outage: 404 like any other thing this server does not have.
    throw notFound(message('sso.notSetUp'))
  const provider = await findSsoProvider(database.db, options.organisationId)
  if (!provider) throw notFound(message('sso.noProvider', { organisationId: options.organisationId }))
  assertAcceptedIssuer(provider.issuer, options.settings)
  const request = await buildAuthorizationRequest(await discoverProvider(provider), redirectUri)
  await insertSsoSignIn(database.db, {
    stateHash: hashToken(request.state),
    organisationId: provider.organisation_id,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    now: options.now,
    expiresAt: new Date(options.now.getTime() + SSO_SIGN_IN_MINUTES * 60_000),
  })
  return { authorizationUrl: request.url, state: request.state }
}
