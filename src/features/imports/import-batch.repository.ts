import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'

export async function listImportBatches(db: Kysely<DB>, limit = 200) {
  const rows = await db.selectFrom('import_batch').selectAll().orderBy('id', 'desc').limit(limit).execute()
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
