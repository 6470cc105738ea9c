/**
 * Fresh, isolated databases for tests. On PGlite each test database is loaded from a migrated
 * snapshot in memory (no initdb); on PostgreSQL each is a new database created from a migrated
 * template. Tests never share state, so they need no clean-up between cases beyond close().
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '../db/connect'
import { migrateToLatest } from '../db/migrate'

const MIGRATIONS_DIR = join(import.meta.dirname, '../db/migrations')
const CACHE_DIR = join(import.meta.dirname, '../../.cache')

function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)))
  return hash.digest('hex').slice(0, 16)
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

function databaseName(url: string): string {
  return new URL(url).pathname.replace(/^\//, '') || 'benchlearn_test'
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** Returns a reference to the template: a snapshot file path, or a template database name. */
export async function prepareTestTemplate(): Promise<string> {
  const url = process.env.DATABASE_URL
  if (url) {
    const name = `${databaseName(url)}_tpl`
    await adminQuery(url, `drop database if exists "${name}"`)
    await adminQuery(url, `create database "${name}"`)
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) })
    await migrateToLatest(database.db)
    await database.close()
    return name
  }
  mkdirSync(CACHE_DIR, { recursive: true })
  const file = join(CACHE_DIR, `test-snapshot-${migrationsHash()}.tar`)
  if (!existsSync(file)) {
    const database = await openDatabase({})
    await migrateToLatest(database.db)
    const dump = await database.pglite!.dumpDataDir('none')
    await database.close()
    const tmp = `${file}.${process.pid}`
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()))
    const { renameSync } = await import('node:fs')
    renameSync(tmp, file)
  }
  return file
}

export async function dropTestTemplate(template: string): Promise<void> {
  const url = process.env.DATABASE_URL
  if (url) await adminQuery(url, `drop database if exists "${template}"`)
}

/** A fresh, migrated, empty database for one test file or case. Close it when done. */
export async function createTestDatabase(template: string): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (url) {
    const name = `${databaseName(url)}_${randomBytes(5).toString('hex')}`
    await adminQuery(url, `create database "${name}" template "${template}"`)
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) })
    return {
      ...database,
      close: async () => {
        await database.close()
        await adminQuery(url, `drop database if exists "${name}"`)
      },
    }
  }
  return openDatabase({ snapshot: new Blob([readFileSync(template)]) })
}

/**
 * A fresh database for tests that drive the CLI: on PGlite a data folder unpacked from the snapshot,
 * on PostgreSQL a new database. Returns the CLI arguments/environment that point at it.
 */
export async function createTestDatabaseLocation(
  template: string,
): Promise<{ args: string[]; env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (url) {
    const name = `${databaseName(url)}_${randomBytes(5).toString('hex')}`
    await adminQuery(url, `create database "${name}" template "${template}"`)
    return {
      args: [],
      env: { DATABASE_URL: withDatabaseName(url, name) },
      drop: () => adminQuery(url, `drop database if exists "${name}" with (force)`),
    }
  }
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const dataDir = mkdtempSync(join(tmpdir(), 'benchlearn-cli-test-'))
  const database = await openDatabase({ dataDir, snapshot: new Blob([readFileSync(template)]) })
  await database.close()
  return {
    args: ['--data-dir', dataDir],
    env: {},
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  }
}
