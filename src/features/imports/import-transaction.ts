/**
 * The shell every file import shares (observations in import-file.ts, published figures in
 * published-figures/import-published-figures.ts): the file's checksum, ONE transaction that a
 * refused file or a dry run rolls back while still answering with its summary, the counts of the
 * diff against the current revisions and the import batch a committed write records
 * (`finishFileImport`, the one end of both).
 */
import { createHash } from 'node:crypto'
import type { Database, TransactionContext } from '../../db/connect'
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import { insertFileImportBatch, type DiffCounts, type FileImportBatch } from './import-batch.repository'

/** The sha-256 of an uploaded file, recorded with its batch. */
export function fileChecksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What every file import answers (contracts/imports.ts: fileImportSummarySchema). */
export interface FileImportSummary {
  fileName: string
  checksum: string
  rowsRead: number
  rowsImported: number
  rowsUnchanged: number
  rowsRejected: number
  newValues: number
  revisedValues: number
  errors: ImportErrorRow[]
  notices: ImportNotice[]
  isDryRun: boolean
  isCommitted: boolean
  batchId: number | null
}

/** Thrown inside an import's transaction to roll it back while still returning a summary. */
export class RollbackWithSummary<S> extends Error {
  constructor(readonly summary: S) {
    super('import rolled back')
  }
}

/** Runs an import's writes in one transaction; a `RollbackWithSummary` undoes them and answers. */
export async function writeInOneTransaction<S>(
  database: Database,
  write: (tx: TransactionContext) => Promise<S>,
): Promise<S> {
  try {
    return await database.transaction(write)
  } catch (error) {
    if (error instanceof RollbackWithSummary) return error.summary as S
    throw error
  }
}

/** The counts of a file that is refused: nothing is written. */
const NOTHING_WRITTEN = {
  rowsImported: 0,
  rowsUnchanged: 0,
  newValues: 0,
  revisedValues: 0,
  isCommitted: false,
  batchId: null,
} as const

/** The counts of a file that is written (or, in a dry run, would be). */
export function writtenCounts(counts: DiffCounts, batchId: number | null, isDryRun: boolean) {
  return {
    rowsImported: counts.new + counts.changed,
    rowsUnchanged: counts.unchanged,
    newValues: counts.new,
    revisedValues: counts.changed,
    isCommitted: !isDryRun,
    batchId,
  }
}

/**
 * Records the import batch and writes the revisions (`write`, given the batch id) when the file
 * changes anything and is no dry run; answers the batch id, or null when nothing was recorded.
 */
async function recordChanges(
  tx: TransactionContext,
  batch: FileImportBatch,
  options: { isDryRun: boolean; hasRawValues: boolean },
  write: (batchId: number) => Promise<void>,
): Promise<number | null> {
  if (batch.counts.new + batch.counts.changed === 0 || options.isDryRun) return null
  const batchId = await insertFileImportBatch(tx.db, batch, options)
  await write(batchId)
  return batchId
}

/** What a file import has read when it starts to compare: its summary before any count. */
export type ReadFileSummary = FileImportBatch['summary'] & { errors: ImportErrorRow[]; isDryRun: boolean }

/** What a compared file adds to its summary, and how its revisions are written under a batch id. */
export interface ComparedFile<Extra> {
  counts: DiffCounts
  added: Extra
  write: (batchId: number) => Promise<void>
}

/**
 * The end every staged file import shares, inside its transaction: a file with errors writes nothing
 * (rolled back, answering `base` with `refused`); otherwise `compare` diffs it against the current
 * revisions, a file that changes anything records its batch and writes, and a dry run is rolled
 * back answering what it would have written. Returns the summary of a committed write.
 */
export async function finishFileImport<Base extends ReadFileSummary, Extra extends object>(
  tx: TransactionContext,
  job: {
    base: Base
    batch: Pick<FileImportBatch, 'parsed' | 'options' | 'now'>
    hasRawValues: boolean
    refused: Extra
    compare: () => Promise<ComparedFile<Extra>>
  },
): Promise<Base & ReturnType<typeof writtenCounts> & Extra> {
  const { base } = job
  if (base.errors.length > 0) throw new RollbackWithSummary({ ...base, ...NOTHING_WRITTEN, ...job.refused })
  const compared = await job.compare()
  const batchId = await recordChanges(
    tx,
    { ...job.batch, summary: base, counts: compared.counts },
    { isDryRun: base.isDryRun, hasRawValues: job.hasRawValues },
    compared.write,
  )
  const summary = { ...base, ...writtenCounts(compared.counts, batchId, base.isDryRun), ...compared.added }
  if (base.isDryRun) throw new RollbackWithSummary(summary)
  return summary
}
