/**
 * The operator's settings of sign-in with OpenID Connect (docs/single-sign-on.md): where browsers
 * reach the app (the redirect URI is built from it) and whether plain-http issuers on this machine
 * are accepted (tests and trials only; otherwise issuers must use HTTPS).
 */
import { invalidInput } from '../../core/errors/app-error'

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
      throw invalidInput(`BENCHLEARN_PUBLIC_URL is not a URL: ${raw}`, [
        {
          field: 'BENCHLEARN_PUBLIC_URL',
          value: raw,
          message: 'expected e.g. https://benchlearn.example.de',
        },
      ])
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw invalidInput(`BENCHLEARN_PUBLIC_URL must start with https:// (or http://): ${raw}`)
    publicUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  }
  const allowHttp = env.BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST?.trim()
  if (allowHttp && allowHttp !== 'true' && allowHttp !== 'false')
    throw invalidInput(`BENCHLEARN_SSO_ALLOW_HTTP_LOCALHOST must be true or false, not ${allowHttp}`)
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
    throw invalidInput(`the issuer must be an https:// URL: ${issuer}`, [
      { field: 'issuer', value: issuer, message: 'expected https://… (http only on localhost when allowed)' },
    ])
}
