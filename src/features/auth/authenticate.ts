import type { Kysely } from 'kysely'
import type { Account } from '../../core/accounts/account'
import { LruCache } from '../../core/memo/lru-cache'
import type { Viewer } from '../../core/permissions'
import { readDataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'
import { findLiveSession } from './session.repository'
import { hashToken } from './tokens'
import { findUserById, loadViewer } from './user.repository'
import { isoDate } from '../../core/periods/dates'

export const SESSION_COOKIE = 'bl_session'

export interface Authenticated {
  sessionId: number
  csrfToken: string
  user: Account
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
  const tokenHash = hashToken(token)
  const day = isoDate(now)
  // One (shared) fingerprint query instead of three lookups per request. The entry is valid only
  // while accounts, sessions, moderator rings (auth) and rings and memberships (data, for the
  // viewer's rings) are unchanged, so sign-out, a password change, disabling, a role change or a
  // ring move — in this process or another — take effect on the next request.
  const version = await readDataVersion(db)
  const versionKey = `${version.auth}|${version.data}|${day}`
  let cache = sessionCaches.get(db)
  if (!cache) sessionCaches.set(db, (cache = new LruCache<CachedSession>(SESSION_CACHE_MAX_ENTRIES)))
  const cached = cache.get(tokenHash)
  if (
    cached &&
    cached.versionKey === versionKey &&
    now.getTime() - cached.cachedAt < SESSION_CACHE_TTL_MS &&
    now < cached.expiresAt
  ) {
    await touchLastSeen(db, cached.auth.user, now)
    return cached.auth
  }
  cache.delete(tokenHash)
  const session = await findLiveSession(db, tokenHash, now)
  if (!session) return null
  const user = await findUserById(db, session.userId)
  if (!user || user.isDisabled) return null
  await touchLastSeen(db, user, now)
  const viewer = await loadViewer(db, user, day)
  const auth = { sessionId: session.id, csrfToken: session.csrfToken, user, viewer }
  cache.set(tokenHash, { auth, versionKey, cachedAt: now.getTime(), expiresAt: session.expiresAt })
  return auth
}

/** Bounds what one process remembers; a miss costs only the three lookups of before. */
const SESSION_CACHE_MAX_ENTRIES = 5000
/** Belt and braces on top of the version check: nothing is trusted for longer than this. */
const SESSION_CACHE_TTL_MS = 10_000

interface CachedSession {
  auth: Authenticated
  versionKey: string
  cachedAt: number
  expiresAt: Date
}

const sessionCaches = new WeakMap<Kysely<DB>, LruCache<CachedSession>>()

async function touchLastSeen(db: Kysely<DB>, user: Account, now: Date): Promise<void> {
  if (user.lastSeenAt && now.getTime() - user.lastSeenAt.getTime() <= LAST_SEEN_RESOLUTION_MS) return
  // Marks the cached user as seen before the write, so concurrent requests do not all write.
  user.lastSeenAt = now
  await db.updateTable('app_user').set({ last_seen_at: now }).where('id', '=', user.id).execute()
}
