import { updateUserRequestSchema, userIdParamsSchema, userListSchema, userSchema } from '../../contracts/auth'
import { forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import { canManageAccount, type AccountInRings, type Viewer } from '../../core/permissions'
import { defineRoute, requireViewer } from '../../server/route'
import { recordAudit } from '../audit/record-audit'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { deleteSessionsOfUser } from './session.repository'
import { toUserDto } from './session-dto'
import { findUserById, listUsers, updateUser, type UserRow } from './user.repository'

const today = (now: Date) => now.toISOString().slice(0, 10)

async function accountOf(
  db: Kysely<DB>,
  user: Pick<UserRow, 'role' | 'organisationId'>,
  at: string,
): Promise<AccountInRings> {
  if (user.organisationId === null) return { role: user.role, organisation: null }
  const rings = await findOrganisationRings(db, { at, ids: [user.organisationId] })
  return {
    role: user.role,
    organisation: rings.get(user.organisationId) ?? { id: user.organisationId, rings: [] },
  }
}

function auditView(user: UserRow) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    locale: user.locale,
    isDisabled: user.isDisabled,
    moderatedRingIds: user.moderatedRingIds,
  }
}

async function visibleUserDtos(db: Kysely<DB>, viewer: Viewer, at: string) {
  const users = await listUsers(db)
  const rings = await findOrganisationRings(db, { at })
  return users
    .map((user) => {
      const organisationRings =
        user.organisationId === null ? null : (rings.get(user.organisationId)?.rings ?? [])
      const account: AccountInRings = {
        role: user.role,
        organisation:
          user.organisationId === null ? null : { id: user.organisationId, rings: organisationRings ?? [] },
      }
      // Administrators see every account; moderators the accounts they manage, and themselves.
      const isVisible =
        viewer.role === 'admin' || user.id === viewer.userId || canManageAccount(viewer, account)
      return isVisible
        ? toUserDto(user, { viewer, organisationRings: organisationRings ? [...organisationRings] : null })
        : null
    })
    .filter((u) => u !== null)
}

export const listUsersRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/users',
  operationId: 'listUsers',
  summary: 'Accounts: all for administrators, member accounts of their rings for moderators',
  tag: 'users',
  access: { roles: ['admin', 'moderator'] },
  response: userListSchema,
  async handler({ context, viewer }) {
    return { users: await visibleUserDtos(context.database.db, requireViewer(viewer), today(context.now())) }
  },
})

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/users/:id',
  operationId: 'updateUser',
  summary: 'Change an account: name, role, organisation, language, disabled, moderated rings',
  tag: 'users',
  access: { roles: ['admin', 'moderator'] },
  params: userIdParamsSchema,
  body: updateUserRequestSchema,
  response: userSchema,
  async handler({ params, body, context, viewer, request }) {
    const caller = requireViewer(viewer)
    const now = context.now()
    const at = today(now)
    return context.database.transaction(async (tx) => {
      const before = await findUserById(tx.db, params.id)
      // An account the caller may not manage does not exist for them.
      if (!before || !canManageAccount(caller, await accountOf(tx.db, before, at)))
        throw notFound(`no account with the id ${params.id}`)
      if (before.id === caller.userId && (body.role !== undefined || body.isDisabled !== undefined))
        throw forbidden('you cannot change the role of your own account or disable it')
      if (body.moderatedRingIds !== undefined && caller.role !== 'admin')
        throw forbidden('only administrators limit moderators to rings')
      const role = body.role ?? before.role
      const organisationId = body.organisationId !== undefined ? body.organisationId : before.organisationId
      if ((role === 'member_lead' || role === 'member_analyst') && organisationId === null)
        throw invalidInput(`the role ${role} needs an organisation`, [
          { field: 'organisationId', message: 'required' },
        ])
      if (!canManageAccount(caller, await accountOf(tx.db, { role, organisationId }, at)))
        throw forbidden('you may not give an account this role or organisation')
      await updateUser(tx.db, before.id, { ...body, organisationId })
      if (body.isDisabled) await deleteSessionsOfUser(tx.db, before.id)
      const after = (await findUserById(tx.db, before.id))!
      const actor = await findUserById(tx.db, caller.userId)
      await recordAudit(tx.db, {
        actor: { userId: caller.userId, label: actor?.email ?? `user ${caller.userId}` },
        action: 'user.update',
        entity: 'user',
        entityId: before.id,
        before: auditView(before),
        after: auditView(after),
        ip: request.ip,
        at: now,
      })
      const rings =
        after.organisationId === null ? null : (await accountOf(tx.db, after, at)).organisation?.rings
      return toUserDto(after, { viewer: caller, organisationRings: rings ? [...rings] : null })
    })
  },
})
