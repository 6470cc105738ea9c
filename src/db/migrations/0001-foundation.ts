import { sql, type Kysely } from 'kysely'

// Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kreis (
      ags5 char(5) primary key,
      name text not null,
      kind text not null,
      nuts3 text,
      land_code char(2) not null,
      area_km2 double precision,
      population integer,
      valid_from date not null default '1900-01-01',
      valid_to date,
      successor_ags5 char(5)
    );

    create table organisation (
      id integer generated always as identity primary key,
      name text not null,
      short_name text not null,
      kind text not null check (kind in ('jobcenter', 'district', 'city', 'provider', 'other')),
      carrier_type text check (carrier_type in ('zkT', 'gE')),
      land_code char(2),
      nuts3 text,
      valid_from date not null default '1900-01-01',
      valid_to date,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );

    create table organisation_area (
      id integer generated always as identity primary key,
      organisation_id integer not null references organisation(id) on delete cascade,
      ags5 char(5) not null,
      valid_from date not null default '1900-01-01',
      valid_to date,
      check (valid_to is null or valid_to >= valid_from)
    );
    create index organisation_area_ags on organisation_area (ags5);

    create table organisation_site (
      id integer generated always as identity primary key,
      organisation_id integer not null references organisation(id) on delete cascade,
      name text not null,
      address text,
      is_main boolean not null default false
    );

    create table organisation_partner (
      id integer generated always as identity primary key,
      organisation_id integer not null references organisation(id) on delete cascade,
      partner_name text not null,
      partner_organisation_id integer references organisation(id),
      role text not null,
      valid_from date not null default '1900-01-01',
      valid_to date
    );

    create table network (
      id integer generated always as identity primary key,
      name text not null unique,
      description text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table network_membership (
      id integer generated always as identity primary key,
      network_id integer not null references network(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from)
    );

    create table ring (
      id integer generated always as identity primary key,
      network_id integer not null references network(id) on delete cascade,
      code text not null,
      name text not null,
      sharing text not null default 'named' check (sharing in ('named', 'pseudonymised')),
      valid_from date not null,
      valid_to date,
      unique (network_id, code, valid_from)
    );

    create table ring_membership (
      id integer generated always as identity primary key,
      ring_id integer not null references ring(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to >= valid_from)
    );
    create index ring_membership_org on ring_membership (organisation_id);

    create table indicator (
      id integer generated always as identity primary key,
      code text not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
      name_de text not null,
      name_en text not null,
      unit text not null,
      frequency text not null check (frequency in ('monthly', 'yearly')),
      breakdowns jsonb not null default '["total"]',
      kind text not null check (kind in ('raw', 'context')),
      source text not null,
      licence text not null default '',
      definition_de text not null default '',
      definition_en text not null default ''
    );

    create table import_batch (
      id integer generated always as identity primary key,
      file_name text not null,
      checksum text not null,
      format text not null,
      mapping text,
      source text,
      created_by text not null,
      created_at timestamptz not null,
      rows_read integer not null,
      rows_imported integer not null,
      rows_unchanged integer not null,
      rows_rejected integer not null,
      rows_skipped integer not null,
      errors jsonb not null default '[]',
      notices jsonb not null default '[]'
    );

    -- The fact table. No foreign keys on purpose: their per-row triggers made bulk imports ~4× slower.
    -- Every writer (importer, demo) resolves organisation, indicator and batch ids in the same
    -- transaction it writes in, and deleting an organisation deletes its observations (see
    -- organisation.repository.ts).
    create table observation (
      organisation_id integer not null,
      indicator_id integer not null,
      period date not null,
      breakdown text not null default 'total',
      revision smallint not null,
      value double precision,
      missing_reason text check (missing_reason in ('not_delivered', 'suppressed', 'not_applicable')),
      status text not null check (status in ('provisional', 'final', 'corrected')),
      batch_id integer not null,
      recorded_at timestamptz not null,
      is_current boolean not null,
      check ((value is null) <> (missing_reason is null)),
      check (value is null or value = value and value not in ('Infinity'::float8, '-Infinity'::float8)),
      -- Two indexes only (each costs ~1 s per million imported rows): every revision, and the current one.
      primary key (organisation_id, indicator_id, period, breakdown, revision)
    );
    create unique index observation_current on observation (indicator_id, organisation_id, period, breakdown) where is_current;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table observation;
    drop table import_batch;
    drop table indicator;
    drop table ring_membership;
    drop table ring;
    drop table network_membership;
    drop table network;
    drop table organisation_partner;
    drop table organisation_site;
    drop table organisation_area;
    drop table organisation;
    drop table kreis;
  `.execute(db)
}
