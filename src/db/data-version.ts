/**
 * Cheap fingerprints of the data that cached answers depend on, so a cache can key its entries by
 * them and never serve an answer older than the last commit (of this process or any other).
 *
 * `data`: everything key-figure answers are made of apart from the big tables — organisations, their
 * areas, networks, rings (and their sharing), memberships, figure definitions, indicators, import
 * batches and computation runs. The big tables change only together with one of these: an import
 * writes observations with a new import_batch row, a computation writes kpi_series with a kpi_run row.
 * `auth`: accounts, sessions and moderator rings (sign-out, password change, disabling, role change).
 *
 * Each fingerprint is the row count plus the sum of the rows' xmin (the id of the transaction that
 * wrote the row version): an insert or delete changes the count, an update replaces an xmin by a
 * newer one and so changes the sum. A sum rather than a maximum, because a transaction that started
 * earlier (smaller xid) may commit later. Reads are MVCC snapshots, so the fingerprint and the data
 * read after it are never older than each other's commit.
 */
import { sql, type Kysely } from 'kysely'
import type { DB } from './schema'

export interface DataVersion {
  data: string
  auth: string
  /** max(kpi_run.last_month), the default month of every key-figure question (null: nothing computed). */
  latestComputedMonth: string | null
}

const fingerprint = (tables: readonly string[]) =>
  sql.raw(
    `(select count(*) || ':' || coalesce(sum(x), 0) from (${tables
      .map((t) => `select xmin::text::bigint as x from ${t}`)
      .join(' union all ')}) t)`,
  )

const DATA_TABLES = [
  'organisation',
  'organisation_area',
  'network',
  'network_membership',
  'ring',
  'ring_membership',
  'kpi_definition',
  'indicator',
  'import_batch',
  'kpi_run',
] as const
const AUTH_TABLES = ['app_user', 'user_session', 'moderator_ring'] as const

async function queryDataVersion(db: Kysely<DB>): Promise<DataVersion> {
  const result = await sql<{ data: string; auth: string; latest: string | null }>`
    select ${fingerprint(DATA_TABLES)} as data, ${fingerprint(AUTH_TABLES)} as auth,
      (select max(last_month)::text from kpi_run) as latest
  `.execute(db)
  const row = result.rows[0]!
  return { data: row.data, auth: row.auth, latestComputedMonth: row.latest }
}

interface Reader {
  running: Promise<DataVersion> | undefined
  queued: Promise<DataVersion> | undefined
}

const readers = new WeakMap<Kysely<DB>, Reader>()

/**
 * The current data version. Concurrent callers share queries, but only one that starts after they
 * asked: while a query runs, newcomers wait for the next one (started when it ends), so nobody gets
 * a fingerprint taken before their request arrived. Under load that is about one query per round
 * trip instead of one per request — on PGlite, where every query waits for the one connection.
 */
export function readDataVersion(db: Kysely<DB>): Promise<DataVersion> {
  let reader = readers.get(db)
  if (!reader) readers.set(db, (reader = { running: undefined, queued: undefined }))
  const state = reader
  const start = (): Promise<DataVersion> => {
    const query = queryDataVersion(db)
    state.running = query
    const clear = () => {
      if (state.running === query) state.running = undefined
    }
    query.then(clear, clear)
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
