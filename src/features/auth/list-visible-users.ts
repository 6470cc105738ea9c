import type { Kysely } from 'kysely'
import type { UserDto } from '../../contracts/auth'
import { canManageAccount, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { toUserDto } from './session-dto'
import { listUsers } from './user.repository'

/** The accounts a caller sees: administrators every one; moderators those they manage, and themselves. */
export async function listVisibleUsers(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<UserDto[]> {
  const { viewer } = options
  const users = await listUsers(db)
  const rings = await findOrganisationRings(db, { at: options.at })
  return users.flatMap((user) => {
    const organisation =
      user.organisationId === null
        ? null
        : (rings.get(user.organisationId) ?? { id: user.organisationId, rings: [] })
    const isVisible =
      viewer.role === 'admin' ||
      user.id === viewer.userId ||
      canManageAccount(viewer, { role: user.role, organisation })
    return isVisible ? [toUserDto(user, { viewer, organisationRings: organisation?.rings ?? null })] : []
  })
}
