import { sql, type Kysely } from 'kysely'

// The raw values a computation keeps for the next one (migration 0021: one row per organisation)
// were rewritten whole by every incremental run: after a one-month import, 400 rows holding every
// series' last 18 months, printed from numbers again (about a sixth of the run on PostgreSQL). An
// organisation's kept values are now parts, read in order, a later part's month replacing an
// earlier one's: an incremental run appends the pending batches' values of an organisation as its
// next part (text the database has just printed), and rewrites an organisation's parts as one once
// they are several. Existing rows become part 0.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table kpi_input_kept add column part smallint not null default 0;
    alter table kpi_input_kept drop constraint kpi_input_kept_pkey;
    alter table kpi_input_kept add primary key (organisation_id, part);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Parts cannot be merged in SQL (a later line replaces single months of an earlier one): the kept
  // rows are dropped, and runs read observation until the next full computation keeps them again.
  await sql`
    truncate kpi_input_kept;
    update kpi_run set input_from_month = null;
    alter table kpi_input_kept drop constraint kpi_input_kept_pkey;
    alter table kpi_input_kept drop column part;
    alter table kpi_input_kept add primary key (organisation_id);
  `.execute(db)
}
