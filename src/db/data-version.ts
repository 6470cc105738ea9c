/**
 * Cheap fingerprints of the data that cached answers depend on, so a cache can key its entries by
 * them and never serve an answer older than the last commit (of this process or any other).
 *
 * `data`: everything key-figure answers and the shared lists are made of apart from the big tables —
 * organisations with their areas, sites and partners, networks, rings (and their sharing),
 * memberships, figure definitions, indicators, import batches, computation runs and the pseudonym
 * salt. The big tables change only together with one of these: an import
 * writes observations with a new import_batch row, a computation writes kpi_series with a kpi_run row.
 * `auth`: accounts, sessions and moderator rings (sign-out, password change, disabling, role change).
 * `activity`: the meetings with their agendas, registrations, decisions, actions and minutes'
 * comments, and the notifications: what a person's bell and open actions are read from on every
 * page load (routes opt in with `isActivityCached`, route.ts).
 *
 * Each fingerprint is the row count plus the sum of the rows' xmin (the id of the transaction that
 * wrote the row version): an insert or delete changes the count, an update replaces an xmin by a
 * newer one and so changes the sum. A sum rather than a maximum, because a transaction that started
 * earlier (smaller xid) may commit later. Reads are MVCC snapshots, so the fingerprint and the data
 * read after it are never older than each other's commit.
 *
 * The query itself is skipped while the database's change watch (change-watch.ts) says nothing can
 * have changed since the last one: every commit of this process bumps it at once, and on PostgreSQL
 * the commits of other processes bump it when their notification arrives (migration 0008's
 * triggers; a round trip on the LISTEN connection before each use makes sure that a notification
 * committed before the request has arrived: change-watch.ts, `catchUp`). Without a LISTEN connection the
 * version is read as before, and a remembered one is never used for longer than VERSION_MAX_AGE_MS.
 */
import { sql, type Kysely } from 'kysely'
import { changeWatchOf } from './change-watch'
import { AUTH_TABLES, DATA_TABLES } from './migrations/0008-change-notifications'
import { ACTIVITY_TABLES } from './migrations/0019-activity-notifications'
import type { DB } from './schema'

export interface DataVersion {
  data: string
  auth: string
  activity: string
  /** max(kpi_run.last_month), the default month of every key-figure question (null: nothing computed). */
  latestComputedMonth: string | null
}

const fingerprint = (tables: readonly string[]) =>
  sql.raw(
    `(select count(*) || ':' || coalesce(sum(x), 0) from (${tables
      .map((t) => `select xmin::text::bigint as x from ${t}`)
      .join(' union all ')}) t)`,
  )

/** Every table the fingerprints read: each must notify on change (migrations 0008, 0019; a test checks it). */
export const VERSIONED_TABLES: readonly string[] = [...DATA_TABLES, ...AUTH_TABLES, ...ACTIVITY_TABLES]

async function queryDataVersion(db: Kysely<DB>): Promise<DataVersion> {
  const result = await sql<{ data: string; auth: string; activity: string; latest: string | null }>`
    select ${fingerprint(DATA_TABLES)} as data, ${fingerprint(AUTH_TABLES)} as auth,
      ${fingerprint(ACTIVITY_TABLES)} as activity, (select max(last_month)::text from kpi_run) as latest
  `.execute(db)
  const row = result.rows[0]!
  return { data: row.data, auth: row.auth, activity: row.activity, latestComputedMonth: row.latest }
}

/** Belt and braces: a remembered version is read again after this long even without a change. */
export const VERSION_MAX_AGE_MS = 1000

interface Reader {
  running: Promise<DataVersion> | undefined
  queued: Promise<DataVersion> | undefined
  /** The last version read, with the watch's generation before it was read. */
  latest: { version: DataVersion; generation: number; readAt: number } | undefined
}

const readers = new WeakMap<Kysely<DB>, Reader>()

/**
 * The current data version. Concurrent callers share queries, but only one that starts after they
 * asked: while a query runs, newcomers wait for the next one (started when it ends), so nobody gets
 * a fingerprint taken before their request arrived. Under load that is about one query per round
 * trip instead of one per request — on PGlite, where every query waits for the one connection.
 */
export async function readDataVersion(db: Kysely<DB>): Promise<DataVersion> {
  // Another server's commit just before this request: hear its notification first (change-watch.ts).
  await changeWatchOf(db)?.catchUp()
  return readRememberedOrQuery(db)
}

function readRememberedOrQuery(db: Kysely<DB>): Promise<DataVersion> {
  let reader = readers.get(db)
  if (!reader) readers.set(db, (reader = { running: undefined, queued: undefined, latest: undefined }))
  const state = reader
  const watch = changeWatchOf(db)
  const latest = state.latest
  if (
    watch?.isComplete &&
    latest &&
    latest.generation === watch.generation &&
    Date.now() - latest.readAt < VERSION_MAX_AGE_MS
  )
    return Promise.resolve(latest.version)
  const start = (): Promise<DataVersion> => {
    // Taken before the query: a change committed while it runs leaves the result already outdated.
    const generation = watch?.generation ?? -1
    const readAt = Date.now()
    const query = queryDataVersion(db)
    state.running = query
    const clear = () => {
      if (state.running === query) state.running = undefined
    }
    query.then((version) => {
      clear()
      if (watch?.isComplete) state.latest = { version, generation, readAt }
    }, clear)
    return query
  }
  if (state.queued) return state.queued
  if (!state.running) return start()
  const next = () => {
    state.queued = undefined
    return start()
  }
  state.queued = state.running.then(next, next)
  return state.queued
}
