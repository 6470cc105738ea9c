import type { FirstLoadDto, SessionDto, UserDto } from '../../contracts/auth'
import type { Account } from '../../core/accounts/account'
import { abilitiesFor, canManageAccount, type RingSharing, type Viewer } from '../../core/permissions'

/** The account as the session shows it (and the first fields of every account in the list). */
function toSessionUser(user: Account): SessionDto['user'] {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    locale: user.locale,
  }
}

interface SessionFacts {
  user: Account
  viewer: Viewer
  previousVisitAt: Date | null
  latestComputedMonth: string | null
  hasValuesSinceLastVisit: boolean
}

/** The session as the first load shows it: everything but the CSRF token (sent as a header). */
export function toFirstLoadSession(options: SessionFacts): FirstLoadDto['session'] & {} {
  return {
    user: toSessionUser(options.user),
    abilities: abilitiesFor(options.viewer),
    previousVisitAt: options.previousVisitAt?.toISOString() ?? null,
    latestComputedMonth: options.latestComputedMonth,
    hasValuesSinceLastVisit: options.hasValuesSinceLastVisit,
  }
}

export function toSessionDto(options: SessionFacts & { csrfToken: string }): SessionDto {
  return { ...toFirstLoadSession(options), csrfToken: options.csrfToken }
}

export function toUserDto(
  user: Account,
  options: { viewer: Viewer; organisationRings: readonly { id: number; sharing: RingSharing }[] | null },
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
    ...toSessionUser(user),
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    isDisabled: user.isDisabled,
    moderatedRingIds: user.moderatedRingIds,
    abilities: { canUpdate: canManage, canDisable: canManage },
  }
}
