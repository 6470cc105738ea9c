/**
 * Opens the database: embedded PGlite (default, persisted in a folder) or PostgreSQL (when a
 * connection string is given). Both go through node-postgres and Kysely's Postgres dialect, so
 * everything above this file runs the same code on both.
 */
import { mkdirSync } from 'node:fs'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { CHANGE_CHANNEL, ChangeWatch, changeWatchPlugin, registerChangeWatch } from './change-watch'
import { isEmptyFolder, readEmptyCluster } from './empty-cluster'
import { growMemoryFilesGeometrically } from './pglite-memory-files'
import type { DB } from './schema'

// `date` columns stay ISO strings ("2021-05-01"): periods and validity dates are calendar days,
// and a JS Date would shift them with the time zone. int8 (counts, ids) parse as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))

export type DatabaseKind = 'pglite' | 'postgres'

const PGLITE_COPY_BYTES = 8 * 1024 * 1024

/** Text for COPY FROM, in chunks of whole lines: strings, or their UTF-8 bytes. */
export type CopyChunks = Iterable<CopyChunk> | AsyncIterable<CopyChunk>
type CopyChunk = string | Uint8Array<ArrayBuffer>

/** What a transaction body gets: a Kysely bound to the transaction and a bulk-load path. */
export interface TransactionContext {
  db: Kysely<DB>
  kind: DatabaseKind
  /**
   * Bulk-loads CSV text (no header; `\N`-free: empty unquoted fields are NULL) into `table`, in
   * chunks of whole lines as strings or UTF-8 bytes.
   * Uses COPY FROM STDIN on PostgreSQL and PGlite's own COPY-from-blob path on PGlite.
   */
  copyCsv(table: string, columns: string[], chunks: CopyChunks): Promise<void>
  /** Bulk-loads COPY text format (one row a line, `\N` for NULL), as `copyOut` writes it. */
  copyText(table: string, columns: string[], chunks: CopyChunks): Promise<void>
  /**
   * Streams the rows of `table` in COPY text format, a chunk of whole lines at a time: COPY TO STDOUT
   * on PostgreSQL; on PGlite (no streaming COPY) a few MB of pages at a time (TID range scans).
   */
  copyOut(table: string, columns: string[]): AsyncIterable<string>
}

/** How `Database.transaction` begins its transaction (default: READ COMMITTED, read-write). */
export interface TransactionOptions {
  /** One snapshot for every statement (a consistent backup while others write). */
  isolation?: 'read committed' | 'repeatable read'
  isReadOnly?: boolean
}

type CopyFormat = 'csv' | 'text'

export interface Database {
  db: Kysely<DB>
  kind: DatabaseKind
  /** Human-readable location, e.g. "./data (embedded PGlite)" or "postgres://…/name". */
  location: string
  transaction<T>(body: (tx: TransactionContext) => Promise<T>, options?: TransactionOptions): Promise<T>
  close(): Promise<void>
  /** When the data may have changed (see change-watch.ts): bumped by every commit of this process. */
  changes: ChangeWatch
  /**
   * Hears of changes other processes commit (PostgreSQL: LISTEN; PGlite: nothing to do, only this
   * process writes). Returns the function that stops listening.
   */
  listenForChanges(): Promise<() => Promise<void>>
  /** The embedded instance, when there is one (for snapshots). */
  pglite?: PGlite
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string
  /** PGlite data folder; absent means in memory. */
  dataDir?: string
  /** A PGlite data-folder dump to start from (tests load a pre-migrated snapshot). */
  snapshot?: Blob
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl)
  return openPglite(options.dataDir, options.snapshot)
}

/**
 * Startup options of every pooled connection: JIT compilation off, before any options the URL gives
 * (a later `-c jit=on` there still wins). PostgreSQL compiles a statement once its estimated cost
 * passes jit_above_cost; statements here are estimated high and run in milliseconds (an update of
 * the recent key figures whose sub-select is estimated per row: 7 ms to run, 165 ms to compile), so
 * compiling cost a monthly computation a third of its time and never paid off.
 */
