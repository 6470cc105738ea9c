/**
 * Upgrades from every earlier schema: for each migration k, a database migrated to k (from nothing,
 * after the previous round was migrated all the way down) gets rows in the tables it has, is
 * migrated to the latest schema, and must keep those rows and end with the same schema as a fresh
 * installation. Runs on embedded PGlite, the database `npm start` creates.
 */
import { NO_MIGRATIONS, sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './connect'
import { readEmptyCluster } from './empty-cluster'
import { KNOWN_MIGRATIONS, migrateTo, migrateToLatest } from './migrate'
import type { DB } from './schema'

let database: Database
let freshSchema: string[]

/** Columns, constraints, indexes and triggers of the schema, one sorted line each. */
async function schemaOf(db: Kysely<DB>): Promise<string[]> {
  const result = await sql<{ line: string }>`
    select format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) as line
    from information_schema.columns where table_schema = current_schema()
    union all
    select format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(c.oid))
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = current_schema()
    union all
    select format('index %s', indexdef) from pg_indexes where schemaname = current_schema()
    union all
    select format('trigger %s %s', tgrelid::regclass, tgname) from pg_trigger where not tgisinternal
  `.execute(db)
  return result.rows.map((r) => r.line).sort()
}

/** Rows as a database of that time held them: only columns every version has. */
async function insertRows(db: Kysely<DB>, migration: string): Promise<void> {
  await sql`
    insert into organisation (name, short_name, kind, carrier_type, land_code) values ('Jobcenter Kreis Offenbach', 'Offenbach', 'jobcenter', 'zkT', '06');
    insert into organisation_area (organisation_id, ags5) select id, '06438' from organisation;
    insert into network (name) values ('Netzwerk');
    insert into ring (network_id, code, name, valid_from) select id, 'R1', 'Ring 1', '2020-01-01' from network;
    insert into ring_membership (ring_id, organisation_id, valid_from) select r.id, o.id, '2020-01-01' from ring r, organisation o;
    insert into indicator (code, name_de, name_en, unit, frequency, kind, source) values ('upgrade_test', 'Test', 'Test', 'Anzahl', 'monthly', 'raw', 'test');
    insert into import_batch (file_name, checksum, format, created_by, created_at, rows_read, rows_imported, rows_unchanged, rows_rejected, rows_skipped)
      values ('alt.csv', 'abc', 'csv', 'test', '2023-01-01T00:00:00Z', 2, 2, 0, 0, 0);
    insert into observation (organisation_id, indicator_id, period, revision, value, status, batch_id, recorded_at, is_current)
      select o.id, i.id, '2022-12-01', r.revision, 10 * r.revision, 'final', b.id, '2023-01-01T00:00:00Z', r.revision = 2
      from organisation o, indicator i, import_batch b, (values (1), (2)) r(revision);
  `.execute(db)
  if (migration >= '0021')
    await sql`
      insert into kpi_input_kept (organisation_id, series)
        select o.id, i.id || '|19327|7|total' from organisation o, indicator i;
    `.execute(db)
  else if (migration >= '0020')
    await sql`
      insert into kpi_input_recent (organisation_id, indicator_id, breakdown, days, values_text)
        select o.id, i.id, b.breakdown, '19327,19358', b.values_text
        from organisation o, indicator i, (values ('total', '10,'), ('a|b%', 's,2.5')) b(breakdown, values_text);
    `.execute(db)
  if (migration >= '0003')
    await sql`
      insert into app_user (email, name, role, organisation_id, password_hash)
        select 'lead@example.org', 'Lead', 'member_lead', id, 'scrypt$x' from organisation;
    `.execute(db)
}

beforeAll(async () => {
  database = await openDatabase({ snapshot: readEmptyCluster() })
  await migrateToLatest(database.db)
  freshSchema = await schemaOf(database.db)
}, 120_000)
afterAll(async () => database?.close())

describe('upgrades', () => {
  it.each(KNOWN_MIGRATIONS.slice(0, -1).map((name) => [name]))(
    'from %s to the latest schema keeps the rows and gives the schema of a fresh installation',
    async (from) => {
      const { db } = database
      await migrateTo(db, NO_MIGRATIONS)
      await migrateTo(db, from)
      await insertRows(db, from)
      const report = await migrateToLatest(db)
      expect(report.applied).toEqual(KNOWN_MIGRATIONS.slice(KNOWN_MIGRATIONS.indexOf(from) + 1))
      expect(await schemaOf(db)).toEqual(freshSchema)
      const values = await sql<{ revision: number; value: number; is_current: boolean }>`
        select revision, value, is_current from observation order by revision
      `.execute(db)
      expect(values.rows).toEqual([
        { revision: 1, value: 10, is_current: false },
        { revision: 2, value: 20, is_current: true },
      ])
      const batch = await sql<{
        pending: boolean
      }>`select key_figures_pending as pending from import_batch`.execute(db)
      // No computation ran (no kpi_run watermark), so 0010 leaves the batch to be computed.
      expect(batch.rows).toEqual([{ pending: true }])
      const indicator = await sql<{
        is_own: boolean
      }>`select is_own from indicator where code = 'upgrade_test'`.execute(db)
      expect(indicator.rows).toEqual([{ is_own: false }])
      const users = await sql<{ n: number }>`select count(*)::int as n from app_user`.execute(db)
      expect(users.rows[0]!.n).toBe(from >= '0003' ? 1 : 0)
      const ring = await sql<{ n: number }>`select count(*)::int as n from ring_membership`.execute(db)
      expect(ring.rows[0]!.n).toBe(1)
      // 0021 converts the kept raw values of 0020 into one row per organisation (breakdown URI-encoded);
      // later migrations keep them (0023: as part 0).
      const kept = await sql<{ series: string }>`select series from kpi_input_kept`.execute(db)
      const parts = await sql<{ part: number }>`select part from kpi_input_kept`.execute(db)
      expect(parts.rows.every((r) => r.part === 0)).toBe(true)
      const id = (await sql<{ id: number }>`select id from indicator where code = 'upgrade_test'`.execute(db))
        .rows[0]!.id
      expect(kept.rows).toEqual(
        from >= '0021'
          ? [{ series: `${id}|19327|7|total` }]
          : from >= '0020'
            ? [
                {
                  series: `${id}|19327,19358|s,2.5|${encodeURIComponent('a|b%')}\n${id}|19327,19358|10,|total`,
                },
              ]
            : [],
      )
      // 0022 leaves half of every page of the recent key-figure rows free.
      const options = await sql<{ options: string[] | null }>`
        select reloptions as options from pg_class where oid = 'kpi_series_recent'::regclass
      `.execute(db)
      expect(options.rows).toEqual([{ options: ['fillfactor=50'] }])
      // 0024: one key led by the organisation, no second index.
      const indexes = await sql<{ definition: string }>`
        select pg_get_indexdef(indexrelid) as definition from pg_index
        where indrelid = 'kpi_series_recent'::regclass order by 1
      `.execute(db)
      expect(indexes.rows.map((r) => r.definition.replace(/^.* USING btree /, ''))).toEqual([
        '(organisation_id, figure_code, breakdown)',
      ])
    },
    120_000,
  )
})
