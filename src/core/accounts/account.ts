/**
 * An account as the server knows it, and who audit entries name. Types only: the auth feature reads
 * accounts (features/auth/user.repository.ts), the app hands the signed-in one to every route.
 */
import type { Role, Viewer } from '../permissions'

export interface Account {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
  organisationName: string | null
  locale: 'de' | 'en'
  createdAt: Date
  lastSeenAt: Date | null
  previousVisitAt: Date | null
  isDisabled: boolean
  /** For moderators: the rings they are limited to (empty = all rings). */
  moderatedRingIds: number[]
}

/** Who did it: a signed-in user, or a named local actor ("cli", "demo") for changes without one. */
export interface AuditActor {
  userId: number | null
  label: string
}

/** Audit entries name a signed-in user by their e-mail address. */
export function actorOf(account: Pick<Account, 'id' | 'email'>): AuditActor {
  return { userId: account.id, label: account.email }
}

/** The caller of a write use case: what they may see, whom the audit names, and the request's instant. */
export interface WriteCaller {
  viewer: Viewer
  actor: AuditActor
  now: Date
}
