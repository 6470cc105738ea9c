/**
 * The raw values a computation keeps for the next one (kpi_input_kept, migrations 0020 and 0021): an
 * incremental run after a one-month import reads the last year of every series from these short
 * rows and the current values of the pending import batches instead of from all of observation.
 * One row per organisation holds all its series, one a line: `indicator id|days|values|breakdown`,
 * days and values as the loading query aggregates them, the breakdown URI-encoded.
 */
import { sql, type Kysely } from 'kysely'
import type { TransactionContext } from '../../db/connect'
import type { DB } from '../../db/schema'
import {
  aggregateSeries,
  layOutSeries,
  listMonthlyIndicators,
  monthStart,
  parseMonths,
  type LoadedSeries,
  type ParsedSeriesRow,
} from './load-series'

/**
 * The current monthly values of `organisationIds` in fromMonth … toMonth, as `loadMonthlySeries`
 * reads them from observation: the kept rows, where the pending batches wrote a month, take that
 * batch's current value instead. Exact only while the kept rows cover fromMonth on (kpi_run's
 * input_from_month ≤ fromMonth) and every change since their run came with a pending batch.
 */
export async function loadSeriesFromInputs(
  db: Kysely<DB>,
  options: {
    organisationIds: readonly number[]
    fromMonth: number
    toMonth: number
    batchIds: readonly number[]
  },
): Promise<LoadedSeries> {
  const { fromMonth, toMonth } = options
  const codeOf = await listMonthlyIndicators(db)
  const organisationIds = [...options.organisationIds]
  const kept = await sql<{ organisation_id: number; series: string }>`
    select organisation_id, series from kpi_input_kept where organisation_id = any(${organisationIds}::int[])
  `.execute(db)
  // The BRIN index on batch_id (migration 0018) reads only the pages of the pending batches.
  const fresh =
    options.batchIds.length === 0
      ? []
      : await aggregateSeries(
          db,
          sql`(
            select o.organisation_id, o.indicator_id, o.period, o.breakdown, o.value, o.missing_reason
            from observation o
            where o.batch_id = any(${[...options.batchIds]}::int[]) and o.is_current
              and o.indicator_id = any(${[...codeOf.keys()]}::int[])
              and o.organisation_id = any(${organisationIds}::int[])
              and o.period >= ${monthStart(fromMonth)}::date and o.period <= ${monthStart(toMonth)}::date
          )`,
        )
  const freshByKey = new Map(fresh.map((f) => [keyOf(f.row), f]))
  const rows: ParsedSeriesRow[] = []
  for (const row of splitKept(kept.rows, codeOf)) {
    const months = parseMonths(row.days)
    const key = keyOf(row)
    const update = freshByKey.get(key)
    freshByKey.delete(key)
    const merged = update ? mergeEntries({ row, months }, update) : { row, months }
    // Like the query: no row for a series without a month in the range (a kept row's older months).
    if (merged.months.some((m) => m >= fromMonth && m <= toMonth)) rows.push(merged)
  }
  rows.push(...freshByKey.values())
  return layOutSeries(rows, codeOf, { fromMonth, toMonth })
}

/** The series lines of kept rows as the loading query's rows; indicators no longer monthly are left out. */
function* splitKept(
  rows: readonly { organisation_id: number; series: string }[],
  codeOf: ReadonlyMap<number, string>,
): Generator<ParsedSeriesRow['row']> {
  const breakdowns = new Map<string, string>()
  for (const { organisation_id, series } of rows) {
    let start = 0
    while (start < series.length) {
      let end = series.indexOf('\n', start)
      if (end < 0) end = series.length
      const a = series.indexOf('|', start)
      const b = series.indexOf('|', a + 1)
      const c = series.indexOf('|', b + 1)
      const indicatorId = Number(series.slice(start, a))
      const encoded = series.slice(c + 1, end)
      let breakdown = breakdowns.get(encoded)
      if (breakdown === undefined) breakdowns.set(encoded, (breakdown = decodeURIComponent(encoded)))
      if (codeOf.has(indicatorId))
        yield {
          organisation_id,
          indicator_id: indicatorId,
          breakdown,
          days: series.slice(a + 1, b),
          values: series.slice(b + 1, c),
        }
      start = end + 1
    }
  }
}

