/**
 * Invitation links: an administrator (any role) or a moderator (member roles for organisations of
 * their rings) creates a link; whoever opens it sets name and password and is signed in. No mail
 * server: the creator passes the link on. The token is in the URL fragment (#…), so it reaches
 * neither server logs nor Referer headers; the database keeps only its hash.
 */
import type { Kysely } from 'kysely'
import {
  acceptInvitationRequestSchema,
  createInvitationRequestSchema,
  invitationSchema,
  sessionSchema,
} from '../../contracts/auth'
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import { canManageAccount } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { defineRoute, requireViewer } from '../../server/route'
import { recordAudit } from '../audit/record-audit'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { setSessionCookie } from './auth.routes'
import { hashPassword } from './password'
import { toSessionDto } from './session-dto'
import { startSession } from './sign-in'
import { createToken, hashToken } from './tokens'
import { findUserByEmail, findUserById, insertUser, loadViewer } from './user.repository'

/** The page of the web UI that accepts an invitation; the token follows in the fragment. */
export const INVITATION_PATH = '/invitation'

export async function insertInvitation(
  db: Kysely<DB>,
  options: {
    role: 'admin' | 'moderator' | 'member_lead' | 'member_analyst' | 'viewer'
    organisationId: number | null
    email: string | null
    createdBy: number | null
    now: Date
    validHours: number
  },
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const token = createToken()
  const expiresAt = new Date(options.now.getTime() + options.validHours * 3600_000)
  const { id } = await db
    .insertInto('invitation')
    .values({
      token_hash: hashToken(token),
      email: options.email,
      role: options.role,
      organisation_id: options.organisationId,
      created_by: options.createdBy,
      created_at: options.now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, token, expiresAt }
}

export const createInvitationRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/invitations',
  operationId: 'createInvitation',
  summary: 'Create an invitation link for a role (and organisation); the token is shown once',
  tag: 'users',
  access: { roles: ['admin', 'moderator'] },
  body: createInvitationRequestSchema,
  response: invitationSchema,
  async handler({ body, context, viewer, request }) {
    const caller = requireViewer(viewer)
    const now = context.now()
    const at = now.toISOString().slice(0, 10)
    if ((body.role === 'member_lead' || body.role === 'member_analyst') && body.organisationId === null)
      throw invalidInput(`the role ${body.role} needs an organisation`, [
        { field: 'organisationId', message: 'required' },
      ])
    return context.database.transaction(async (tx) => {
      let organisation = null
      if (body.organisationId !== null) {
        organisation = (await findOrganisationRings(tx.db, { at, ids: [body.organisationId] })).get(
          body.organisationId,
        )
        if (!organisation) throw notFound(`no organisation with the id ${body.organisationId}`)
      }
      if (!canManageAccount(caller, { role: body.role, organisation: organisation ?? null }))
        throw forbidden(
          `you may not invite a ${body.role}${body.organisationId ? ' for this organisation' : ''}`,
        )
      const email = body.email?.trim() ?? null
      if (email && (await findUserByEmail(tx.db, email)))
        throw conflict(`an account for ${email} exists already`)
      const created = await insertInvitation(tx.db, {
        role: body.role,
        organisationId: body.organisationId,
        email,
        createdBy: caller.userId,
        now,
        validHours: body.validHours,
      })
      const actor = await findUserById(tx.db, caller.userId)
      await recordAudit(tx.db, {
        actor: { userId: caller.userId, label: actor?.email ?? `user ${caller.userId}` },
        action: 'invitation.create',
        entity: 'invitation',
        entityId: created.id,
        after: {
          role: body.role,
          organisationId: body.organisationId,
          email,
          expiresAt: created.expiresAt.toISOString(),
        },
        ip: request.ip,
        at: now,
      })
      return {
        id: created.id,
        role: body.role,
        organisationId: body.organisationId,
        email,
        expiresAt: created.expiresAt.toISOString(),
        token: created.token,
        path: `${INVITATION_PATH}#${created.token}`,
      }
    })
  },
})

export const acceptInvitationRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/invitations/accept',
  operationId: 'acceptInvitation',
  summary: 'Accept an invitation: set name and password, and be signed in',
  tag: 'session',
  access: { isPublic: true },
  body: acceptInvitationRequestSchema,
  response: sessionSchema,
  async handler({ body, context, request, reply }) {
    const now = context.now()
    const passwordHash = await hashPassword(body.password)
    const session = await context.database.transaction(async (tx) => {
      const invitation = await tx.db
        .selectFrom('invitation')
        .selectAll()
        .where('token_hash', '=', hashToken(body.token))
        .forUpdate()
        .executeTakeFirst()
      // One answer for unknown, used and expired links: the token is the only secret here.
      if (!invitation || invitation.used_at !== null || invitation.expires_at <= now)
        throw notFound('this invitation link is unknown, used or expired; ask for a new one')
      const email = (invitation.email ?? body.email ?? '').trim()
      if (!email) throw invalidInput('an e-mail address is needed', [{ field: 'email', message: 'required' }])
      if (await findUserByEmail(tx.db, email)) throw conflict(`an account for ${email} exists already`)
      const userId = await insertUser(tx.db, {
        email,
        name: body.name,
        role: invitation.role,
        organisationId: invitation.organisation_id,
        passwordHash,
        now,
      })
      await tx.db
        .updateTable('invitation')
        .set({ used_at: now, used_by: userId })
        .where('id', '=', invitation.id)
        .execute()
      const user = (await findUserById(tx.db, userId))!
      await recordAudit(tx.db, {
        actor: { userId, label: email },
        action: 'user.create',
        entity: 'user',
        entityId: userId,
        after: {
          email,
          name: body.name,
          role: invitation.role,
          organisationId: invitation.organisation_id,
          invitationId: invitation.id,
        },
        ip: request.ip,
        at: now,
      })
      return startSession(tx.db, { user, userAgent: request.headers['user-agent'] ?? null, now })
    })
    setSessionCookie(request, reply, session.token, session.expiresAt)
    const viewer = await loadViewer(context.database.db, session.user, now.toISOString().slice(0, 10))
    const dto = toSessionDto({
      user: session.user,
      viewer,
      csrfToken: session.csrfToken,
      previousVisitAt: null,
    })
    reply.header('x-abilities', JSON.stringify(dto.abilities))
    return dto
  },
})
