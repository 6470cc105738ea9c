import { sql, type Kysely, type RawBuilder } from 'kysely'

// Incremental key figures after a one-month import rewrote every kpi_series row (~3 kB each, all of
// them, to append one element): 60 % of a full run on PostgreSQL. Months after a boundary now live in
// kpi_series_recent, rows of the same shape whose arrays hold only those months, so appending a month
// rewrites a few hundred bytes per series. The boundary is kpi_run.base_last_month of the latest run:
// for every series, kpi_series holds its months up to the boundary and kpi_series_recent the months
// after it (never the same month twice), so readers take the union. A full run writes everything
// into kpi_series and sets the boundary to its last month; an incremental run moves the recent rows
// into kpi_series once they span two years. NULL (runs before this migration, fixtures without a
// run): everything is in kpi_series.
//
// Finding what a batch changed scanned all of observation (~0.3 s for 2.5M rows): a BRIN index on
// batch_id finds a batch's rows, appended at the end of the table, in a few pages. It costs an import
// next to nothing (one summary per 128 pages), unlike a B-tree (~1 s per million rows).
//
// The organisations with values in the last computed month were found by reading every series row;
// an index on organisation_id lets the computation test one row per organisation.
/** 0002's kpi_value view, reading the series rows from `source`. */
function valueView(source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    create or replace view kpi_value as
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
    from ${source} s
    cross join lateral (
      select (array_lower(s.versions, 1) + x.k - 1)::int as m, x.version, x.numerator, x.denominator,
        s.missing -> (array_lower(s.versions, 1) + x.k - 1)::text as detail
      from unnest(s.versions, s.numerators, s.denominators) with ordinality as x(version, numerator, denominator, k)
      where x.version is not null
    ) u
    left join kpi_definition d on d.code = s.figure_code and d.version = u.version
  `
}

/** 0002's statement of the kpi_value_insert trigger: one value assigned into a row of `table`. */
function upsertValue(table: string): RawBuilder<unknown> {
  return sql`
    insert into ${sql.table(table)} as s (figure_code, breakdown, organisation_id, versions, numerators,
      denominators, missing, run_id)
    values (new.figure_code, new.breakdown, new.organisation_id,
      array_fill(new.version::smallint, array[1], array[m]),
      array_fill(new.numerator::float8, array[1], array[m]),
      array_fill(new.denominator::float8, array[1], array[m]), detail, new.run_id)
    on conflict (figure_code, breakdown, organisation_id) do update set
      versions[m] = new.version, numerators[m] = new.numerator, denominators[m] = new.denominator,
      missing = (s.missing - m::text) || detail, run_id = new.run_id;
  `
}

/** The trigger function around `body`, with 0002's month index and missing detail of the new value. */
function insertFunction(
  body: RawBuilder<unknown>,
  boundary: RawBuilder<unknown> = sql``,
): RawBuilder<unknown> {
  return sql`
    create or replace function kpi_value_insert() returns trigger language plpgsql as $$
    declare
      m integer := extract(year from new.period)::integer * 12 + extract(month from new.period)::integer - 1;
      detail jsonb := case when new.missing_reason is null then '{}'::jsonb else jsonb_build_object(m::text,
        jsonb_build_object('reason', new.missing_reason, 'month', to_char(new.period, 'YYYY-MM'))
          || coalesce(new.missing_detail, '{}'::jsonb)) end;
      ${boundary}
    begin
      ${body}
      return new;
    end
    $$
  `
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table kpi_run add column base_last_month date;
    create table kpi_series_recent (
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
    );
    create index kpi_series_organisation on kpi_series (organisation_id);
    create index kpi_series_recent_organisation on kpi_series_recent (organisation_id);
    create index observation_batch on observation using brin (batch_id);
  `.execute(db)
  await valueView(sql`(select * from kpi_series union all select * from kpi_series_recent)`).execute(db)
  // A single value goes where the readers look for its month: after the boundary into the recent rows.
  await insertFunction(
    sql`if boundary is not null and new.period > boundary then ${upsertValue('kpi_series_recent')}
      else ${upsertValue('kpi_series')} end if;`,
    sql`boundary date := (select r.base_last_month from kpi_run r order by r.id desc limit 1);`,
  ).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The recent months go back into kpi_series first, so going down loses no value.
  await sql`
    insert into kpi_series as s
    select * from kpi_series_recent
    on conflict (figure_code, breakdown, organisation_id) do update set
      versions[array_lower(excluded.versions, 1):array_upper(excluded.versions, 1)] = excluded.versions,
      numerators[array_lower(excluded.versions, 1):array_upper(excluded.versions, 1)] = excluded.numerators,
      denominators[array_lower(excluded.versions, 1):array_upper(excluded.versions, 1)] = excluded.denominators,
      missing = s.missing || excluded.missing,
      run_id = excluded.run_id
  `.execute(db)
  await valueView(sql`kpi_series`).execute(db)
  await insertFunction(upsertValue('kpi_series')).execute(db)
  await sql`
    drop index observation_batch;
    drop index kpi_series_organisation;
    drop table kpi_series_recent;
    alter table kpi_run drop column base_last_month;
  `.execute(db)
}
