import { sql, type Kysely } from 'kysely'
import * as keyFigureInputs from './0020-key-figure-inputs'

// The raw values a computation keeps for the next one (migration 0020) were one row per
// organisation, indicator and breakdown: after a one-month import every series has a new month, so
// each incremental run deleted and copied all 17,600 rows of 400 organisations, each checked against
// two foreign keys (~0.4 s on PostgreSQL, a third of the run). They are now one row per
// organisation: `series` holds its series one a line, `indicator id|days|values|breakdown` (days and
// values as before; the breakdown URI-encoded, so no line or field separator occurs in it). A run
// rewrites 400 rows. The old rows are converted (escaping '%', '|' and line feeds is an encoding
// decodeURIComponent reads back), so the kept months stay usable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kpi_input_kept (
      organisation_id integer primary key references organisation (id) on delete cascade,
      series text not null
    );
    insert into kpi_input_kept (organisation_id, series)
    select organisation_id, string_agg(
      indicator_id || '|' || days || '|' || values_text || '|' ||
        replace(replace(replace(breakdown, '%', '%25'), '|', '%7C'), chr(10), '%0A'),
      chr(10) order by indicator_id, breakdown)
    from kpi_input_recent group by organisation_id;
    drop table kpi_input_recent;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // 0020's table again, with every run's input_from_month NULL (no kept rows).
  await sql`
    drop table kpi_input_kept;
    alter table kpi_run drop column input_from_month;
  `.execute(db)
  await keyFigureInputs.up(db)
}