export function postgresStartupOptions(url: string): string {
  const given = new URL(url).searchParams.get('options')
  return given ? `-c jit=off ${given}` : '-c jit=off'
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: postgresStartupOptions(url) })
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
  })
  // Other processes may write: complete only while listening (listenForChanges).
  const changes = new ChangeWatch({ isComplete: false })
  const db = watchedKysely(new PostgresDialect({ pool }), changes)
  const copyIn =
    (client: pg.PoolClient, format: CopyFormat) =>
    async (table: string, columns: string[], chunks: CopyChunks) => {
      const stream = client.query(copyFrom(copyStatement(table, columns, 'FROM STDIN', format)))
      await pipeline(Readable.from(chunks), stream as unknown as Writable)
    }
  const makeCopy = (client: pg.PoolClient): CopyPaths => ({
    copyCsv: copyIn(client, 'csv'),
    copyText: copyIn(client, 'text'),
    copyOut: (table, columns) =>
      client.query(copyTo(copyStatement(table, columns, 'TO STDOUT', 'text'))).setEncoding('utf8'),
  })
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    transaction: (body, options) =>
      runTransaction({ pool, kind: 'postgres', makeCopy, changes, options }, body),
    // Kysely ends the pool only once it has queried through it itself; a process that only ran
    // transactions (an import) would otherwise wait for the idle connections' timeout to exit.
    close: async () => {
      await db.destroy()
      if (!pool.ending) await pool.end()
    },
    changes,
    listenForChanges: () => listenForChanges(url, changes),
  }
}