/**
 * Replaces the kept rows of `organisationIds` (all organisations: undefined) by `rows`: the months
 * from `fromMonth` on (and at most a year before it). One row per organisation: a new month rewrites
 * as many rows as organisations, not one per series.
 */
export async function keepSeriesInputs(
  tx: TransactionContext,
  options: { rows: readonly ParsedSeriesRow[]; fromMonth: number; organisationIds?: readonly number[] },
): Promise<void> {
  if (options.organisationIds)
    await sql`
      delete from kpi_input_kept where organisation_id = any(${[...options.organisationIds]}::int[])
    `.execute(tx.db)
  else await sql`truncate kpi_input_kept`.execute(tx.db)
  await tx.copyCsv(
    'kpi_input_kept',
    ['organisation_id', 'series'],
    csvChunks(options.rows, options.fromMonth),
  )
}

function* csvChunks(rows: readonly ParsedSeriesRow[], fromMonth: number): Generator<string> {
  const lines = new Map<number, string[]>()
  const encoded = new Map<string, string>()
  for (const { row, months } of rows) {
    // Older months may stay (readers ignore them) until a year of them has gathered.
    const isLong = months.length > 12 && months.some((m) => m < fromMonth - 12)
    const kept = isLong ? selectEntries(row, months, (m) => m >= fromMonth) : row
    if (!kept) continue
    let breakdown = encoded.get(row.breakdown)
    if (breakdown === undefined) encoded.set(row.breakdown, (breakdown = encodeURIComponent(row.breakdown)))
    let own = lines.get(row.organisation_id)
    if (!own) lines.set(row.organisation_id, (own = []))
    own.push(`${row.indicator_id}|${kept.days}|${kept.values}|${breakdown}`)
  }
  let chunk: string[] = []
  for (const [organisationId, own] of lines) {
    // Days, values and encoded breakdowns hold no quotes; the newlines are inside quotes.
    chunk.push(`${organisationId},"${own.join('\n')}"\n`)
    if (chunk.length >= 100) {
      yield chunk.join('')
      chunk = []
    }
  }
  if (chunk.length > 0) yield chunk.join('')
}

/**
 * The entries of `kept` with those of `update` in place of the same months. A new month only
 * appends; a revision drops the months it replaces.
 */
function mergeEntries(kept: ParsedSeriesRow, update: ParsedSeriesRow): ParsedSeriesRow {
  const isRevision = update.months.some((m) => kept.months.includes(m))
  const old = isRevision
    ? selectEntries(kept.row, kept.months, (m) => !update.months.includes(m))
    : { days: kept.row.days, values: kept.row.values }
  if (!old) return update
  const months = new Int32Array(kept.months.length + update.months.length)
  let k = 0
  for (let i = 0; i < kept.months.length; i++)
    if (!isRevision || !update.months.includes(kept.months[i]!)) months[k++] = kept.months[i]!
  months.set(update.months, k)
  return {
    row: {
      ...kept.row,
      days: `${old.days},${update.row.days}`,
      values: `${old.values},${update.row.values}`,
    },
    months: months.subarray(0, k + update.months.length),
  }
}

function keyOf(row: { organisation_id: number; indicator_id: number; breakdown: string }): string {
  return `${row.organisation_id}|${row.indicator_id}|${row.breakdown}`
}

/** The entries of a row (aligned comma-separated days and values) whose month passes `keep`. */
function selectEntries(
  row: { days: string; values: string },
  months: Int32Array,
  keep: (month: number) => boolean,
): { days: string; values: string } | undefined {
  const days: string[] = []
  const values: string[] = []
  let d = 0
  let v = 0
  for (let k = 0; k < months.length; k++) {
    let dEnd = row.days.indexOf(',', d)
    if (dEnd < 0) dEnd = row.days.length
    let vEnd = row.values.indexOf(',', v)
    if (vEnd < 0) vEnd = row.values.length
    if (keep(months[k]!)) {
      days.push(row.days.slice(d, dEnd))
      values.push(row.values.slice(v, vEnd))
    }
    d = dEnd + 1
    v = vEnd + 1
  }
  return days.length > 0 ? { days: days.join(','), values: values.join(',') } : undefined
}
