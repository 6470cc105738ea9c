import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'

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
  return rows.map((b) => ({
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
  }))
}
