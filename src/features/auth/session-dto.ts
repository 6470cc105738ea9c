import type { SessionDto, UserDto } from '../../contracts/auth'
import { abilitiesFor, canManageAccount, type Viewer } from '../../core/permissions'
import type { UserRow } from './user.repository'

export function toSessionDto(options: {
  user: UserRow
  viewer: Viewer
  csrfToken: string
  previousVisitAt: Date | null
}): SessionDto {
  const { user } = options
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      organisationName: user.organisationName,
      locale: user.locale,
    },
    csrfToken: options.csrfToken,
    abilities: abilitiesFor(options.viewer),
    previousVisitAt: options.previousVisitAt?.toISOString() ?? null,
  }
}

export function toUserDto(
  user: UserRow,
  options: { viewer: Viewer; organisationRings: { id: number; sharing: 'named' | 'pseudonymised' }[] | null },
): UserDto {
  const account = {
    role: user.role,
    organisation:
      user.organisationId === null
        ? null
        : { id: user.organisationId, rings: options.organisationRings ?? [] },
  }
  const canManage = user.id !== options.viewer.userId && canManageAccount(options.viewer, account)
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    isDisabled: user.isDisabled,
    moderatedRingIds: user.moderatedRingIds,
    abilities: { canUpdate: canManage, canDisable: canManage },
  }
}
