import { sql, type Kysely } from 'kysely'

// An incremental computation after a one-month import read the last year of every raw series from
// observation. Those rows lie all over the table (a history import writes series by series), so
// finding them read most of its pages: half the time of the run. The computation now keeps the raw
// values it needs next time in kpi_input_recent: per organisation, monthly indicator and breakdown
// the current values of the months from kpi_run.input_from_month on (earlier months may linger and
// are ignored), in the text form the loading query aggregates them to (comma-separated days since
// 1970-01-01 and values; '' not delivered, 's' suppressed, 'a' not applicable). Every change of
// observation since the computation came with an import batch that is still pending, so these rows
// plus the current values of the pending batches are exactly the current values of those months.
// input_from_month NULL: no usable rows (runs before this migration); the next run reads observation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table kpi_run add column input_from_month date;
    create table kpi_input_recent (
      organisation_id integer not null references organisation (id) on delete cascade,
      indicator_id integer not null references indicator (id) on delete cascade,
      breakdown text not null,
      days text not null,
      values_text text not null,
      primary key (organisation_id, indicator_id, breakdown)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table kpi_input_recent;
    alter table kpi_run drop column input_from_month;
  `.execute(db)
}
