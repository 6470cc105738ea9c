import { sql, type Kysely } from 'kysely'

// Every incremental run after the first one following a full run (or a fold) appends a month to
// every kpi_series_recent row (migration 0018): 16,400 rows for 400 organisations. Their pages were
// filled completely, so each updated row moved to another page and got new entries in both indexes
// (~0.75 s for 16,400 rows on PostgreSQL). With half of every page left free the new versions stay
// on their page and the indexes are untouched (heap-only tuples; ~0.2 s, psql, same rows). The
// table is small (a few months per series), so doubling its pages costs little. Applies to pages
// written from now on: the next full computation or fold rewrites the rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table kpi_series_recent set (fillfactor = 50)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table kpi_series_recent reset (fillfactor)`.execute(db)
}