async function openPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  const initial = snapshot ?? (dataDir && isEmptyFolder(dataDir) ? readEmptyCluster() : undefined)
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // Loaded only here: the module costs ~40 MB of a process's memory, which one on PostgreSQL never needs.
  const [{ PGlite }, { createPgConfig }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/node-postgres'),
  ])
  const pglite = new PGlite(dataDir ?? 'memory://', initial ? { loadDataDir: initial } : {})
  await pglite.waitReady
  growMemoryFilesGeometrically(pglite)
  const pool = new pg.Pool(createPgConfig(pglite))
  // The embedded database lives in this process: every change is one of its own.
  const changes = new ChangeWatch({ isComplete: true })
  const db = watchedKysely(new PostgresDialect({ pool }), changes)
  // Streaming COPY through the node-postgres adapter is not supported by PGlite; its own path
  // reads the input from a blob. Blobs of a few MB keep PGlite's memory (it cannot shrink) low.
  // The statements run in the same session, hence inside the transaction the adapter opened.
  const copyIn = (format: CopyFormat) => async (table: string, columns: string[], chunks: CopyChunks) => {
    const statement = copyStatement(table, columns, "FROM '/dev/blob'", format)
    let parts: CopyChunk[] = []
    let size = 0
    const flush = async () => {
      if (parts.length === 0) return
      await pglite.query(statement, [], { blob: new Blob(parts) })
      parts = []
      size = 0
    }
    for await (const chunk of chunks) {
      parts.push(chunk)
      size += chunk.length
      if (size >= PGLITE_COPY_BYTES) await flush()
    }
    await flush()
  }
  const makeCopy = (): CopyPaths => ({
    copyCsv: copyIn('csv'),
    copyText: copyIn('text'),
    copyOut: (table, columns) => copyOutOfPglite(pglite, table, columns),
  })
  return {
    db,
    kind: 'pglite',
    location: dataDir ? `${dataDir} (embedded PGlite)` : 'memory (embedded PGlite)',
    pglite,
    transaction: (body, options) =>
      runTransaction({ pool, kind: 'pglite', makeCopy, changes, options }, body),
    close: async () => {
      await db.destroy()
      await pglite.close()
    },
    changes,
    listenForChanges: async () => async () => undefined,
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

function assertIdentifiers(table: string, columns: string[]): void {
  if (!IDENTIFIER.test(table) || !columns.every((c) => IDENTIFIER.test(c)))
    throw new Error(`unsafe identifier in COPY of ${table}`)
}

function copyStatement(table: string, columns: string[], direction: string, format: CopyFormat): string {
  assertIdentifiers(table, columns)
  return `COPY ${table} (${columns.join(', ')}) ${direction} WITH (FORMAT ${format})`
}

/** Pages read per COPY on PGlite: 1024 pages of 8 kB, a few MB of text at a time. */
const PGLITE_COPY_PAGES = 1024

/**
 * COPY TO on PGlite returns its whole output as one blob, so the table is read in ranges of pages
 * (TID range scans, no sort) inside the caller's transaction: PGlite has one session, which that
 * transaction holds, so nothing changes between the ranges.
 */
async function* copyOutOfPglite(pglite: PGlite, table: string, columns: string[]): AsyncIterable<string> {
  assertIdentifiers(table, columns)
  const size = await pglite.query<{ pages: number }>(
    `select (pg_relation_size('${table}') / current_setting('block_size')::int)::int as pages`,
  )
  const pages = size.rows[0]?.pages ?? 0
  for (let first = 0; first < pages; first += PGLITE_COPY_PAGES) {
    const last = first + PGLITE_COPY_PAGES
    const result = await pglite.query(
      `COPY (select ${columns.join(', ')} from ${table} where ctid >= '(${first},0)'::tid and ctid < '(${last},0)'::tid) TO '/dev/blob' WITH (FORMAT text)`,
    )
    if (result.blob && result.blob.size > 0) yield await result.blob.text()
  }
}

/**
 * Runs `body` in one transaction on one pooled client. A Kysely instance bound to that client is
 * handed to the body so that query-builder calls and bulk COPY share the transaction.
 */
type CopyPaths = Pick<TransactionContext, 'copyCsv' | 'copyText' | 'copyOut'>

async function runTransaction<T>(
  setup: {
    pool: pg.Pool
    kind: DatabaseKind
    makeCopy: (client: pg.PoolClient) => CopyPaths
    changes: ChangeWatch
    options: TransactionOptions | undefined
  },
  body: (tx: TransactionContext) => Promise<T>,
): Promise<T> {
  const { pool, kind, makeCopy, changes, options } = setup
  const client = await pool.connect()
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) })
  try {
    await client.query(beginStatement(options))
    const result = await body({ db, kind, ...makeCopy(client) })
    await client.query('COMMIT')
    // After the commit, not before: a reader must not keep a snapshot taken before it as current.
    changes.bump()
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

function beginStatement(options: TransactionOptions | undefined): string {
  const isolation = options?.isolation === 'repeatable read' ? ' ISOLATION LEVEL REPEATABLE READ' : ''
  return `BEGIN${isolation}${options?.isReadOnly ? ' READ ONLY' : ''}`
}

/** The root Kysely of a database, registered with its change watch (which its writes bump). */
function watchedKysely(dialect: PostgresDialect, changes: ChangeWatch): Kysely<DB> {
  const db = new Kysely<DB>({ dialect, plugins: [changeWatchPlugin(changes)] })
  registerChangeWatch(db, changes)
  return db
}

/** Reconnects this often after the LISTEN connection was lost (meanwhile the version is read per request). */
const LISTEN_RETRY_MS = 1000

/**
 * LISTENs on the change channel on a connection of its own: every notification (sent by the
 * triggers on commit, by any process) bumps the watch. While the connection is down the watch is
 * incomplete, so nothing is served from a remembered version.
 */
async function listenForChanges(url: string, changes: ChangeWatch): Promise<() => Promise<void>> {
  let client: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let isStopped = false
  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return
    client = undefined
    changes.setPing(undefined)
    changes.setComplete(false)
    lostClient.end().catch(() => undefined)
    if (!isStopped) retry = setTimeout(connect, LISTEN_RETRY_MS).unref()
  }
  const connect = async () => {
    const next = new pg.Client({ connectionString: url })
    next.on('notification', () => changes.bump())
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    client = next
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANGE_CHANNEL}`)
      if (client === next && !isStopped) {
        changes.setPing(async () => {
          await next.query('select 1')
        })
        changes.setComplete(true)
      } else await next.end()
    } catch {
      lost(next)
    }
  }
  await connect()
  return async () => {
    isStopped = true
    clearTimeout(retry)
    const last = client
    client = undefined
    changes.setPing(undefined)
    changes.setComplete(false)
    await last?.end().catch(() => undefined)
  }
}

function singleClientPool(client: pg.PoolClient): PostgresPool {
  const borrowed: PostgresPoolClient = {
    query: client.query.bind(client) as PostgresPoolClient['query'],
    release: () => undefined,
  }
  return { connect: async () => borrowed, end: async () => undefined }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres'
  }
}
