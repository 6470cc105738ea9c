import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { apiRequest, buildUrl, type RequestOptions } from './client'
import { queryCache, type QueryState } from './query-cache'

export type QueryResult<T> = QueryState<T> & { reload: () => void }

const LOADING = { status: 'loading', data: undefined, error: undefined } as const

/**
 * Runs `fetcher` once per `key` through the shared cache. The key must identify everything the
 * fetcher depends on; `key: null` means "not yet" and stays loading.
 */
export function useCachedTask<T>(key: string | null, fetcher: () => Promise<T>): QueryResult<T> {
  const subscribe = useCallback(
    (listener: () => void) => (key === null ? () => undefined : queryCache.subscribe(key, listener)),
    [key],
  )
  const read = () => (key === null ? (LOADING as QueryState<T>) : queryCache.read<T>(key))
  const state = useSyncExternalStore(subscribe, read, read)
  useEffect(() => {
    if (key !== null && queryCache.needsLoad(key)) queryCache.ensure(key, fetcher)
    // The key identifies the fetcher; a new closure for the same key must not refetch.
  }, [key, state])
  const reload = useCallback(() => {
    if (key !== null) void queryCache.load(key, fetcher)
  }, [key])
  return { ...state, reload }
}

/** Reads `path` (with `query`); `T` is the answer type of the route's shared contract. */
export function useApiQuery<T>(path: string | null, query?: RequestOptions['query']): QueryResult<T> {
  const key = path === null ? null : buildUrl(path, query)
  return useCachedTask(key, () => apiRequest<T>(path ?? '', { query }))
}
