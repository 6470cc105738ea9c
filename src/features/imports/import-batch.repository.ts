import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
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

/** What staged values are against the current revisions (file imports, import-transaction.ts). */
export interface DiffCounts {
  new: number
  changed: number
  unchanged: number
}

/** Where a file import stages its rows, what it compares them with, and by which columns. */
export interface StagedDiff {
  /** The temporary table the comparison is left in for the writes (dropped on commit). */
  diff: 'import_diff' | 'published_diff'
  stage: 'import_stage' | 'published_stage'
  current: 'observation' | 'published_figure_value'
  /** The columns that name one value (its current revision has `is_current`). */
  keys: readonly string[]
  /** The columns a new revision may change; a status the file gives is compared as well. */
  compared: readonly string[]
  /** Columns of the current revision kept beside the staged row as `old_<column>`. */
  kept: readonly string[]
  /** Only staged rows with this column set are compared (the others were refused). */
  requiredColumn?: string
}

/**
 * Compares the staged rows with the current revisions — new, changed (any compared column, or a
 * status the file gives: provisional → final is a revision) or unchanged — into `spec.diff`, and
 * counts them. The one rule of what a file import revises, for observations and published figures.
 */
export async function diffStagedValues(db: Kysely<DB>, spec: StagedDiff): Promise<DiffCounts> {
  const staged = (column: string) => sql.ref(`s.${column}`)
  const current = (column: string) => sql.ref(`c.${column}`)
  const isUnchanged = sql.join(
    spec.compared.map((column) => sql`${current(column)} is not distinct from ${staged(column)}`),
    sql` and `,
  )
  const matches = sql.join(
    spec.keys.map((column) => sql`${current(column)} = ${staged(column)}`),
    sql` and `,
  )
  const kept = sql.join(spec.kept.map((column) => sql`${current(column)} as ${sql.ref(`old_${column}`)}`))
  await sql`
    create temp table ${sql.table(spec.diff)} on commit drop as
    select s.*, ${kept},
           case
             when c.revision is null then 'new'
             when ${isUnchanged} and (s.status is null or s.status = c.status) then 'unchanged'
             else 'changed'
           end as change
    from ${sql.table(spec.stage)} s
    left join ${sql.table(spec.current)} c on c.is_current and ${matches}
    ${spec.requiredColumn ? sql`where ${staged(spec.requiredColumn)} is not null` : sql``}
  `.execute(db)
  return countDiff(db, spec.diff)
}

/** Counts the rows of a diff table by its `change` column ('new', 'changed', 'unchanged'). */
async function countDiff(db: Kysely<DB>, table: StagedDiff['diff']): Promise<DiffCounts> {
  const result = await sql<{ change: string; n: number }>`
    select change, count(*)::int as n from ${sql.table(table)} group by change
  `.execute(db)
  const count = (kind: string) => result.rows.find((r) => r.change === kind)?.n ?? 0
  return { new: count('new'), changed: count('changed'), unchanged: count('unchanged') }
}

/** What a committed file import records about itself. */
export interface FileImportBatch {
  /** The summary so far: the file, its checksum, what it refused and why. */
  summary: {
    fileName: string
    checksum: string
    format: string
    rowsRead: number
    rowsRejected: number
    errors: unknown[]
    notices: unknown[]
  }
  parsed: { fileType: string; mapping?: { source?: string } }
  options: {
    mappingName?: string
    createdBy?: string
    uploadedByUserId?: number | null
    /** The one organisation an upload was made for (a member's own upload). */
    onlyOrganisation?: { id: number }
  }
  now: Date
  counts: DiffCounts
}

/**
 * Inserts the import batch of a committed file import; returns its id. A batch without raw values
 * (published figures) has nothing for the key-figure computation to take in.
 */
export async function insertFileImportBatch(
  db: Kysely<DB>,
  batch: FileImportBatch,
  { hasRawValues }: { hasRawValues: boolean },
): Promise<number> {
  const { summary, options, counts } = batch
  const row: Insertable<ImportBatchTable> = {
    file_name: summary.fileName,
    checksum: summary.checksum,
    format: `${batch.parsed.fileType}/${summary.format}`,
    mapping: options.mappingName ?? null,
    source: batch.parsed.mapping?.source ?? null,
    created_by: options.createdBy ?? 'cli',
    created_at: batch.now,
    rows_read: summary.rowsRead,
    rows_imported: counts.new + counts.changed,
    rows_unchanged: counts.unchanged,
    rows_rejected: summary.rowsRejected,
    rows_skipped: 0,
    errors: JSON.stringify(summary.errors),
    notices: JSON.stringify(summary.notices),
    uploaded_by_user_id: options.uploadedByUserId ?? null,
    organisation_id: options.onlyOrganisation?.id ?? null,
    ...(hasRawValues ? {} : { key_figures_pending: false }),
  }
  const inserted = await db.insertInto('import_batch').values(row).returning('id').executeTakeFirstOrThrow()
  return inserted.id
}

/**
 * Sets what a committed import found once it has read the whole file (the direct path of
 * import-file.ts records its batch before the first value is written).
 */
export async function updateFileImportBatch(
  db: Kysely<DB>,
  id: number,
  batch: FileImportBatch,
): Promise<void> {
  const { summary, counts } = batch
  await db
    .updateTable('import_batch')
    .set({
      rows_read: summary.rowsRead,
      rows_imported: counts.new + counts.changed,
      rows_unchanged: counts.unchanged,
      rows_rejected: summary.rowsRejected,
      errors: JSON.stringify(summary.errors),
      notices: JSON.stringify(summary.notices),
    })
    .where('id', '=', id)
    .execute()
}
