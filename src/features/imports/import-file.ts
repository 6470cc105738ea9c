/**
 * Imports one file of observations: read it in batches (parsing/), resolve organisation keys, check
 * indicators, and write each batch before the next is read, in ONE transaction: new values become
 * revision 1, changed values a new revision (the old one stays, so figures can be shown as of any
 * date), identical values change nothing. A file with any rejected row writes nothing, unless the
 * mapping says that rows of districts without an organisation are to be reported and skipped.
 *
 * Two ways to write, with the same outcome: the direct path copies the checked values straight into
 * `observation` as revision 1 (the common case: a file of values not held yet); when a value meets a
 * current one (the unique index `observation_current` says so), when a row is refused or in a dry
 * run, the transaction is rolled back and the staged path reads the file again, copies it into a
 * temporary table, finds duplicate rows there and diffs against the current values set-based.
 */
import { sql } from 'kysely'
import type { Database, TransactionContext } from '../../db/connect'
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import { formatPeriod, periodFromDate } from '../../core/periods/period'
import { systemNow } from '../../core/periods/dates'
import { listIndicators, upsertIndicators } from '../indicators/indicator.repository'
import { loadKeyIndexRows } from '../organisations/organisation.repository'
import { OBSERVATION_COPY_COLUMNS } from '../observations/observation.repository'
import { openImportRecords, type ImportRecordStream } from './parsing/parse-import-file'
import type { ColumnMapping } from './parsing/types'
import { KeyResolver } from './resolve-keys'
import { importMessage } from './import-message'
import { message } from '../../core/messages/text'
import { CHANGE_SAMPLE, MAX_ERRORS, RecordChecker, stageLine, type ValueChange } from './record-checker'
import { DirectRows, RowRefused } from './direct-rows'
import { rowsInThisThread, rowsInWorker } from './direct-rows-source'
import {
  diffStagedValues,
  insertFileImportBatch,
  updateFileImportBatch,
  type DiffCounts,
} from './import-batch.repository'
import {
  fileChecksum,
  finishFileImport,
  type FileImportSummary,
  writeInOneTransaction,
  writtenCounts,
} from './import-transaction'

export interface ImportFileOptions {
  fileName: string
  bytes: Uint8Array
  mapping?: ColumnMapping
  /** Name of the mapping file, recorded with the batch. */
  mappingName?: string
  isDryRun?: boolean
  createdBy?: string
  /** The instant the revisions are recorded at (tests set it to show figures "as of" a date). */
  now?: Date
  encoding?: 'utf-8' | 'windows-1252' | 'latin1'
  delimiter?: string
  decimal?: ',' | '.'
  onProgress?: (phase: 'parse' | 'write', done: number, total: number) => void
  /**
   * When set, rows of any other organisation are rejected (an analyst uploads for their own
   * organisation only); the whole file is then refused, as with any rejected row.
   */
  onlyOrganisation?: { id: number; name: string }
  /** The signed-in uploader, recorded with the batch. */
  uploadedByUserId?: number | null
  /** Runs in the import's transaction after a committed write (e.g. the audit entry). */
  onCommitted?: (tx: TransactionContext, summary: ImportSummary) => Promise<void>
  /**
   * How the file is opened for reading in batches: in this thread by default; the server passes its
   * pool (parse-pool.ts), which reads XLSX workbooks in a worker thread.
   */
  open?: typeof openImportRecords
  /** False: always the staged path (tests compare it with the direct path). */
  isDirectPathAllowed?: boolean
  /**
   * On PGlite, the direct path reads and checks files of at least `fromBytes` in a worker thread
   * while the COPY runs (default 4 MB), handing over COPY text in chunks of `chunkChars` (default
   * 1 MB); tests make both small. Not with `open`: the server's pool reads files its own way.
   */
  checkingWorker?: { fromBytes: number; chunkChars?: number }
}

export type { ValueChange } from './record-checker'

export interface ImportSummary extends FileImportSummary {
  format: string
  /** Values in the file (a wide row carries several). The counts of the summary count values. */
  valuesRead: number
  /** Up to 20 examples of what changes (or would change, in a dry run). */
  changes: ValueChange[]
  /** Key-figure values recomputed after the import (set by runImport). */
  keyFigureValuesWritten?: number
}

