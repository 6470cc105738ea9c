import { sql, type Kysely } from 'kysely'
import type { DB } from '../../db/schema'

/** Kysely's own bookkeeping: written by the migrator, never by a restore. */
const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock']

/** The tables of the schema with the columns a COPY reads and writes (generated columns are computed). */
export async function listTablesWithColumns(db: Kysely<DB>): Promise<Map<string, string[]>> {
  const result = await sql<{ table: string; columns: string[] }>`
    select c.relname as table,
      array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and c.relpersistence <> 't' and c.relname::text <> all(${MIGRATOR_TABLES})
    group by c.relname
  `.execute(db)
  return new Map(result.rows.map((r) => [r.table, r.columns]))
}

export interface ForeignKey {
  table: string
  name: string
  definition: string
}

/**
 * Drops every foreign key of the schema and returns them to be added again: some tables point at
 * each other in a cycle (meetings: agenda items, decisions, actions, comments), which no table
 * order can load, and only a superuser could switch the checks off instead.
 */
export async function dropForeignKeys(db: Kysely<DB>): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = current_schema()
    order by c.conrelid::regclass::text, c.conname
  `.execute(db)
  for (const key of result.rows)
    await sql`alter table ${sql.table(key.table)} drop constraint ${sql.id(key.name)}`.execute(db)
  return result.rows
}

/** Adds the foreign keys again; each checks every loaded row, so a restore cannot leave a dangling id. */
export async function addForeignKeys(db: Kysely<DB>, keys: readonly ForeignKey[]): Promise<void> {
  for (const key of keys)
    await sql`alter table ${sql.table(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
      db,
    )
}

/** The names of the migrations applied to the database, in name order (none before the first start). */
export async function listAppliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const exists = await sql<{ exists: boolean }>`
    select to_regclass('kysely_migration') is not null as exists
  `.execute(db)
  if (!exists.rows[0]?.exists) return []
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return result.rows.map((r) => r.name)
}

/**
 * What makes a database not empty for a restore: a network, an organisation, an account or an
 * import (reference data and rows the migrations seed are the program's own and are replaced).
 */
export async function findContent(db: Kysely<DB>): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select 'network' as table where exists (select 1 from network)
    union all select 'organisation' where exists (select 1 from organisation)
    union all select 'app_user' where exists (select 1 from app_user)
    union all select 'import_batch' where exists (select 1 from import_batch)
  `.execute(db)
  return result.rows.map((r) => r.table)
}

/** Empties the given tables in one statement (before the backup's rows are loaded). */
export async function truncateTables(db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return
  await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db)
}

/**
 * Sets every sequence owned by a column of the schema (identity and serial columns) past the
 * largest value loaded, so that the next insert does not collide with a restored row.
 */
export async function resetSequences(db: Kysely<DB>): Promise<number> {
  const owned = await sql<{ sequence: string; table: string; column: string }>`
    select s.oid::regclass::text as sequence, t.relname as table, a.attname as column
    from pg_class s
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = current_schema()
  `.execute(db)
  for (const { sequence, table, column } of owned.rows) {
    await sql`
      select setval(${sequence}::regclass, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)
    `.execute(db)
  }
  return owned.rows.length
}
