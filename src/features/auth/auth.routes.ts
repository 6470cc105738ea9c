import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  changePasswordRequestSchema,
  changePasswordResponseSchema,
  firstLoadAnswerSchema,
  firstLoadQuerySchema,
  sessionSchema,
  signInRequestSchema,
  signOutResponseSchema,
} from '../../contracts/auth'
import type { SessionDto } from '../../contracts/auth'
import { firstLoadCalls, lastVisitOf } from '../../core/first-load/first-load-calls'
import { isoDate } from '../../core/periods/dates'
import type { Kysely } from 'kysely'
import { readDataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'
import { hasValuesRecordedSince } from '../kpi/prepare-figure-summaries'
import type { AppContext } from '../../server/context'
import { addressAt, FOR_ANY, route } from '../../server/route'
import { SESSION_COOKIE } from './authenticate'
import { changePassword } from './change-password'
import { toFirstLoadSession, toSessionDto } from './session-dto'
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

/** What the session answer says about the data, for the start page's first load (first-load.ts). */
async function dataFacts(db: Kysely<DB>, previousVisitAt: Date | null) {
  return {
    latestComputedMonth: (await readDataVersion(db)).latestComputedMonth,
    hasValuesSinceLastVisit: await hasValuesRecordedSince(db, previousVisitAt),
  }
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
    ...(await dataFacts(input.context.database.db, session.previousVisitAt)),
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
      ...(await dataFacts(context.database.db, session.user.previousVisitAt)),
    })
  },
})

export const getFirstLoadRoute = route.public('session', 'GET /api/v1/first-load', {
  operationId: 'getFirstLoad',
  summary:
    "A page's first load in one request: the session (its CSRF token in the header x-csrf-token) and the answers of the page's first calls",
  access: { isPublic: true },
  query: firstLoadQuerySchema,
  response: firstLoadAnswerSchema,
  // The answer is sent by `answerCalls` (remembered per person, view and fingerprints): this is the reply.
  async handler({ query, session, viewer, context, request, reply, now }) {
    const db = context.database.db
    const facts = await dataFacts(db, session?.user.previousVisitAt ?? null)
    const shown =
      session && viewer
        ? toFirstLoadSession({
            user: session.user,
            viewer,
            previousVisitAt: session.user.previousVisitAt,
            ...facts,
          })
        : null
    const calls = firstLoadCalls(query.path, {
      isSignedIn: shown !== null,
      canViewImports: shown?.abilities.canViewImports ?? false,
      organisationId: shown?.user.organisationId ?? null,
      lastVisit: lastVisitOf(shown),
      latestMonth: facts.latestComputedMonth,
      now,
    })
    reply.header('cache-control', 'no-store')
    if (session) reply.header('x-csrf-token', session.csrfToken)
    return context.answerCalls(calls, { request, reply, now, head: { session: shown, calls } })
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
