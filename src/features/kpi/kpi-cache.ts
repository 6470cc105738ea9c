/**
 * Per-process cache of key-figure results that are the same for every caller until the data
 * changes: definitions, the catalogue, fixed groups, group statistics and context-model fits.
 *
 * Every key starts with the data version (src/db/data-version.ts), so an import, a computation, a
 * new definition, a ring move or a change of a ring's sharing makes the old entries unreachable at
 * once; the LRU cap drops them later. Entries hold what every caller may be computed from, never
 * what a caller may see: names, pseudonyms and hidden organisations are filtered per request after
 * the cache. As-of questions (`asOf`) never come here (each instant differs), except those about an
 * instant after the newest revision, which are questions about now (prepare-figure-summaries.ts).
 */
import type { Kysely } from 'kysely'
import { LruCache } from '../../core/memo/lru-cache'
import { readDataVersion, type DataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'

/** Fits and statistics for 15 figures × breakdowns × months × groups: a few MB at most. */
export const KPI_CACHE_MAX_ENTRIES = 2000

/** Computes a value once per data version and key. */
export type Memo = <T>(key: string, compute: () => Promise<T>) => Promise<T>

/** One cache per database handle: the benchmark and tests run several databases in one process. */
const caches = new WeakMap<Kysely<DB>, LruCache<Promise<unknown>>>()

function cacheOf(db: Kysely<DB>): LruCache<Promise<unknown>> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new LruCache<Promise<unknown>>(KPI_CACHE_MAX_ENTRIES)))
  return cache
}

/** A memo bound to one data version (read once per request, so one request sees one version). */
export function memoFor(db: Kysely<DB>, version: DataVersion): Memo {
  const cache = cacheOf(db)
  return <T>(key: string, compute: () => Promise<T>) =>
    cache.getOrCompute(`${version.data}|${key}`, compute) as Promise<T>
}

/** The memo for the request's current data version; none (compute every time) as of a past instant. */
export async function kpiMemo(db: Kysely<DB>, asOf?: Date): Promise<Memo> {
  if (asOf) return noMemo
  return memoFor(db, await readDataVersion(db))
}

export const noMemo: Memo = (_key, compute) => compute()

/** For tests and benchmarks that compare cold and warm. */
export function clearKpiCache(db: Kysely<DB>): void {
  caches.get(db)?.clear()
}
