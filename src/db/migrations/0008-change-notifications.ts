import { sql, type Kysely } from 'kysely'

// Every committed change of the tables the data version is made of (src/db/data-version.ts)
// notifies the channel 'benchlearn_change', so that servers (this process or another) know when
// to read the version again instead of reading it on every request. NOTIFY is transactional: it is
// delivered on commit, not at all on rollback, and repeated notifications of one transaction
// collapse into one. Statement-level triggers: one notification per statement, not per row.
// The lists are written out here, once: src/db/data-version.ts imports them for its `data` and `auth`
// fingerprints, and a later change of what the version reads adds a migration of its own (as 0019 did),
// so this migration never changes. A test (data-version.db.test.ts) checks that the triggers and the
// version read the same tables.
export const DATA_TABLES = [
  'organisation',
  'organisation_area',
  'organisation_site',
  'organisation_partner',
  'network',
  'network_membership',
  'ring',
  'ring_membership',
  'kpi_definition',
  'indicator',
  'import_batch',
  'kpi_run',
  'app_secret',
] as const
export const AUTH_TABLES = ['app_user', 'user_session', 'moderator_ring'] as const
const TABLES = [...DATA_TABLES, ...AUTH_TABLES]

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('benchlearn_change', tg_table_name);
      return null;
    end
    $$
  `.execute(db)
  await addChangeTriggers(db, TABLES)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropChangeTriggers(db, TABLES)
  await sql`drop function notify_change()`.execute(db)
}

/** Makes every statement that changes one of `tables` notify the channel (later migrations add tables). */
export async function addChangeTriggers(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables)
    await sql`
      create trigger ${sql.raw(`${table}_notify_change`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function notify_change()
    `.execute(db)
}

export async function dropChangeTriggers(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables)
    await sql`drop trigger ${sql.raw(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db)
}
