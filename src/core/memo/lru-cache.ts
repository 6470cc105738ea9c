/**
 * A least-recently-used cache with a cap on the number of entries. Pure: no clock, no I/O. Map keeps
 * insertion order, so re-inserting on every hit makes the first key the least recently used one.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>()

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`)
  }

  get size(): number {
    return this.#entries.size
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }

  delete(key: string): void {
    this.#entries.delete(key)
  }

  clear(): void {
    this.#entries.clear()
  }

  /**
   * The cached value, else computes it once: concurrent callers of the same key share one promise
   * (50 clients opening the start page must not fit the same model 50 times). A rejected computation
   * is dropped, so the next caller tries again instead of getting the old error.
   */
  getOrCompute<T extends V & Promise<unknown>>(key: string, compute: () => T): T {
    const hit = this.get(key)
    if (hit !== undefined) return hit as T
    const promise = compute()
    this.set(key, promise)
    promise.catch(() => {
      if (this.#entries.get(key) === promise) this.#entries.delete(key)
    })
    return promise
  }
}
