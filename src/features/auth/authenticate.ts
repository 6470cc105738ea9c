import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findLiveSession } from './session.repository'
import { hashToken } from './tokens'
import { findUserById, loadViewer, type UserRow } from './user.repository'

export const SESSION_COOKIE = 'bl_session'

export interface Authenticated {
  sessionId: number
  csrfToken: string
  user: UserRow
  viewer: Viewer
}

/** Touching last_seen_at on every request would write on every read; once in a while is enough. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000

/** The session behind a cookie token, or null when there is none, it expired or the user is disabled. */
export async function authenticate(
  db: Kysely<DB>,
  token: string | undefined,
  now: Date,
): Promise<Authenticated | null> {
  if (!token || token.length > 200) return null
  const session = await findLiveSession(db, hashToken(token), now)
  if (!session) return null
  const user = await findUserById(db, session.userId)
  if (!user || user.isDisabled) return null
  if (!user.lastSeenAt || now.getTime() - user.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS)
    await db.updateTable('app_user').set({ last_seen_at: now }).where('id', '=', user.id).execute()
  const viewer = await loadViewer(db, user, now.toISOString().slice(0, 10))
  return { sessionId: session.id, csrfToken: session.csrfToken, user, viewer }
}
