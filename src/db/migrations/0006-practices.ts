import { sql, type Kysely } from 'kysely'

// The good-practice library (cards, topics, linked figures, attachments, adoptions) and the
// self-assessment (cycles with enabler areas and a maturity scale, answers per organisation).
// Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table practice (
      id integer generated always as identity primary key,
      organisation_id integer not null references organisation(id) on delete cascade,
      author_user_id integer references app_user(id) on delete set null,
      -- For visibility 'ring': the ring whose members may read the card (the author's ring when written).
      ring_id integer references ring(id) on delete set null,
      title text not null check (length(title) between 3 and 200),
      problem text not null default '',
      approach text not null default '',
      resources text not null default '',
      results text not null default '',
      contact text not null default '',
      visibility text not null check (visibility in ('ring', 'network', 'public')),
      status text not null check (status in ('draft', 'published')),
      published_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (status = 'draft' or published_at is not null),
      check (visibility <> 'ring' or ring_id is not null),
      -- German stemming ("Beratungen" finds "Beratung"); the title weighs most. to_tsvector with an
      -- explicit configuration is immutable, so it may generate a stored column.
      search tsvector generated always as (
        setweight(to_tsvector('german'::regconfig, title), 'A') ||
        setweight(to_tsvector('german'::regconfig, problem || ' ' || approach), 'B') ||
        setweight(to_tsvector('german'::regconfig, resources || ' ' || results), 'C')
      ) stored
    );
    create index practice_search on practice using gin (search);
    create index practice_organisation on practice (organisation_id);

    create table practice_topic (
      practice_id integer not null references practice(id) on delete cascade,
      topic text not null check (length(topic) between 1 and 80),
      primary key (practice_id, topic)
    );
    create index practice_topic_topic on practice_topic (topic);

    -- Figure codes, not definition ids: a card is about "K2" whatever version is current.
    create table practice_figure (
      practice_id integer not null references practice(id) on delete cascade,
      figure_code text not null,
      primary key (practice_id, figure_code)
    );
    create index practice_figure_code on practice_figure (figure_code);

    -- Small files only (handouts, a flyer): kept in the database so that backups and exports hold them.
    create table practice_attachment (
      id integer generated always as identity primary key,
      practice_id integer not null references practice(id) on delete cascade,
      file_name text not null,
      mime_type text not null,
      size_bytes integer not null check (size_bytes between 1 and 5242880),
      content bytea not null,
      uploaded_by_user_id integer references app_user(id) on delete set null,
      uploaded_at timestamptz not null
    );
    create index practice_attachment_practice on practice_attachment (practice_id);

    create table practice_adoption (
      id integer generated always as identity primary key,
      practice_id integer not null references practice(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      started_on date not null,
      note text not null default '',
      created_by_user_id integer references app_user(id) on delete set null,
      created_at timestamptz not null,
      unique (practice_id, organisation_id)
    );

    create table self_assessment_cycle (
      id integer generated always as identity primary key,
      network_id integer not null references network(id) on delete cascade,
      code text not null,
      name text not null,
      starts_on date not null,
      ends_on date not null,
      scale_min integer not null,
      scale_max integer not null,
      -- [{ "level": 1, "labelDe", "labelEn", "descriptionDe", "descriptionEn" }, …] one per level.
      scale_levels jsonb not null,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      check (scale_max > scale_min and scale_max - scale_min <= 10),
      check (ends_on >= starts_on),
      unique (network_id, code)
    );

    create table self_assessment_area (
      id integer generated always as identity primary key,
      cycle_id integer not null references self_assessment_cycle(id) on delete cascade,
      -- Stable across cycles: the change since the last cycle is matched by code.
      code text not null check (code ~ '^[a-z0-9_]+$'),
      position integer not null,
      name_de text not null,
      name_en text not null,
      description_de text not null default '',
      description_en text not null default '',
      unique (cycle_id, code)
    );

    create table self_assessment_response (
      id integer generated always as identity primary key,
      cycle_id integer not null references self_assessment_cycle(id) on delete cascade,
      area_id integer not null references self_assessment_area(id) on delete cascade,
      organisation_id integer not null references organisation(id) on delete cascade,
      score integer not null,
      evidence_note text not null default '',
      answered_by_user_id integer references app_user(id) on delete set null,
      answered_at timestamptz not null,
      unique (area_id, organisation_id)
    );
    create index self_assessment_response_cycle on self_assessment_response (cycle_id, organisation_id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table self_assessment_response;
    drop table self_assessment_area;
    drop table self_assessment_cycle;
    drop table practice_adoption;
    drop table practice_attachment;
    drop table practice_figure;
    drop table practice_topic;
    drop table practice;
  `.execute(db)
}
