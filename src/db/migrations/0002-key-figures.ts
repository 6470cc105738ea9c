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

    -- Computed figures: one row per organisation, figure and breakdown, its months in arrays.
    -- A row per value (2.4M rows for 400 organisations over 12 years) cost ~8 s of COPY on
    -- PostgreSQL alone, ~3 s even unindexed and unlogged; as 16k rows of arrays the same values
    -- load in about a second (a row per year instead: ~3 s, the per-row cost dominates). The
    -- arrays are subscripted by month index (year · 12 + month − 1), so element m is month m,
    -- an incremental run assigns a slice (versions[m1:m2] = …) and a new month extends them.
    -- Like observation: no foreign keys (writers resolve ids themselves). numerators and
    -- denominators are NULL where not computable; missing maps the month index (as text) of each
    -- missing value to its reason and detail, e.g.
    -- {"24144": {"reason": "no_history", "month": "2011-01", "indicator": "llu"}}.
    -- toast_tuple_target keeps a row of a dozen years (~3 kB) inline and uncompressed, so
    -- readers slice it without detoasting. run_id is the last run that wrote into the row.
    create table kpi_series (
      figure_code text not null,
      breakdown text not null,
      organisation_id integer not null,
      versions smallint[] not null,
      numerators double precision[] not null,
      denominators double precision[] not null,
      missing jsonb not null default '{}',
      run_id integer not null,
      check (array_ndims(versions) = 1
        and array_lower(numerators, 1) = array_lower(versions, 1)
        and array_lower(denominators, 1) = array_lower(versions, 1)
        and array_upper(numerators, 1) = array_upper(versions, 1)
        and array_upper(denominators, 1) = array_upper(versions, 1)),
      primary key (figure_code, breakdown, organisation_id)
    ) with (toast_tuple_target = 8160);

    -- The values one per row, for reading and ad-hoc SQL. value is derived from numerator and
    -- denominator (ratio · 100, or (ratio − 1) · 100 for change rates), so the three can never
    -- disagree. The month filter applies after unnesting; readers that need few months of many
    -- rows slice the arrays instead (kpi-value.repository).
    create view kpi_value as
    select
      make_date(u.m / 12, u.m % 12 + 1, 1) as period,
      s.figure_code,
      s.breakdown,
      s.organisation_id,
      u.version,
      coalesce(d.transform = 'change_rate', false) as is_change_rate,
      u.numerator,
      u.denominator,
      case when u.detail is null then
        case when d.transform = 'change_rate' then (u.numerator / u.denominator - 1) * 100
          else u.numerator / u.denominator * 100 end
      end as value,
      u.detail ->> 'reason' as missing_reason,
      u.detail - 'reason' as missing_detail,
      s.run_id
    from kpi_series s
    cross join lateral (
      select (array_lower(s.versions, 1) + x.k - 1)::int as m, x.version, x.numerator, x.denominator,
        s.missing -> (array_lower(s.versions, 1) + x.k - 1)::text as detail
      from unnest(s.versions, s.numerators, s.denominators) with ordinality as x(version, numerator, denominator, k)
      where x.version is not null
    ) u
    left join kpi_definition d on d.code = s.figure_code and d.version = u.version;

    -- Inserting into the view assigns one element of kpi_series, so tests and hand-made fixtures
    -- can still write single values; the computation itself writes rows of arrays by COPY.
    create function kpi_value_insert() returns trigger language plpgsql as $$
    declare
      m integer := extract(year from new.period)::integer * 12 + extract(month from new.period)::integer - 1;
      detail jsonb := case when new.missing_reason is null then '{}'::jsonb else jsonb_build_object(m::text,
        jsonb_build_object('reason', new.missing_reason, 'month', to_char(new.period, 'YYYY-MM'))
          || coalesce(new.missing_detail, '{}'::jsonb)) end;
    begin
      insert into kpi_series as s (figure_code, breakdown, organisation_id, versions, numerators,
        denominators, missing, run_id)
      values (new.figure_code, new.breakdown, new.organisation_id,
        array_fill(new.version::smallint, array[1], array[m]),
        array_fill(new.numerator::float8, array[1], array[m]),
        array_fill(new.denominator::float8, array[1], array[m]), detail, new.run_id)
      on conflict (figure_code, breakdown, organisation_id) do update set
        versions[m] = new.version, numerators[m] = new.numerator, denominators[m] = new.denominator,
        missing = (s.missing - m::text) || detail, run_id = new.run_id;
      return new;
    end
    $$;
    create trigger kpi_value_insert instead of insert on kpi_value
      for each row execute function kpi_value_insert();
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
    drop view kpi_value;
    drop function kpi_value_insert();
    drop table kpi_series;
    drop table kpi_run;
    drop table kpi_definition;
  `.execute(db)
}
