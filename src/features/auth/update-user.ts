/**
 * Changing an account: name, role, organisation, language, disabled, moderated rings. Administrators
 * change any account, moderators member accounts of their rings (core/permissions canManageAccount),
 * before and after the change; nobody changes their own role or disables themselves.
 */
import type { Account, AuditActor } from '../../core/accounts/account'
import { forbidden, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { isoDate } from '../../core/periods/dates'
import { canManageAccount, requireOrganisationForRole, type Viewer } from '../../core/permissions'
import type { UserDto } from '../../contracts/auth'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { loadAccountInRings } from './load-account-in-rings'
import { deleteSessionsOfUser } from './session.repository'
import { toUserDto } from './session-dto'
import { findUserById, updateUserRow, type UserChanges } from './user.repository'

export interface UpdateUserOptions {
  viewer: Viewer
  actor: AuditActor
  id: number
  changes: Omit<UserChanges, 'passwordHash'>
  now: Date
  ip?: string | null
}

function auditView(user: Account) {
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

export async function updateUser(database: Database, options: UpdateUserOptions): Promise<UserDto> {
  const { viewer, changes, now } = options
  const at = isoDate(now)
  return database.transaction(async (tx) => {
    const before = await findUserById(tx.db, options.id)
    // An account the caller may not manage does not exist for them.
    if (!before || !canManageAccount(viewer, await loadAccountInRings(tx.db, before, at)))
      throw notFound(message('userUpdate.noAccount', { id: options.id }))
    if (before.id === viewer.userId && (changes.role !== undefined || changes.isDisabled !== undefined))
      throw forbidden(message('userUpdate.ownAccount'))
    if (changes.moderatedRingIds !== undefined && viewer.role !== 'admin')
      throw forbidden(message('userUpdate.onlyAdminsLimitModerators'))
    const role = changes.role ?? before.role
    const organisationId =
      changes.organisationId !== undefined ? changes.organisationId : before.organisationId
    requireOrganisationForRole(role, organisationId)
    const account = await loadAccountInRings(tx.db, { role, organisationId }, at)
    if (!canManageAccount(viewer, account)) throw forbidden(message('userUpdate.roleNotAllowed'))
    await updateUserRow(tx.db, before.id, { ...changes, organisationId })
    if (changes.isDisabled) await deleteSessionsOfUser(tx.db, before.id)
    const after = (await findUserById(tx.db, before.id))!
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'user.update',
      entity: 'user',
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
      ip: options.ip ?? null,
      at: now,
    })
    return toUserDto(after, { viewer, organisationRings: account.organisation?.rings ?? null })
  })
}
