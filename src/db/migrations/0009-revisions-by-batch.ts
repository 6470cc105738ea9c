import { sql, type Kysely } from 'kysely'

// "What did this import correct?" (GET /api/v1/imports/:id/changes) reads the revisions a batch
// wrote. Only revisions (revision > 1) are indexed: they are few next to first values, so the index
// stays small and an import of new values pays nothing for it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index observation_revision_batch on observation (batch_id) where revision > 1`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index observation_revision_batch`.execute(db)
}
