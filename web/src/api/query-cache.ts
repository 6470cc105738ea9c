/**
 * A small shared cache of server answers keyed by URL-like strings: components that ask for the same
 * data share one request, writes invalidate by key prefix, and React reads it through
 * useSyncExternalStore. Deliberately tiny: no retries, no background refresh.
 */
export type QueryState<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'success'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }

const LOADING: QueryState<never> = { status: 'loading', data: undefined, error: undefined }

interface Entry {
  state: QueryState<unknown>
  /** Bumped by invalidate so an answer to an older request cannot overwrite a newer one. */
  generation: number
  isStale: boolean
  inFlight: boolean
}

export class QueryCache {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Map<string, Set<() => void>>()

  read<T>(key: string): QueryState<T> {
    return (this.entries.get(key)?.state ?? LOADING) as QueryState<T>
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Starts the request unless a fresh answer or a request for this key already exists. */
  ensure<T>(key: string, fetcher: () => Promise<T>): void {
    const entry = this.entries.get(key)
    if (entry && (entry.inFlight || !entry.isStale)) return
    this.load(key, fetcher)
  }

  /** Loads again even if an answer is cached (the "try again" button). */
  load<T>(key: string, fetcher: () => Promise<T>): Promise<void> {
    const previous = this.entries.get(key)
    const generation = (previous?.generation ?? 0) + 1
    // Keep showing the previous data while a refresh of stale data runs; errors restart at loading.
    const state = previous?.state.status === 'success' ? previous.state : LOADING
    this.entries.set(key, { state, generation, isStale: false, inFlight: true })
    this.emit(key)
    return fetcher().then(
      (data) => this.settle(key, generation, { status: 'success', data, error: undefined }),
      (error: unknown) => this.settle(key, generation, { status: 'error', data: undefined, error }),
    )
  }

  /**
   * Loads the keys that have no answer yet with one request (`fetchAll` gets those keys and gives
   * one outcome per key, in order): a page's first load asks for all its data at once, and the
   * components that ask for a key afterwards find it loading or loaded.
   */
  loadMany(
    keys: readonly string[],
    fetchAll: (keys: string[]) => Promise<({ data: unknown } | { error: unknown })[]>,
  ): Promise<void> {
    const missing = keys.filter((key) => !this.entries.has(key))
    if (missing.length === 0) return Promise.resolve()
    const generations = missing.map((key) => {
      const generation = (this.entries.get(key)?.generation ?? 0) + 1
      this.entries.set(key, { state: LOADING, generation, isStale: false, inFlight: true })
      this.emit(key)
      return generation
    })
    const settleAll = (outcome: (i: number) => QueryState<unknown>) =>
      missing.forEach((key, i) => this.settle(key, generations[i]!, outcome(i)))
    return fetchAll(missing).then(
      (outcomes) =>
        settleAll((i) => {
          const outcome = outcomes[i]
          return outcome && 'data' in outcome
            ? { status: 'success', data: outcome.data, error: undefined }
            : { status: 'error', data: undefined, error: outcome?.error }
        }),
      (error: unknown) => settleAll(() => ({ status: 'error', data: undefined, error })),
    )
  }

  /** Stores an answer the client already has (e.g. the session returned by signing in). */
  set<T>(key: string, data: T): void {
    const generation = (this.entries.get(key)?.generation ?? 0) + 1
    this.entries.set(key, {
      state: { status: 'success', data, error: undefined },
      generation,
      isStale: false,
      inFlight: false,
    })
    this.emit(key)
  }

  /** Marks every key starting with `prefix` stale; mounted readers fetch again. */
  invalidate(prefix: string): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix)) {
        // A new state object (same data) so React sees a change and mounted readers fetch again.
        this.entries.set(key, {
          state: { ...entry.state },
          generation: entry.generation + 1,
          isStale: true,
          inFlight: false,
        })
        this.emit(key)
      }
    }
  }

  clear(): void {
    this.entries.clear()
    for (const key of this.listeners.keys()) this.emit(key)
  }

  private settle(key: string, generation: number, state: QueryState<unknown>): void {
    const entry = this.entries.get(key)
    if (!entry || entry.generation !== generation) return
    this.entries.set(key, { state, generation, isStale: false, inFlight: false })
    this.emit(key)
  }

  /** Whether `ensure` would start a request (used after invalidation). */
  needsLoad(key: string): boolean {
    const entry = this.entries.get(key)
    return !entry || (entry.isStale && !entry.inFlight)
  }

  private emit(key: string): void {
    for (const listener of this.listeners.get(key) ?? []) listener()
  }
}

export const queryCache = new QueryCache()
