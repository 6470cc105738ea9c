import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  changePasswordRequestSchema,
  changePasswordResponseSchema,
  sessionSchema,
  signInRequestSchema,
  signOutResponseSchema,
} from '../../contracts/auth'
import type { SessionDto } from '../../contracts/auth'
import { isoDate } from '../../core/periods/dates'
import { readDataVersion } from '../../db/data-version'
import type { AppContext } from '../../server/context'
import { addressAt, FOR_ANY, route } from '../../server/route'
import { SESSION_COOKIE } from './authenticate'
import { changePassword } from './change-password'
import { toSessionDto } from './session-dto'
import { signIn, type NewSession } from './sign-in'
import { signOut } from './sign-out'
import { loadViewer } from './user.repository'

/**
 * HttpOnly (no script reads it), SameSite=Lax (no cross-site writes), Secure when served over TLS or
 * when the operator says the public address is https (BENCHLEARN_SECURE_COOKIES, BENCHLEARN_PUBLIC_URL).
 */
export function sessionCookieOptions(request: FastifyRequest, context: AppContext) {
  const secure = context.isSecureCookies || request.protocol === 'https'
  return { path: '/', httpOnly: true, sameSite: 'lax', secure } as const
}

/** Where a request that opens a session comes from (sign-in limits, the session, the audit log). */
export function clientOf(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }
}

/**
 * The answer to a request that opened a session (sign-in, an accepted invitation): the cookie,
 * the session with its abilities, and the abilities header every signed-in answer carries.
 */
export async function answerNewSession(
  input: { context: AppContext; now: Date; request: FastifyRequest; reply: FastifyReply },
  session: NewSession,
): Promise<SessionDto> {
  const { request, reply } = input
  reply.setCookie(SESSION_COOKIE, session.token, {
    ...sessionCookieOptions(request, input.context),
    expires: session.expiresAt,
  })
  const viewer = await loadViewer(input.context.database.db, session.user, isoDate(input.now))
  const dto = toSessionDto({
    user: session.user,
    viewer,
    csrfToken: session.csrfToken,
    previousVisitAt: session.previousVisitAt,
    latestComputedMonth: (await readDataVersion(input.context.database.db)).latestComputedMonth,
  })
  if (session.recoveryCodes) dto.recoveryCodes = session.recoveryCodes
  reply.header('x-abilities', JSON.stringify(dto.abilities))
  return dto
}

export const signInRoute = route.public('session', 'POST /api/v1/session', {
  operationId: 'signIn',
  isRateLimited: true,
  summary: 'Sign in with e-mail and password; sets the session cookie and returns the session',
  access: { isPublic: true },
  body: signInRequestSchema,
  response: sessionSchema,
  async handler(input) {
    const { body, context, request, now } = input
    const session = await signIn(context.database, { ...body, ...clientOf(request), now })
    return answerNewSession(input, session)
  },
})

export const getSessionRoute = route('session', 'GET /api/v1/session', {
  operationId: 'getSession',
  summary: 'The signed-in user, the CSRF token for writes and the abilities of the session',
  access: FOR_ANY,
  response: sessionSchema,
  async handler({ viewer, session, context }) {
    // The account as the session check read it: no second lookup (it is as fresh as the auth version).
    return toSessionDto({
      user: session.user,
      viewer,
      csrfToken: session.csrfToken,
      previousVisitAt: session.user.previousVisitAt,
      latestComputedMonth: (await readDataVersion(context.database.db)).latestComputedMonth,
    })
  },
})

export const signOutRoute = route('session', 'DELETE /api/v1/session', {
  operationId: 'signOut',
  summary: 'Sign out: ends this session and clears the cookie',
  access: FOR_ANY,
  response: signOutResponseSchema,
  async handler(input) {
    const { context, session, actor, request, reply } = input
    await signOut(context.database, { sessionId: session.id, actor, ...addressAt(input) })
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, context))
    return { isSignedOut: true as const }
  },
})

export const changePasswordRoute = route('session', 'POST /api/v1/session/password', {
  operationId: 'changePassword',
  isRateLimited: true,
  summary: 'Change the own password (needs the current one); ends the other sessions of the account',
  access: FOR_ANY,
  body: changePasswordRequestSchema,
  response: changePasswordResponseSchema,
  async handler(input) {
    const { session, body } = input
    const { currentPassword, newPassword } = body
    const change = { account: session.user, sessionId: session.id, currentPassword, newPassword }
    await changePassword(input.context.database, { ...change, ...addressAt(input) })
    return { isChanged: true as const }
  },
})
