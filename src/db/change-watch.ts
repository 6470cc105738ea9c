/**
 * Knows when the data may have changed, so that the data version (data-version.ts) need not be
 * queried on every request: a generation number that increases after every write this process
 * commits and, on PostgreSQL, after every change another process commits (LISTEN on the channel
 * the triggers of migration 0008 notify on commit).
 *
 * Writes of this process are seen through a Kysely plugin (any statement that is not a plain
 * SELECT, once it has completed, i.e. committed when it ran outside a transaction) and by
 * `connect.ts` after every COMMIT. A bump before a commit would not do: a reader could take a
 * snapshot before the commit and keep it as current.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

/** The channel the change triggers notify on (migration 0008). */
export const CHANGE_CHANNEL = 'benchlearn_change'

export class ChangeWatch {
  #generation = 0
  #isComplete: boolean
  #ping: (() => Promise<void>) | undefined
  #running: Promise<void> | undefined
  #queued: Promise<void> | undefined

  /** `isComplete`: whether every committed change reaches this watch (true when only this process writes). */
  constructor(options: { isComplete: boolean }) {
    this.#isComplete = options.isComplete
  }

  /** Increases on every change this process commits or hears of. */
  get generation(): number {
    return this.#generation
  }

  /**
   * Whether a change can happen without a bump: false on PostgreSQL while no LISTEN connection is
   * up (other processes may write); then the data version is read on every request as before.
   */
  get isComplete(): boolean {
    return this.#isComplete
  }

  bump(): void {
    this.#generation++
  }

  /**
   * The round trip on the LISTEN connection that `catchUp` waits for (connect.ts; none on PGlite,
   * where only this process writes).
   */
  setPing(ping: (() => Promise<void>) | undefined): void {
    this.#ping = ping
  }

  /**
   * Resolves once every change another process committed before the call has been heard. A
   * notification travels on its own, so a request that arrives right after another server's write
   * may come before it; a query on the LISTEN connection cannot: PostgreSQL sends the listener its
   * pending notifications before it reads the next command, so they are heard before the answer of a
   * query sent after the commit. Concurrent callers share a round trip that started after they asked.
   */
  catchUp(): Promise<void> {
    const ping = this.#ping
    if (!ping) return Promise.resolve()
    if (this.#queued) return this.#queued
    const start = (): Promise<void> => {
      const running = ping().catch(() => this.setComplete(false))
      this.#running = running
      void running.finally(() => {
        if (this.#running === running) this.#running = undefined
      })
      return running
    }
    if (!this.#running) return start()
    const queued = this.#running.then(() => {
      this.#queued = undefined
      return start()
    })
    this.#queued = queued
    return queued
  }

  /** Listening started or stopped; both bump, since changes may have been missed in between. */
  setComplete(isComplete: boolean): void {
    this.#isComplete = isComplete
    this.bump()
  }
}

/** A SELECT without a WITH (which could hold a data-modifying statement); everything else may write. */
function isPlainRead(node: RootOperationNode): boolean {
  if (node.kind === 'SelectQueryNode') return node.with === undefined
  return node.kind === 'RawNode' && /^\s*select\s/i.test(node.sqlFragments[0] ?? '')
}

const watches = new WeakMap<object, ChangeWatch>()

/** The watch of a database handle (connect.ts registers the root handle; transactions have none). */
export function changeWatchOf(db: object): ChangeWatch | undefined {
  return watches.get(db)
}

export function registerChangeWatch(db: object, watch: ChangeWatch): void {
  watches.set(db, watch)
}

/** Bumps the watch after every statement that may write (anything but a plain SELECT) has completed. */
export function changeWatchPlugin(watch: ChangeWatch): KyselyPlugin {
  const writes = new WeakSet<object>()
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (!isPlainRead(node)) writes.add(queryId)
      return node
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (writes.has(queryId)) watch.bump()
      return result
    },
  }
}
