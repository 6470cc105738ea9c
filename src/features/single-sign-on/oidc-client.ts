/**
 * The one place that speaks OpenID Connect, through openid-client: discovery of the provider, the
 * authorization URL with PKCE, state and nonce, and the code exchange, which checks the ID token
 * (signature, issuer, audience, expiry, nonce) before any claim is read.
 */
import * as client from 'openid-client'
import { AppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { SsoProviderRow } from './sso.repository'

/** Seconds to wait for the provider before the sign-in fails with "unavailable". */
const PROVIDER_TIMEOUT_SECONDS = 10

export async function discoverProvider(provider: SsoProviderRow): Promise<client.Configuration> {
  const issuer = new URL(provider.issuer)
  try {
    // Plain http only reaches here for localhost issuers the operator allowed (sso-settings.ts).
    return await client.discovery(issuer, provider.client_id, provider.client_secret, undefined, {
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_SECONDS,
    })
  } catch (error) {
    throw new AppError(
      'unavailable',
      message('sso.providerUnreachable', { name: provider.display_name, reason: (error as Error).message }),
    )
  }
}

export interface AuthorizationRequest {
  url: string
  state: string
  nonce: string
  codeVerifier: string
}

export async function buildAuthorizationRequest(
  config: client.Configuration,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  return { url: url.href, state, nonce, codeVerifier }
}

export interface VerifiedClaims {
  issuer: string
  subject: string
  email: string | null
  isEmailVerified: boolean
  name: string | null
}

/** Exchanges the code of the callback URL; throws `unauthenticated` for anything that does not verify. */
export async function exchangeCode(
  config: client.Configuration,
  options: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedClaims> {
  let claims: client.IDToken | undefined
  try {
    const tokens = await client.authorizationCodeGrant(config, options.callbackUrl, {
      pkceCodeVerifier: options.codeVerifier,
      expectedState: options.state,
      expectedNonce: options.nonce,
      idTokenExpected: true,
    })
    claims = tokens.claims()
  } catch (error) {
    throw new AppError(
      'unauthenticated',
      message('sso.answerNotVerified', { reason: (error as Error).message }),
    )
  }
  if (!claims) throw new AppError('unauthenticated', message('sso.noIdToken'))
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: text(claims.email),
    // Some providers send the flag as a string.
    isEmailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: text(claims.name),
  }
}
