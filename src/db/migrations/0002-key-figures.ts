import { sql, type Kysely } from 'kysely'
import { OFFICIAL_FIGURES } from '../../core/kpi/official-figures'

// Migrations take Kysely<unknown>: they must not depend on today's row types. The official figures
// are seeded from the core's constant; a later change to an official formula is a new version and
// ships in a new migration, so this one stays what it was when it ran.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kpi_definition (
      id integer generated always as identity primary key,
      code text not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
      version integer not null check (version >= 1),
      valid_from date not null,
      name_de text not null,
      name_en text not null,
      explanation_de text not null,
      explanation_en text not null,
      numerator text not null,
      denominator text not null,
      unit text not null,
      transform text not null check (transform in ('percent', 'change_rate')),
      polarity text not null check (polarity in ('higher_is_better', 'lower_is_better', 'context')),
      has_sex_breakdown boolean not null,
      legal_source text not null default '',
      is_official boolean not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (code, version)
    );

    -- One row per computation: what it read (the import-batch watermark) and what it covered, so
    -- the next run can recompute only organisations and months touched by newer batches.
    create table kpi_run (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('full', 'incremental')),
      started_at timestamptz not null,
      finished_at timestamptz not null,
      watermark_batch_id integer,
      watermark_batch_created_at timestamptz,
      first_month date,
      last_month date,
      definitions_hash text not null,
      organisations integer not null,
      values_written integer not null
    );

    -- Computed figures. Like observation, no foreign keys and one index: a full run writes a few
    -- million rows by COPY and per-row triggers would dominate. Writers resolve ids themselves.
    -- value is derived here from numerator and denominator (ratio · 100, or (ratio − 1) · 100 for
    -- change rates): the three can never disagree, and the writer formats a third fewer numbers.
    -- The ratio is numerator / denominator. Rows are written in primary-key order.
    create table kpi_value (
      period date not null,
      figure_code text not null,
      breakdown text not null,
      organisation_id integer not null,
      version smallint not null,
      is_change_rate boolean not null,
      numerator double precision,
      denominator double precision,
      value double precision generated always as (
        case when missing_reason is null then
          case when is_change_rate then (numerator / denominator - 1) * 100 else numerator / denominator * 100 end
        end
      ) stored,
      missing_reason text check (missing_reason in ('not_delivered', 'suppressed', 'not_applicable',
        'incomplete_window', 'no_history', 'division_by_zero')),
      missing_detail jsonb,
      run_id integer not null,
      check (missing_reason is not null or (numerator is not null and denominator is not null and denominator <> 0)),
      primary key (period, figure_code, breakdown, organisation_id)
    );
  `.execute(db)
  for (const f of OFFICIAL_FIGURES) {
    await sql`
      insert into kpi_definition (code, version, valid_from, name_de, name_en, explanation_de,
        explanation_en, numerator, denominator, unit, transform, polarity, has_sex_breakdown,
        legal_source, is_official, created_by)
      values (${f.code}, ${f.version}, ${f.validFrom}, ${f.nameDe}, ${f.nameEn}, ${f.explanationDe},
        ${f.explanationEn}, ${f.numerator}, ${f.denominator}, ${f.unit}, ${f.transform}, ${f.polarity},
        ${f.hasSexBreakdown}, ${f.legalSource}, true, 'system')
      on conflict (code, version) do nothing
    `.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table kpi_value;
    drop table kpi_run;
    drop table kpi_definition;
  `.execute(db)
}
