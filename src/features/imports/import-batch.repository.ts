import type { Kysely, Selectable } from 'kysely'
import type { DB, ImportBatchTable } from '../../db/schema'

function toImportBatch(b: Selectable<ImportBatchTable>) {
  return {
    id: b.id,
    fileName: b.file_name,
    checksum: b.checksum,
    format: b.format,
    mapping: b.mapping,
    source: b.source,
    createdBy: b.created_by,
    createdAt: b.created_at.toISOString(),
    rowsRead: b.rows_read,
    rowsImported: b.rows_imported,
    rowsUnchanged: b.rows_unchanged,
    rowsRejected: b.rows_rejected,
    notices: b.notices,
  }
}

/**
 * The newest import batches. With `organisationIds`: only uploads made for those organisations
 * (batches of several organisations, e.g. official files loaded by an administrator, are not among them).
 */
export async function listImportBatches(
  db: Kysely<DB>,
  options: { limit?: number; organisationIds?: readonly number[] } = {},
) {
  if (options.organisationIds?.length === 0) return []
  const rows = await db
    .selectFrom('import_batch')
    .selectAll()
    .$if(options.organisationIds !== undefined, (qb) =>
      qb.where('organisation_id', 'in', options.organisationIds!),
    )
    .orderBy('id', 'desc')
    .limit(options.limit ?? 200)
    .execute()
  return rows.map(toImportBatch)
}

/** One import batch with the organisation it was uploaded for (null: several organisations). */
export async function findImportBatch(db: Kysely<DB>, id: number) {
  const row = await db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? { batch: toImportBatch(row), organisationId: row.organisation_id } : undefined
}

/** File and organisation of import batches, by id. */
export async function findImportBatchOrigins(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { fileName: string; organisationId: number | null }>()
  const rows = await db
    .selectFrom('import_batch')
    .select(['id', 'file_name', 'organisation_id'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, { fileName: r.file_name, organisationId: r.organisation_id }]))
}
