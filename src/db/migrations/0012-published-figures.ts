import { sql, type Kysely } from 'kysely'

// The official § 48a figures as the statistics office publishes them: per organisation, figure,
// breakdown and month a value with its numerator and denominator. Revisions are kept like those of
// observations (is_current marks the latest; recorded_at answers "as of"), and like observations the
// table has no foreign keys: the importer resolves every id in the transaction it writes in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table published_figure_value (
      organisation_id integer not null,
      figure_code text not null,
      period date not null,
      breakdown text not null,
      revision smallint not null,
      value double precision,
      -- Decimals the value was published with: the tolerance of the reconciliation.
      value_decimals smallint not null default 0,
      numerator double precision,
      numerator_decimals smallint not null default 0,
      denominator double precision,
      denominator_decimals smallint not null default 0,
      missing_reason text check (missing_reason in ('not_delivered', 'suppressed', 'not_applicable')),
      status text not null check (status in ('provisional', 'final', 'corrected')),
      comparison_type text,
      batch_id integer not null,
      recorded_at timestamptz not null,
      is_current boolean not null,
      check ((value is null) <> (missing_reason is null)),
      check (value is null or value = value and value not in ('Infinity'::float8, '-Infinity'::float8)),
      primary key (organisation_id, figure_code, period, breakdown, revision)
    );
    create unique index published_figure_value_current
      on published_figure_value (figure_code, period, breakdown, organisation_id) where is_current;

    -- The reconciliation report of an import of published values: every value whose computation
    -- differs from its publication beyond the rounding of the published decimals.
    create table published_reconciliation (
      batch_id integer not null references import_batch (id) on delete cascade,
      organisation_id integer not null,
      figure_code text not null,
      period date not null,
      breakdown text not null,
      published_value double precision,
      published_numerator double precision,
      published_denominator double precision,
      computed_value double precision,
      computed_numerator double precision,
      computed_denominator double precision,
      value_decimals smallint not null,
      differs text[] not null,
      primary key (batch_id, organisation_id, figure_code, period, breakdown)
    );
    -- How many published values an import compared with a computation (null: not a publication).
    alter table import_batch add column reconciled_values integer;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table import_batch drop column reconciled_values;
    drop table published_reconciliation;
    drop table published_figure_value;
  `.execute(db)
}
