/**
 * Imports one file of observations: parse (parsing/), resolve organisation keys, check indicators,
 * then write in ONE transaction: new values become revision 1, changed values a new revision
 * (the old one stays, so figures can be shown as of any date), identical values change nothing.
 * A file with any rejected row writes nothing, unless the mapping says that rows of districts
 * without an organisation are to be reported and skipped.
 */
import { sql } from 'kysely'
import type { Database, TransactionContext } from '../../db/connect'
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import { formatPeriod, parsePeriod, periodFromDate, periodStartDate } from '../../core/periods/period'
import { implausiblePeriodMessage, implausibleValueMessage } from '../../core/plausibility/plausible-values'
import { systemNow } from '../../core/periods/dates'
import { listIndicators, upsertIndicators } from '../indicators/indicator.repository'
import { loadKeyIndexRows } from '../organisations/organisation.repository'
import { parseImportFile } from './parsing/parse-import-file'
import type { ColumnMapping, ParsedRecord, ParseResult } from './parsing/types'
import { MergerAttribution } from './attribute-merged-districts'
import { KeyResolver } from './resolve-keys'
import { importMessage } from './import-message'
import { message, type Message } from '../../core/messages/text'
import { countDiff, type DiffCounts } from './import-batch.repository'
import {
  fileChecksum,
  recordChanges,
  type FileImportSummary,
  NOTHING_WRITTEN,
  RollbackWithSummary,
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
  /** How the file is parsed: in this thread by default; the server passes its worker pool (parse-pool.ts). */
  parse?: typeof parseImportFile
}

export interface ValueChange {
  organisationId: number
  indicator: string
  period: string
  breakdown: string
  before: number | string | null
  after: number | string
}

export interface ImportSummary extends FileImportSummary {
  format: string
  /** Values in the file (a wide row carries several). The counts of the summary count values. */
  valuesRead: number
  /** Up to 20 examples of what changes (or would change, in a dry run). */
  changes: ValueChange[]
  /** Key-figure values recomputed after the import (set by runImport). */
  keyFigureValuesWritten?: number
}

const MAX_ERRORS = 1000
const CHANGE_SAMPLE = 20

export async function importFile(database: Database, options: ImportFileOptions): Promise<ImportSummary> {
  const checksum = fileChecksum(options.bytes)
  const parse = options.parse ?? parseImportFile
  const parsed = await parse(options.bytes, {
    fileName: options.fileName,
    mapping: options.mapping,
    encoding: options.encoding,
    delimiter: options.delimiter,
    decimal: options.decimal,
    onProgress: options.onProgress ? (done, total) => options.onProgress!('parse', done, total) : undefined,
  })
  return writeInOneTransaction(database, (tx) => writeParsed(tx, parsed, checksum, options))
}

