import type { Kysely } from 'kysely'
import type { Account } from '../../core/accounts/account'
import { LruCache } from '../../core/memo/lru-cache'
import type { Viewer } from '../../core/permissions'
import { readDataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'
import { findLiveSessions, type SessionRow } from './session.repository'
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
  const session = await lookUpSession(db, tokenHash, now)
  if (!session) return null
  // The sessions of one person (several devices, or many tabs signing in at once) share one lookup
  // of the account and its viewer, and so one touch of last_seen_at: a write by each would change
  // the auth version and make every cache of this process miss again.
  // Trusted for at most SESSION_CACHE_TTL_MS, like the sessions: the period is part of the key.
  const period = Math.floor(now.getTime() / SESSION_CACHE_TTL_MS)
  const account = await accountsOf(db).getOrCompute(`${session.userId}|${versionKey}|${period}`, async () => {
    const user = await findUserById(db, session.userId)
    if (!user || user.isDisabled) return null
    return { user, viewer: await loadViewer(db, user, day) }
  })
  if (!account) return null
  const { user, viewer } = account
  await touchLastSeen(db, user, now)
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

/** Accounts with their viewer per user and version (`authenticate`); a person is a few entries. */
const accountCaches = new WeakMap<Kysely<DB>, LruCache<Promise<{ user: Account; viewer: Viewer } | null>>>()

function accountsOf(db: Kysely<DB>) {
  let cache = accountCaches.get(db)
  if (!cache) accountCaches.set(db, (cache = new LruCache(SESSION_CACHE_MAX_ENTRIES)))
  return cache
}

interface SessionLookup {
  now: Date
  resolve(row: SessionRow | undefined): void
  reject(error: unknown): void
}

/** Session lookups waiting for the next turn of the event loop, per database, by token hash. */
const pendingLookups = new WeakMap<Kysely<DB>, Map<string, SessionLookup[]>>()

/**
 * The live session of a token. Lookups that arrive in the same turn of the event loop (a browser
 * opens six connections at once; many people come after a restart) are answered by one query.
 */
function lookUpSession(db: Kysely<DB>, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  let pending = pendingLookups.get(db)
  if (!pending) {
    const batch = new Map<string, SessionLookup[]>()
    pendingLookups.set(db, (pending = batch))
    setImmediate(() => void answerLookups(db, batch))
  }
  const waiting = pending.get(tokenHash) ?? []
  pending.set(tokenHash, waiting)
  return new Promise((resolve, reject) => waiting.push({ now, resolve, reject }))
}

async function answerLookups(db: Kysely<DB>, batch: Map<string, SessionLookup[]>): Promise<void> {
  if (pendingLookups.get(db) === batch) pendingLookups.delete(db)
  const lookups = [...batch.values()].flat()
  try {
    // The earliest instant asked for; each lookup then checks expiry at its own.
    const earliest = new Date(Math.min(...lookups.map((l) => l.now.getTime())))
    const sessions = await findLiveSessions(db, [...batch.keys()], earliest)
    for (const [tokenHash, waiting] of batch) {
      const session = sessions.get(tokenHash)
      for (const lookup of waiting)
        lookup.resolve(session && session.expiresAt > lookup.now ? session : undefined)
    }
  } catch (error) {
    for (const lookup of lookups) lookup.reject(error)
  }
}

async function touchLastSeen(db: Kysely<DB>, user: Account, now: Date): Promise<void> {
  if (user.lastSeenAt && now.getTime() - user.lastSeenAt.getTime() <= LAST_SEEN_RESOLUTION_MS) return
  // Marks the cached user as seen before the write, so concurrent requests do not all write.
  user.lastSeenAt = now
  await db.updateTable('app_user').set({ last_seen_at: now }).where('id', '=', user.id).execute()
}
