import { Migrator, NO_MIGRATIONS, type MigrationResultSet, type NoMigrations } from 'kysely'
import type { Kysely } from 'kysely'
import { migrations } from './migrations/index'

function migrator(db: Kysely<unknown>): Migrator {
  // Features were developed in parallel and some migrations landed out of name order; letting
  // a database that already has a later one apply an earlier one keeps such folders usable.
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  })
}

export interface MigrationReport {
  applied: string[]
}

function unwrap(result: MigrationResultSet, action: string): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    const reason = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`database migration ${action} failed${failed ? ` in ${failed}` : ''}: ${reason}`)
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}

/** Brings the schema to the latest version; returns the migrations it applied. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationReport> {
  return unwrap(await migrator(db as unknown as Kysely<unknown>).migrateToLatest(), 'to latest')
}

/** Undoes the most recent migration. */
export async function migrateDown<T>(db: Kysely<T>): Promise<MigrationReport> {
  return unwrap(await migrator(db as unknown as Kysely<unknown>).migrateDown(), 'down')
}

/**
 * Brings the schema to the given migration, up or down (a restore recreates a backup's schema;
 * NO_MIGRATIONS undoes them all).
 */
export async function migrateTo<T>(db: Kysely<T>, name: string | NoMigrations): Promise<MigrationReport> {
  const label = name === NO_MIGRATIONS ? 'to no schema' : `to ${String(name)}`
  return unwrap(await migrator(db as unknown as Kysely<unknown>).migrateTo(name), label)
}

/** The names of every migration this program knows, in order; the last is the newest schema. */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations).sort()