export async function importFile(database: Database, options: ImportFileOptions): Promise<ImportSummary> {
  const checksum = fileChecksum(options.bytes)
  const progress = trackProgress(options)
  const open = () =>
    (options.open ?? openImportRecords)(options.bytes, {
      fileName: options.fileName,
      mapping: options.mapping,
      encoding: options.encoding,
      delimiter: options.delimiter,
      decimal: options.decimal,
      isCheckingDuplicates: false,
      onProgress: options.onProgress ? progress.parse : undefined,
    })
  // File-level refusals (empty file, missing columns …) come from opening, before any transaction.
  const first = await open()
  if (!(options.isDryRun ?? false) && (options.isDirectPathAllowed ?? true)) {
    try {
      return await writeInOneTransaction(database, (tx) =>
        writeDirectly(tx, { stream: first, checksum, options, progress }),
      )
    } catch (error) {
      if (!(error instanceof TakeStagedPath)) throw error
    }
  }
  const stream = options.isDryRun || options.isDirectPathAllowed === false ? first : await open()
  return writeInOneTransaction(database, (tx) => writeStaged(tx, { stream, checksum, options, progress }))
}

/** Thrown by the direct path when the staged path has to answer (the transaction is rolled back). */
class TakeStagedPath extends Error {
  constructor(readonly why: string) {
    super(`import takes the staged path: ${why}`)
  }
}

/** One file being written: the opened stream and what the summary and the progress need. */
interface ImportJob {
  stream: ImportRecordStream
  checksum: string
  options: ImportFileOptions
  progress: Progress
}

/**
 * What both paths do first in their transaction: upsert the file's indicators, load them and the
 * key index for the checks, and create the staging table.
 */
async function startWriting(tx: TransactionContext, job: ImportJob) {
  const { stream, options } = job
  const now = options.now ?? systemNow()
  await upsertIndicators(tx.db, stream.file.indicators)
  const indicatorRows = await listIndicators(tx.db)
  const keyIndex = await loadKeyIndexRows(tx.db)
  await createStage(tx)
  const indicators = new Map(indicatorRows.map((i) => [i.code, i]))
  const resolver = new KeyResolver(keyIndex)
  return {
    now,
    checker: new RecordChecker(indicators, resolver, stream.file.mapping, options.onlyOrganisation, now),
    indicatorRows,
    keyIndex,
  }
}

type Progress = ReturnType<typeof trackProgress>

/** Reading and writing go batch by batch: the writing reports the bytes read when it wrote. */
function trackProgress(options: ImportFileOptions) {
  let bytesDone = 0
  return {
    parse: (done: number, total: number) => {
      bytesDone = done
      options.onProgress?.('parse', done, total)
    },
    wrote: () => options.onProgress?.('write', bytesDone, options.bytes.length),
  }
}

/** Files from this size on are read and checked in a worker thread on PGlite (direct path). */
const WORKER_FROM_BYTES = 4 * 1024 * 1024

/**
 * The direct path: checked values go straight into `observation` as revision 1 of a batch
 * recorded at the first written value. Gives up (TakeStagedPath) on a value that meets a current
 * one or repeats one of the file, on any refused row, and on repeated rows of districts without
 * organisation; the caller then rolls back and takes the staged path.
 */
