import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  changePasswordRequestSchema,
  changePasswordResponseSchema,
  sessionSchema,
  signInRequestSchema,
  signOutResponseSchema,
} from '../../contracts/auth'
import { invalidInput } from '../../core/errors/app-error'
import { defineRoute, requireViewer } from '../../server/route'
import { recordAudit } from '../audit/record-audit'
import { SESSION_COOKIE } from './authenticate'
import { hashPassword, verifyPassword } from './password'
import { deleteSession, deleteSessionsOfUser } from './session.repository'
import { toSessionDto } from './session-dto'
import { signIn } from './sign-in'
import { assertNotRateLimited, recordFailedAttempt } from './sign-in-limits'
import { findPasswordHash, findUserById, loadViewer, updateUser } from './user.repository'

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site writes), Secure when served over TLS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  })
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  })
}

export const signInRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/session',
  operationId: 'signIn',
  isRateLimited: true,
  summary: 'Sign in with e-mail and password; sets the session cookie and returns the session',
  tag: 'session',
  access: { isPublic: true },
  body: signInRequestSchema,
  response: sessionSchema,
  async handler({ body, context, request, reply }) {
    const now = context.now()
    const session = await signIn(context.database, {
      email: body.email,
      password: body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      now,
    })
    setSessionCookie(request, reply, session.token, session.expiresAt)
    const viewer = await loadViewer(context.database.db, session.user, now.toISOString().slice(0, 10))
    const dto = toSessionDto({
      user: session.user,
      viewer,
      csrfToken: session.csrfToken,
      previousVisitAt: session.previousVisitAt,
    })
    reply.header('x-abilities', JSON.stringify(dto.abilities))
    return dto
  },
})

export const getSessionRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/session',
  operationId: 'getSession',
  summary: 'The signed-in user, the CSRF token for writes and the abilities of the session',
  tag: 'session',
  access: { roles: 'any' },
  response: sessionSchema,
  async handler({ viewer, session }) {
    const signedIn = requireViewer(viewer)
    // The account as the session check read it: no second lookup (it is as fresh as the auth version).
    if (!session) throw invalidInput('session without user')
    return toSessionDto({
      user: session.user,
      viewer: signedIn,
      csrfToken: session.csrfToken,
      previousVisitAt: session.user.previousVisitAt,
    })
  },
})

export const signOutRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/session',
  operationId: 'signOut',
  summary: 'Sign out: ends this session and clears the cookie',
  tag: 'session',
  access: { roles: 'any' },
  response: signOutResponseSchema,
  async handler({ context, viewer, session, request, reply }) {
    const signedIn = requireViewer(viewer)
    if (session) {
      await context.database.transaction(async (tx) => {
        await deleteSession(tx.db, session.id)
        const user = await findUserById(tx.db, signedIn.userId)
        await recordAudit(tx.db, {
          actor: { userId: signedIn.userId, label: user?.email ?? `user ${signedIn.userId}` },
          action: 'session.delete',
          entity: 'session',
          entityId: session.id,
          ip: request.ip,
          at: context.now(),
        })
      })
    }
    clearSessionCookie(request, reply)
    return { isSignedOut: true as const }
  },
})

export const changePasswordRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/session/password',
  operationId: 'changePassword',
  isRateLimited: true,
  summary: 'Change the own password (needs the current one); ends the other sessions of the account',
  tag: 'session',
  access: { roles: 'any' },
  body: changePasswordRequestSchema,
  response: changePasswordResponseSchema,
  async handler({ body, context, viewer, session, request }) {
    const signedIn = requireViewer(viewer)
    const db = context.database.db
    const now = context.now()
    const user = await findUserById(db, signedIn.userId)
    const stored = await findPasswordHash(db, signedIn.userId)
    if (!user) throw invalidInput('session without user')
    // A stolen session must not turn into a stolen account: the current password is required,
    // and guessing it counts towards the same limit as sign-in.
    await assertNotRateLimited(db, { email: user.email, ip: request.ip, now })
    if (!stored || !(await verifyPassword(body.currentPassword, stored))) {
      await recordFailedAttempt(db, { email: user.email, ip: request.ip, now })
      throw invalidInput('the current password is wrong / das aktuelle Passwort ist falsch', [
        { field: 'currentPassword', message: 'wrong' },
      ])
    }
    const passwordHash = await hashPassword(body.newPassword)
    await context.database.transaction(async (tx) => {
      await updateUser(tx.db, user.id, { passwordHash })
      await deleteSessionsOfUser(tx.db, user.id, session?.id)
      await recordAudit(tx.db, {
        actor: { userId: user.id, label: user.email },
        action: 'user.change_password',
        entity: 'user',
        entityId: user.id,
        after: { passwordChangedAt: now.toISOString() },
        ip: request.ip,
        at: now,
      })
    })
    return { isChanged: true as const }
  },
})
