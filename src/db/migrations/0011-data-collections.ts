import { sql, type Kysely } from 'kysely'

// Data collections (docs/data-collections.md): figures the network asks of its members by form,
// with plausibility checks and a deadline. Own indicators get what a collection checks against
// (an allowed range) and how the network reads them (polarity). Submitted values become
// observations when the collection is closed (through the importer: revisions and an import batch).
// Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table indicator add column is_own boolean not null default false;
    alter table indicator add column allowed_min double precision;
    alter table indicator add column allowed_max double precision;
    alter table indicator add column polarity text
      check (polarity in ('higher_is_better', 'lower_is_better', 'neutral'));
    alter table indicator add constraint indicator_allowed_range
      check (allowed_min is null or allowed_max is null or allowed_min <= allowed_max);

    create table data_collection (
      id integer generated always as identity primary key,
      title text not null check (length(title) between 3 and 200),
      instructions text not null default '',
      frequency text not null check (frequency in ('monthly', 'yearly')),
      -- ["2025"] or ["2025-01", "2025-02"]: the periods every member reports.
      periods jsonb not null,
      -- The rings asked; an empty list asks the whole network (its members on the creation day).
      ring_ids jsonb not null default '[]',
      deadline date not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      -- Members that did not submit see only their own values after closing.
      is_results_for_deliverers_only boolean not null default false,
      change_threshold_percent double precision not null default 30
        check (change_threshold_percent > 0 and change_threshold_percent <= 1000),
      created_by_user_id integer references app_user(id) on delete set null,
      created_at timestamptz not null,
      closed_at timestamptz,
      -- The import batch the submitted values were written with on closing (none if nothing changed).
      batch_id integer references import_batch(id) on delete set null,
      is_demo boolean not null default false,
      check (status = 'open' or closed_at is not null)
    );

    create table data_collection_indicator (
      collection_id integer not null references data_collection(id) on delete cascade,
      indicator_id integer not null references indicator(id) on delete cascade,
      position integer not null,
      -- A key figure the indicator belongs with: the figure page shows the results next to it.
      figure_code text,
      primary key (collection_id, indicator_id)
    );

    -- One row per organisation asked: its state in the cycle and when it was last reminded.
    create table data_collection_member (
      collection_id integer not null references data_collection(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      status text not null default 'missing' check (status in ('missing', 'draft', 'submitted')),
      submitted_at timestamptz,
      submitted_by_user_id integer references app_user(id) on delete set null,
      reminded_at timestamptz,
      reopened_at timestamptz,
      primary key (collection_id, organisation_id)
    );
    create index data_collection_member_organisation on data_collection_member (organisation_id);

    -- The form's cells. value null: left empty (a comment may say why).
    create table data_collection_entry (
      collection_id integer not null,
      organisation_id integer not null,
      indicator_id integer not null references indicator(id) on delete cascade,
      period text not null,
      breakdown text not null default 'total',
      value double precision check (value is null or value = value and value not in ('Infinity'::float8, '-Infinity'::float8)),
      comment text not null default '',
      updated_by_user_id integer references app_user(id) on delete set null,
      updated_at timestamptz not null,
      primary key (collection_id, organisation_id, indicator_id, period, breakdown),
      foreign key (collection_id, organisation_id)
        references data_collection_member(collection_id, organisation_id) on delete cascade
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table data_collection_entry;
    drop table data_collection_member;
    drop table data_collection_indicator;
    drop table data_collection;
    alter table indicator drop constraint indicator_allowed_range;
    alter table indicator drop column polarity;
    alter table indicator drop column allowed_max;
    alter table indicator drop column allowed_min;
    alter table indicator drop column is_own;
  `.execute(db)
}
