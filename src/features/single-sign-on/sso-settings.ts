/**
 * The operator's settings of sign-in with OpenID Connect (docs/single-sign-on.md): where browsers
 * reach the app (the redirect URI is built from it) and whether plain-http issuers on this machine
 * are accepted (tests and trials only; otherwise issuers must use HTTPS).
 */
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'

export interface SingleSignOnSettings {
  /** BENCHLEARN_PUBLIC_URL without a trailing slash; null: sign-in with OpenID Connect is off. */
  publicUrl: string | null
  /** BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST=true: http:// issuers on localhost are accepted. */
  isHttpLocalhostAllowed: boolean
}

export const SSO_OFF: SingleSignOnSettings = { publicUrl: null, isHttpLocalhostAllowed: false }

/** The web UI's page that the provider sends the browser back to. */
export const SSO_CALLBACK_PATH = '/sign-in/sso'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Reads the settings from the environment; a malformed value is an error, not a silent default. */
export function singleSignOnSettingsFromEnv(env: Record<string, string | undefined>): SingleSignOnSettings {
  const raw = env.BENCHLEARN_PUBLIC_URL?.trim()
  let publicUrl: string | null = null
  if (raw) {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw invalidInput(message('sso.publicUrlNotUrl', { raw }), [
        detail(message('sso.publicUrlExample'), { field: 'BENCHLEARN_PUBLIC_URL', value: raw }),
      ])
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw invalidInput(message('sso.publicUrlScheme', { raw }))
    publicUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  }
  const allowHttp = env.BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST?.trim()
  if (allowHttp && allowHttp !== 'true' && allowHttp !== 'false')
    throw invalidInput(message('sso.allowHttpBoolean', { value: allowHttp }))
  return { publicUrl, isHttpLocalhostAllowed: allowHttp === 'true' }
}

export function redirectUriOf(settings: SingleSignOnSettings): string | null {
  return settings.publicUrl === null ? null : `${settings.publicUrl}${SSO_CALLBACK_PATH}`
}

/** Whether an issuer may be used: HTTPS, or http on this machine when the operator allowed it. */
export function isAcceptedIssuer(issuer: string, settings: SingleSignOnSettings): boolean {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return false
  }
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && settings.isHttpLocalhostAllowed && LOCAL_HOSTS.has(url.hostname)
}

export function assertAcceptedIssuer(issuer: string, settings: SingleSignOnSettings): void {
  if (!isAcceptedIssuer(issuer, settings))
    throw invalidInput(message('sso.issuerNotHttps', { issuer }), [
      detail(message('sso.issuerExpected'), { field: 'issuer', value: issuer }),
    ])
}
