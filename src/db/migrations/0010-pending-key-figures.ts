import { sql, type Kysely } from 'kysely'

// Key figures follow an import in a transaction of their own (ARCHITECTURE.md, "Key figures after an
// import"). Each batch stays marked until a computation has taken its values in, so a process killed
// in between, or two imports committing out of id order, leave work that the next start or import
// finishes. Batches after the last computation's watermark are the ones not computed yet.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table import_batch add column key_figures_pending boolean not null default true;
    update import_batch set key_figures_pending = false
     where id <= coalesce((select watermark_batch_id from kpi_run order by id desc limit 1), 0);
    create index import_batch_key_figures_pending on import_batch (id) where key_figures_pending;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index import_batch_key_figures_pending;
    alter table import_batch drop column key_figures_pending;
  `.execute(db)
}
