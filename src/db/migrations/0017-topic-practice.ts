import { sql, type Kysely } from 'kysely'

// "Das wollen wir ausprobieren": a topic proposed from a practice card keeps the card, so the topic
// links to it and an organisation proposes the same card only once (docs/improvement-potential.md).
// Migrations take Kysely<unknown>: they must not depend on today's row types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table topic add column practice_id integer references practice(id) on delete set null;
    create unique index topic_practice_per_organisation
      on topic (proposed_by_organisation_id, practice_id)
      where practice_id is not null;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists topic_practice_per_organisation;
    alter table topic drop column if exists practice_id;
  `.execute(db)
}