async function writeDirectly(tx: TransactionContext, job: ImportJob): Promise<ImportSummary> {
  const { stream, checksum, options, progress } = job
  const { now, checker, indicatorRows, keyIndex } = await startWriting(tx, job)
  let batchId: number | null = null
  const base = (rejected: number, notices: ImportNotice[], rowsRead: number, valuesRead: number) => ({
    fileName: stream.file.fileName,
    checksum,
    format: stream.file.format,
    rowsRead,
    valuesRead,
    rowsRejected: rejected,
    errors: [] as ImportErrorRow[],
    notices,
    isDryRun: false,
  })
  const isInWorker =
    tx.kind === 'pglite' &&
    options.open === undefined &&
    options.bytes.length >= (options.checkingWorker?.fromBytes ?? WORKER_FROM_BYTES)
  const source = isInWorker
    ? rowsInWorker(
        {
          bytes: options.bytes,
          open: {
            fileName: options.fileName,
            mapping: options.mapping,
            encoding: options.encoding,
            delimiter: options.delimiter,
            decimal: options.decimal,
          },
          indicators: indicatorRows,
          keyIndex,
          onlyOrganisation: options.onlyOrganisation,
          now,
          chunkChars: options.checkingWorker?.chunkChars,
        },
        (bytesRead) => {
          progress.parse(bytesRead, options.bytes.length)
          progress.wrote()
        },
      )
    : rowsInThisThread(new DirectRows(stream, checker, now.toISOString()), progress.wrote)
  try {
    // The batch is recorded before the COPY starts (a COPY holds the connection until it ends), and
    // only when there is a value to write, as the staged path does.
    if (await source.hasValues()) {
      const id = await insertFileImportBatch(
        tx.db,
        {
          summary: base(0, [], 0, 0),
          parsed: stream.file,
          options,
          now,
          counts: { new: 1, changed: 0, unchanged: 0 },
        },
        { hasRawValues: true },
      )
      batchId = id
      try {
        await tx.copyCsv('observation', OBSERVATION_COPY_COLUMNS, source.chunks(id))
      } catch (error) {
        if (isUniqueViolation(error)) throw new TakeStagedPath('a value meets a current one or repeats one')
        throw error
      }
    }
    const end = await source.finish()
    if (end.unmatchedLines.length > 0) {
      await tx.copyCsv('import_stage', STAGE_COLUMNS, end.unmatchedLines)
      if (await hasRepeatedRows(tx))
        throw new TakeStagedPath('rows of a district without organisation repeat')
    }
    const summaryBase = base(end.rejected, end.notices, end.rowsRead, end.records)
    const counts: DiffCounts = { new: end.written, changed: 0, unchanged: 0 }
    if (batchId !== null)
      await updateFileImportBatch(tx.db, batchId, {
        summary: summaryBase,
        parsed: stream.file,
        options,
        now,
        counts,
      })
    const summary: ImportSummary = {
      ...summaryBase,
      ...writtenCounts(counts, batchId, false),
      changes: end.changes,
    }
    await options.onCommitted?.(tx, summary)
    return summary
  } catch (error) {
    if (error instanceof RowRefused) throw new TakeStagedPath('a row is refused')
    throw error
  } finally {
    await source.close()
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

/**
 * The staged path: every checked value is copied into `import_stage`, duplicate rows are found
 * there (the reader's "same key" and the importer's "same organisation"), then diffed against the
 * current values and written as new values and revisions. Also the path of dry runs.
 */
async function writeStaged(tx: TransactionContext, job: ImportJob): Promise<ImportSummary> {
  const { stream, checksum, options, progress } = job
  const isDryRun = options.isDryRun ?? false
  const { now, checker } = await startWriting(tx, job)
  let seq = 0
  let attributedErrors: ImportErrorRow[] = []
  let attributedNotices: ImportNotice[] = []
  // One call reads a batch and returns its text, so that no record is held while COPY waits
  // (DirectRows.lines says why).
  const batches = stream.batches()
  const nextText = (): string | undefined => {
    const next = batches.next()
    if (next.done) return undefined
    let text = ''
    for (const record of next.value) {
      const checked = checker.check(record)
      if (checked !== undefined) text += stageLine(checked, seq++)
    }
    return text
  }
  async function* chunks(): AsyncGenerator<string> {
    for (let text = nextText(); text !== undefined; text = nextText()) {
      yield text
      progress.wrote()
    }
    const attributed = checker.attribution?.finish()
    if (attributed) {
      let text = ''
      for (const a of attributed.accepted) text += stageLine(a, seq++)
      yield text
      attributedErrors = attributed.errors
      attributedNotices = attributed.notices
    }
  }
  await tx.copyCsv('import_stage', STAGE_COLUMNS, chunks())
  // Rows that repeat a key, indicator, period and breakdown: listed with the reader's errors.
  const repeated = (await hasRepeatedRows(tx)) ? await findRepeatedRows(tx, 'key') : { listed: [], count: 0 }
  for (const r of repeated.listed)
    stream.addError(
      r.row,
      r.valueColumn,
      r.value,
      message('import.duplicateInFile', {
        earlier: r.earlier,
        key: r.orgKey,
        indicator: r.indicator,
        period: r.period,
        breakdown: r.breakdown,
      }),
    )
  stream.countErrors(repeated.count - repeated.listed.length)
  const tail = stream.finish()
  let rejected = tail.errorCount + checker.rejected + attributedErrors.length
  const errors: ImportErrorRow[] = [...tail.errors]
  errors.push(...checker.errors.slice(0, Math.max(0, MAX_ERRORS - errors.length)))
  errors.push(...attributedErrors.slice(0, Math.max(0, MAX_ERRORS - errors.length)))
  if (errors.length === 0) {
    // Two rows for the same value can come from different keys of one organisation (e.g. the
    // AGS of a merged district), so duplicates are checked after key resolution.
    const duplicates = await findRepeatedRows(tx, 'organisation')
    rejected += duplicates.count
    for (const d of duplicates.listed)
      errors.push({
        row: d.row,
        column: d.keyColumn,
        value: d.orgKey,
        ...importMessage(
          message('import.duplicateInBatch', {
            earlier: d.earlier,
            indicator: d.indicator,
            period: d.period,
            breakdown: d.breakdown,
          }),
        ),
      })
  }
  const notices: ImportNotice[] = [...tail.notices, ...attributedNotices, ...checker.unmatchedNotices()]
  const base = {
    fileName: stream.file.fileName,
    checksum,
    format: stream.file.format,
    rowsRead: tail.rowsRead,
    valuesRead: checker.records + tail.errorCount - repeated.count,
    rowsRejected: rejected,
    errors,
    notices,
    isDryRun,
  }
  const summary: ImportSummary = await finishFileImport(tx, {
    base,
    batch: { parsed: stream.file, options, now },
    hasRawValues: true,
    refused: { changes: [] },
    async compare() {
      const counts = await diffAgainstCurrent(tx)
      return { counts, added: { changes: await sampleChanges(tx) }, write: (id) => applyDiff(tx, id, now) }
    },
  })
  await options.onCommitted?.(tx, summary)
  return summary
}

const STAGE_COLUMNS = [
  'seq',
  'organisation_id',
  'indicator_id',
  'period',
  'breakdown',
  'value',
  'missing_reason',
  'status',
  'row_number',
  'org_key_normalised',
  'org_key',
  'key_column',
  'value_column',
]

/**
 * The staging table: every checked value in file order (`seq`), with what the duplicate messages
 * name. Rows of districts without an organisation (reported and skipped) have no organisation_id:
 * they count for the duplicate check only.
 */
async function createStage(tx: TransactionContext): Promise<void> {
  await sql`
    create temp table import_stage (
      seq integer not null,
      organisation_id integer,
      indicator_id integer not null,
      period date not null,
      breakdown text not null,
      value double precision,
      missing_reason text,
      status text,
      row_number integer not null,
      org_key_normalised text not null,
      org_key text not null,
      key_column text not null,
      value_column text not null
    ) on commit drop
  `.execute(tx.db)
}

/** Whether two staged rows give a value for the same key text, indicator, period and breakdown. */
async function hasRepeatedRows(tx: TransactionContext): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (
      select 1 from import_stage
      group by org_key_normalised, indicator_id, period, breakdown having count(*) > 1
    ) as found
  `.execute(tx.db)
  return result.rows[0]?.found ?? false
}

interface RepeatedRow {
  row: number
  earlier: number
  orgKey: string
  keyColumn: string
  valueColumn: string
  value: string
  indicator: string
  period: string
  breakdown: string
}

/**
 * Staged rows that repeat an earlier one (file order), the first MAX_ERRORS of them with the earliest
 * row, and how many there are. `key`: the same key text (normalised), indicator, period and breakdown,
 * what the reader reported as "duplicateInFile" when it held every row in a map; `organisation`: the
 * same organisation (two keys of one organisation, e.g. the AGS of a merged district).
 */
async function findRepeatedRows(
  tx: TransactionContext,
  by: 'key' | 'organisation',
): Promise<{ listed: RepeatedRow[]; count: number }> {
  const owner = by === 'key' ? sql`org_key_normalised` : sql`organisation_id`
  const result = await sql<{
    row_number: number
    earlier: number
    org_key: string
    key_column: string
    value_column: string
    value: number | null
    code: string
    frequency: 'monthly' | 'yearly'
    period: string
    breakdown: string
    total: number
  }>`
    with ranked as (
      select s.*,
             first_value(row_number) over w as earlier,
             row_number() over w as rank
      from import_stage s
      where ${owner} is not null
      window w as (partition by ${owner}, indicator_id, period, breakdown order by seq)
    ), repeated as (
      select * from ranked where rank > 1
    )
    select r.row_number, r.earlier, r.org_key, r.key_column, r.value_column, r.value, i.code, i.frequency,
           r.period, r.breakdown, (select count(*)::int from repeated) as total
    from repeated r join indicator i on i.id = r.indicator_id
    order by r.seq
    limit ${MAX_ERRORS}
  `.execute(tx.db)
  return {
    listed: result.rows.map((r) => ({
      row: r.row_number,
      earlier: r.earlier,
      orgKey: r.org_key,
      keyColumn: r.key_column,
      valueColumn: r.value_column,
      value: r.value === null ? '' : String(r.value),
      indicator: r.code,
      period: formatPeriod(periodFromDate(r.period, r.frequency)),
      breakdown: r.breakdown,
    })),
    count: result.rows[0]?.total ?? 0,
  }
}

/** Leaves the staged rows' comparison with the current observations in `import_diff`. */
function diffAgainstCurrent(tx: TransactionContext): Promise<DiffCounts> {
  return diffStagedValues(tx.db, {
    diff: 'import_diff',
    stage: 'import_stage',
    current: 'observation',
    keys: ['indicator_id', 'organisation_id', 'period', 'breakdown'],
    compared: ['value', 'missing_reason'],
    kept: ['revision', 'value', 'missing_reason'],
    requiredColumn: 'organisation_id',
  })
}

async function sampleChanges(tx: TransactionContext): Promise<ValueChange[]> {
  const result = await sql<{
    organisation_id: number
    code: string
    frequency: 'monthly' | 'yearly'
    period: string
    breakdown: string
    old_value: number | null
    old_missing_reason: string | null
    change: string
    value: number | null
    missing_reason: string | null
  }>`
    select d.organisation_id, i.code, i.frequency, d.period, d.breakdown, d.old_value, d.old_missing_reason, d.change,
           d.value, d.missing_reason
    from import_diff d join indicator i on i.id = d.indicator_id
    where d.change <> 'unchanged'
    order by d.change desc, d.row_number, d.seq
    limit ${CHANGE_SAMPLE}
  `.execute(tx.db)
  return result.rows.map((r) => ({
    organisationId: r.organisation_id,
    indicator: r.code,
    period: formatPeriod(periodFromDate(r.period, r.frequency)),
    breakdown: r.breakdown,
    before: r.change === 'new' ? null : (r.old_value ?? r.old_missing_reason),
    after: r.value ?? r.missing_reason ?? '',
  }))
}

async function applyDiff(tx: TransactionContext, batchId: number, now: Date): Promise<void> {
  await sql`
    update observation o set is_current = false
    from import_diff d
    where d.change = 'changed'
      and o.organisation_id = d.organisation_id and o.indicator_id = d.indicator_id
      and o.period = d.period and o.breakdown = d.breakdown and o.revision = d.old_revision
  `.execute(tx.db)
  await sql`
    insert into observation (organisation_id, indicator_id, period, breakdown, revision, value, missing_reason,
                             status, batch_id, recorded_at, is_current)
    select organisation_id, indicator_id, period, breakdown, coalesce(old_revision, 0) + 1, value, missing_reason,
           coalesce(status, case when change = 'new' then 'final' else 'corrected' end), ${batchId}, ${now}, true
    from import_diff
    where change <> 'unchanged'
  `.execute(tx.db)
}