async function writeParsed(
  tx: TransactionContext,
  parsed: ParseResult,
  checksum: string,
  options: ImportFileOptions,
): Promise<ImportSummary> {
  const isDryRun = options.isDryRun ?? false
  await upsertIndicators(tx.db, parsed.indicators)
  const indicators = new Map((await listIndicators(tx.db)).map((i) => [i.code, i]))
  const resolver = new KeyResolver(await loadKeyIndexRows(tx.db))
  const errors: ImportErrorRow[] = [...parsed.errors]
  const isReportingUnmatched = parsed.mapping?.unmatchedKeys === 'report'
  const unmatched = new Map<string, { notice: ImportNotice; keys: Set<string> }>()
  const attribution =
    parsed.mapping?.territorialChanges === 'attribute' ? new MergerAttribution(resolver) : null
  const accepted: Accepted[] = []
  let rejected = parsed.errorCount
  // Files repeat the same few keys and periods many times: resolve each distinct one once.
  const periodCache = new Map<string, { day: string | null; implausible: Message | null }>()
  const now = options.now ?? systemNow()
  const resolutionCache = new Map<string, ReturnType<KeyResolver['resolve']>>()

  for (const record of parsed.records) {
    const problem = (column: string, value: string, text: Message) => {
      rejected++
      if (errors.length < MAX_ERRORS) errors.push({ row: record.row, column, value, ...importMessage(text) })
    }
    const indicator = indicators.get(record.indicator)
    if (!indicator) {
      problem(
        record.indicatorColumn ?? record.valueColumn,
        record.indicator,
        message('import.unknownIndicator', { code: record.indicator }),
      )
      continue
    }
    const periodKey = `${indicator.id}|${record.period}`
    let checked = periodCache.get(periodKey)
    if (checked === undefined) {
      const period = parsePeriod(record.period)
      const isRightKind = period !== undefined && period.frequency === indicator.frequency
      checked = {
        day: isRightKind ? periodStartDate(period) : null,
        implausible: isRightKind ? implausiblePeriodMessage(indicator, period, now) : null,
      }
      periodCache.set(periodKey, checked)
    }
    const day = checked.day
    if (day === null) {
      const code = indicator.code
      problem(
        'period',
        record.period,
        indicator.frequency === 'monthly'
          ? message('import.wrongFrequencyMonthly', { code })
          : message('import.wrongFrequencyYearly', { code }),
      )
      continue
    }
    if (checked.implausible !== null) {
      problem('period', record.period, checked.implausible)
      continue
    }
    const implausible = record.value === null ? null : implausibleValueMessage(indicator, record.value)
    if (implausible !== null) {
      problem(record.valueColumn, String(record.value), implausible)
      continue
    }
    if (!indicator.breakdowns.includes(record.breakdown)) {
      problem(
        'breakdown',
        record.breakdown,
        message('import.unknownBreakdown', {
          code: indicator.code,
          breakdowns: indicator.breakdowns.join(', '),
        }),
      )
      continue
    }
    const resolutionKey = `${record.keyType}|${record.orgKey}|${day}`
    let resolution = resolutionCache.get(resolutionKey)
    if (!resolution) {
      resolution = resolver.resolve(record.orgKey, record.keyType, day)
      resolutionCache.set(resolutionKey, resolution)
    }
    const only = options.onlyOrganisation
    // An uploader for one organisation learns nothing about other keys: an organisation hidden from
    // them, a district nobody serves and an unknown key all get the same answer.
    if (only && (resolution.kind !== 'organisation' || resolution.organisationId !== only.id)) {
      problem(record.keyColumn, record.orgKey, message('import.otherOrganisation', { name: only.name }))
      continue
    }
    if (resolution.kind === 'invalid') {
      problem(record.keyColumn, record.orgKey, resolution.message)
      continue
    }
    if (attribution?.take({ record, resolution, indicator, day })) continue
    if (resolution.kind !== 'organisation') {
      if (!isReportingUnmatched) {
        if (resolution.kind === 'territorial_change') {
          rejected++
          if (errors.length < MAX_ERRORS)
            errors.push({
              row: record.row,
              column: record.keyColumn,
              value: record.orgKey,
              ...importMessage(resolution.reason),
            })
        } else
          problem(
            record.keyColumn,
            record.orgKey,
            message('import.districtNotServed', { label: resolution.label }),
          )
        continue
      }
      rejected++
      const groupKey = resolution.kind === 'territorial_change' ? `tc:${resolution.key}` : 'none'
      let group = unmatched.get(groupKey)
      if (!group) {
        const notice: ImportNotice =
          resolution.kind === 'territorial_change'
            ? {
                kind: resolution.kind,
                ...importMessage(resolution.reason),
                count: 0,
              }
            : {
                kind: resolution.kind,
                ...importMessage(message('import.districtsNotServed')),
                count: 0,
              }
        group = { notice, keys: new Set<string>() }
        unmatched.set(groupKey, group)
      }
      group.notice.count++
      group.keys.add(resolution.label)
      continue
    }
    accepted.push({ record, organisationId: resolution.organisationId, indicatorId: indicator.id, day })
  }

  const attributed = attribution?.finish()
  if (attributed) {
    accepted.push(...attributed.accepted)
    rejected += attributed.errors.length
    errors.push(...attributed.errors.slice(0, Math.max(0, MAX_ERRORS - errors.length)))
  }
  if (errors.length === 0) {
    // Two rows for the same value can come from different keys of one organisation (e.g. the
    // AGS of a merged district), so duplicates are checked after key resolution.
    for (const duplicate of findDuplicates(accepted)) {
      rejected++
      if (errors.length < MAX_ERRORS) errors.push(duplicate)
    }
  }
  const notices: ImportNotice[] = [
    ...parsed.notices,
    ...(attributed?.notices ?? []),
    ...[...unmatched.values()].map(({ notice, keys }) => ({ ...notice, keys: [...keys].sort() })),
  ]
  const base = {
    fileName: parsed.fileName,
    checksum,
    format: parsed.format,
    rowsRead: parsed.rowsRead,
    valuesRead: parsed.records.length + parsed.errorCount,
    rowsRejected: rejected,
    errors,
    notices,
    isDryRun,
  }
  if (errors.length === 0) await stageRecords(tx, accepted, options.onProgress)
  if (errors.length > 0) {
    // Nothing is written: the transaction is rolled back.
    throw new RollbackWithSummary<ImportSummary>({ ...base, ...NOTHING_WRITTEN, changes: [] })
  }

  const counts = await diffAgainstCurrent(tx)
  const changes = await sampleChanges(tx)
  const batchId = await recordChanges(
    tx,
    { summary: base, parsed, options, now, counts },
    { isDryRun, hasRawValues: true },
    (id) => applyDiff(tx, id, now),
  )
  const summary: ImportSummary = { ...base, ...writtenCounts(counts, batchId, isDryRun), changes }
  if (isDryRun) throw new RollbackWithSummary(summary)
  await options.onCommitted?.(tx, summary)
  return summary
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

interface Accepted {
  record: ParsedRecord
  organisationId: number
  indicatorId: number
  day: string
}

/** Rows that give a value for the same organisation, indicator, period and breakdown. */
function findDuplicates(accepted: Accepted[]): ImportErrorRow[] {
  // A numeric identity per value keeps this at ~0.1 s for a million rows (string keys: ~1 s).
  const breakdownIds = new Map<string, number>()
  const dayIds = new Map<string, number>()
  const firstRow = new Map<number, number>()
  const duplicates: ImportErrorRow[] = []
  for (const a of accepted) {
    let b = breakdownIds.get(a.record.breakdown)
    if (b === undefined) breakdownIds.set(a.record.breakdown, (b = breakdownIds.size))
    let d = dayIds.get(a.day)
    if (d === undefined) dayIds.set(a.day, (d = dayIds.size))
    const identity = ((a.organisationId * 4096 + a.indicatorId) * 65536 + d) * 64 + b
    const earlier = firstRow.get(identity)
    if (earlier === undefined) {
      firstRow.set(identity, a.record.row)
      continue
    }
    if (duplicates.length >= MAX_ERRORS) break
    duplicates.push({
      row: a.record.row,
      column: a.record.keyColumn,
      value: a.record.orgKey,
      ...importMessage(
        message('import.duplicateInBatch', {
          earlier,
          indicator: a.record.indicator,
          period: a.record.period,
          breakdown: a.record.breakdown,
        }),
      ),
    })
  }
  return duplicates
}

async function stageRecords(
  tx: TransactionContext,
  accepted: Accepted[],
  onProgress: ImportFileOptions['onProgress'],
): Promise<void> {
  await sql`
    create temp table import_stage (
      organisation_id integer not null,
      indicator_id integer not null,
      period date not null,
      breakdown text not null,
      value double precision,
      missing_reason text,
      status text,
      row_number integer not null
    ) on commit drop
  `.execute(tx.db)
  const chunkSize = 50_000
  function* chunks() {
    for (let start = 0; start < accepted.length; start += chunkSize) {
      const lines: string[] = []
      for (const a of accepted.slice(start, start + chunkSize)) {
        const r = a.record
        lines.push(
          `${a.organisationId},${a.indicatorId},${a.day},${csvField(r.breakdown)},${r.value === null ? '' : String(r.value)},${r.missingReason ?? ''},${r.status ?? ''},${r.row}\n`,
        )
      }
      onProgress?.('write', Math.min(start + chunkSize, accepted.length), accepted.length)
      yield lines.join('')
    }
  }
  await tx.copyCsv(
    'import_stage',
    [
      'organisation_id',
      'indicator_id',
      'period',
      'breakdown',
      'value',
      'missing_reason',
      'status',
      'row_number',
    ],
    chunks(),
  )
}

async function diffAgainstCurrent(tx: TransactionContext): Promise<DiffCounts> {
  await sql`
    create temp table import_diff on commit drop as
    select s.*, o.revision as old_revision, o.value as old_value,
           o.missing_reason as old_missing_reason,
           case
             when o.revision is null then 'new'
             when o.value is not distinct from s.value
              and o.missing_reason is not distinct from s.missing_reason
              and (s.status is null or s.status = o.status) then 'unchanged'
             else 'changed'
           end as change
    from import_stage s
    left join observation o
      on o.is_current
     and o.indicator_id = s.indicator_id
     and o.organisation_id = s.organisation_id
     and o.period = s.period
     and o.breakdown = s.breakdown
  `.execute(tx.db)
  return countDiff(tx.db, 'import_diff')
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
    order by d.change desc, d.row_number
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
