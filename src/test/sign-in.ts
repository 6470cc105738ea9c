import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { TEST_PASSWORD } from './factories'

export interface SignedIn {
  /** `cookie` header value carrying the session. */
  cookie: string
  csrfToken: string
  /** Headers for app.inject: the cookie, plus the CSRF header (harmless on reads). */
  headers: Record<string, string>
  /** app.inject with this session's headers merged in. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>
}

/**
 * One sign-in attempt (POST /api/v1/session) with an address and a password; `options` adds to the
 * request (a proxy's headers, the client's address).
 */
export function postSession(
  app: FastifyInstance,
  email: string,
  password: string,
  options: Omit<InjectOptions, 'method' | 'url' | 'payload'> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, method: 'POST', url: '/api/v1/session', payload: { email, password } })
}

/** Signs in through the API (POST /api/v1/session) and returns what later requests need. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<SignedIn> {
  const response = await postSession(app, email, password)
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`)
  const sessionCookie = response.cookies.find((c) => c.name === 'bl_session')
  if (!sessionCookie) throw new Error(`sign-in as ${email} set no session cookie`)
  const cookie = `bl_session=${sessionCookie.value}`
  const csrfToken: string = response.json().csrfToken
  const headers = { cookie, 'x-csrf-token': csrfToken }
  return {
    cookie,
    csrfToken,
    headers,
    inject: (options) => app.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } }),
  }
}
