import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DataMissingReason, MonthlySeries, OrganisationSeries } from '../../core/kpi'
import type { DB } from '../../db/schema'

export interface LoadSeriesOptions {
  /** Only these organisations; default every organisation with monthly values. */
  organisationIds?: readonly number[]
  /** First and last month index (year · 12 + month − 1) to load, inclusive; default all. */
  fromMonth?: number
  toMonth?: number
  /** Read the revisions known at this instant instead of the current ones. */
  asOf?: Date
}

export interface LoadedSeries {
  /** Month index of element 0 of every series; undefined when nothing was found. */
  startMonth: number | undefined
  months: number
  series: Map<number, OrganisationSeries>
  /** Every series laid out, with its ids and the months that had a row (a computation keeps them). */
  entries: SeriesEntry[]
}

/** One raw series on the loaded month axis, as kept for the next computation (see series-inputs). */
export interface SeriesEntry {
  organisationId: number
  indicatorId: number
  breakdown: string
  series: MonthlySeries
  /** 1 where the month had a row (a value, a reason or an empty delivery), else 0. */
  hasRow: Uint8Array
}

export interface ParsedSeriesRow {
  row: SeriesRow
  months: Int32Array
}

export interface SeriesRow {
  organisation_id: number
  indicator_id: number
  breakdown: string
  /** Comma-separated periods as days since 1970-01-01, in no particular order … */
  days: string
  /**
   * … and the value of each, in the same order: a number, '' (not delivered), 's' (suppressed)
   * or 'a' (not applicable).
   */
  values: string
}

/**
 * Reads every monthly raw series as one row per (organisation, indicator, breakdown), set-based in
 * one query, and lays them out as the evaluator's Float64Arrays on a common month axis. Months
 * without a row stay NaN (not delivered); suppressed and not-applicable months keep their reason.
 *
 * Why text and no ORDER BY: node-postgres parses array columns in JavaScript, which took ~5 s for
 * 2.5M values, and an ordered aggregate sorts every group again (PostgreSQL 15). Two
 * comma-separated strings aggregated in scan order, each element with its own period, cost the
 * server one hash aggregation and are parsed here in a single pass.
 */
export async function loadMonthlySeries(
  db: Kysely<DB>,
  options: LoadSeriesOptions = {},
): Promise<LoadedSeries> {
  const { organisationIds, fromMonth, toMonth, asOf } = options
  const periodFilter = sql`
    ${fromMonth !== undefined ? sql`and o.period >= ${monthStart(fromMonth)}::date` : sql``}
    ${toMonth !== undefined ? sql`and o.period <= ${monthStart(toMonth)}::date` : sql``}
    ${organisationIds ? sql`and o.organisation_id = any(${[...organisationIds]}::int[])` : sql``}
  `
  // The monthly indicators as a literal list rather than a join: the planner then scans
  // observation sequentially with a hashed id test instead of one index scan per indicator.
  const codeOf = await listMonthlyIndicators(db)
  const ids = [...codeOf.keys()]
  // As of an instant: the latest revision recorded by then, found without touching is_current.
  const source = asOf
    ? sql`(
        select distinct on (o.organisation_id, o.indicator_id, o.period, o.breakdown)
          o.organisation_id, o.indicator_id, o.period, o.breakdown, o.value, o.missing_reason
        from observation o
        where o.indicator_id = any(${ids}::int[]) and o.recorded_at <= ${asOf} ${periodFilter}
        order by o.organisation_id, o.indicator_id, o.period, o.breakdown, o.revision desc
      )`
    : sql`(
        select o.organisation_id, o.indicator_id, o.period, o.breakdown, o.value, o.missing_reason
        from observation o
        where o.is_current and o.indicator_id = any(${ids}::int[]) ${periodFilter}
      )`
  const rows = await aggregateSeries(db, source)
  return layOutSeries(rows, codeOf, { fromMonth, toMonth })
}

/** The monthly indicators' codes by id. */
export async function listMonthlyIndicators(db: Kysely<DB>): Promise<Map<number, string>> {
  const indicators = await sql<{ id: number; code: string }>`
    select id, code from indicator where frequency = 'monthly'
  `.execute(db)
  return new Map(indicators.rows.map((i) => [i.id, i.code]))
}

/** One row per series of `source` (observation rows) with its days and values as text; see above. */
export async function aggregateSeries(
  db: Kysely<DB>,
  source: RawBuilder<unknown>,
): Promise<ParsedSeriesRow[]> {
  const result = await sql<SeriesRow>`
    select o.organisation_id, o.indicator_id, o.breakdown,
      string_agg((o.period - date '1970-01-01')::text, ',') as days,
      string_agg(coalesce(o.value::text, case o.missing_reason
        when 'suppressed' then 's' when 'not_applicable' then 'a' else '' end), ',') as values
    from ${source} o
    group by o.organisation_id, o.indicator_id, o.breakdown
  `.execute(db)
  return result.rows.map((r) => ({ row: r, months: parseMonths(r.days) }))
}

/**
 * Lays rows out as the evaluator's Float64Arrays on a common month axis (from `fromMonth` to
 * `toMonth` when given, else the months found).
 */
export function layOutSeries(
  rows: ParsedSeriesRow[],
  codeOf: ReadonlyMap<number, string>,
  options: { fromMonth?: number; toMonth?: number },
): LoadedSeries {
  const { fromMonth, toMonth } = options
  let first = Infinity
  let last = -Infinity
  for (const { months } of rows)
    for (let k = 0; k < months.length; k++) {
      const m = months[k]!
      if (m < first) first = m
      if (m > last) last = m
    }
  if (fromMonth !== undefined) first = fromMonth
  if (toMonth !== undefined) last = toMonth
  if (rows.length === 0 && (fromMonth === undefined || toMonth === undefined))
    return { startMonth: undefined, months: 0, series: new Map(), entries: [] }
  const months = last - first + 1
  const entries: SeriesEntry[] = []
  for (const { row: r, months: at } of rows) {
    const values = new Float64Array(months).fill(NaN)
    const hasRow = new Uint8Array(months)
    const reasons = parseValues(r.values, at, first, { values, hasRow })
    entries.push({
      organisationId: r.organisation_id,
      indicatorId: r.indicator_id,
      breakdown: r.breakdown,
      series: reasons ? { values, reasons } : { values },
      hasRow,
    })
  }
  return { startMonth: first, months, series: groupSeries(entries, codeOf), entries }
}

/** The evaluator's map: organisation → breakdown → indicator code → series. */
export function groupSeries(
  entries: readonly SeriesEntry[],
  codeOf: ReadonlyMap<number, string>,
): Map<number, OrganisationSeries> {
  const series = new Map<number, Map<string, Map<string, MonthlySeries>>>()
  for (const e of entries) {
    let byBreakdown = series.get(e.organisationId)
    if (!byBreakdown) series.set(e.organisationId, (byBreakdown = new Map()))
    let byIndicator = byBreakdown.get(e.breakdown)
    if (!byIndicator) byBreakdown.set(e.breakdown, (byIndicator = new Map()))
    byIndicator.set(codeOf.get(e.indicatorId)!, e.series)
  }
  return series
}

const DAY_MS = 86_400_000
/** Month index by days since 1970-01-01: a series repeats the same ~150 periods. */
const monthOfDay = new Map<number, number>()

/** Month index of a first day of a month given as days since 1970-01-01. */
export function monthOfDays(d: number): number {
  let m = monthOfDay.get(d)
  if (m === undefined) {
    const date = new Date(d * DAY_MS)
    m = date.getUTCFullYear() * 12 + date.getUTCMonth()
    monthOfDay.set(d, m)
  }
  return m
}

/** Month indexes of a comma-separated list of days since 1970-01-01 (first days of months). */
export function parseMonths(text: string): Int32Array {
  let count = 1
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++
  const months = new Int32Array(count)
  let k = 0
  let day = 0
  let sign = 1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44
    if (c === 44) {
      months[k++] = monthOfDays(sign * day)
      day = 0
      sign = 1
    } else if (c === 45) sign = -1
    else day = day * 10 + (c - 48)
  }
  return months
}

/** Exact powers of ten: a decimal with ≤ 15 digits is (digits / 10^k), correctly rounded. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * Writes the comma-separated values into `values` at `months[k] − first` (marking `hasRow`) and
 * returns the reasons of suppressed and not-applicable months, if any. Plain decimals (what float8
 * prints for counts and most rates) take a fast path; exponents, Infinity or long mantissas go
 * through Number.
 */
function parseValues(
  text: string,
  months: Int32Array,
  first: number,
  into: { values: Float64Array; hasRow: Uint8Array },
): (DataMissingReason | undefined)[] | undefined {
  const { values, hasRow } = into
  let reasons: (DataMissingReason | undefined)[] | undefined
  let k = 0
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 44) continue
    const at = months[k++]! - first
    if (at >= 0 && at < values.length) {
      hasRow[at] = 1
      if (i > start) {
        const c = text.charCodeAt(start)
        if (c === 115 || c === 97) {
          reasons ??= new Array<DataMissingReason | undefined>(values.length)
          reasons[at] = c === 115 ? 'suppressed' : 'not_applicable'
        } else values[at] = parseNumber(text, start, i)
      }
    }
    start = i + 1
  }
  return reasons
}

export function parseNumber(text: string, start: number, end: number): number {
  let i = start
  const isNegative = text.charCodeAt(i) === 45
  if (isNegative) i++
  let mantissa = 0
  let digits = 0
  let decimals = -1
  for (; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 46 && decimals < 0) decimals = 0
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48)
      digits++
      if (decimals >= 0) decimals++
    } else return Number(text.slice(start, end))
  }
  if (digits === 0 || digits > 15) return Number(text.slice(start, end))
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa
  return isNegative ? -value : value
}

/**
 * Lets the loading query of a computation aggregate in memory for the rest of the transaction:
 * with the default 4 MB, PostgreSQL spills the per-series strings (~40 MB for 400 organisations
 * over 12 years) to disk in several batches, which cost ~1 s.
 */
export async function allowLargeAggregation(db: Kysely<DB>): Promise<void> {
  await sql`set local work_mem = '256MB'`.execute(db)
}

/** "2021-05-01" for a month index. */
export function monthStart(index: number): string {
  const year = Math.floor(index / 12)
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** Month index of "2021-05" or "2021-05-01". */
export function monthIndexOf(text: string): number {
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1
}

/** The latest month with a monthly value recorded at or before `asOf`. */
export async function findLatestObservedMonth(db: Kysely<DB>, asOf: Date): Promise<number | undefined> {
  const result = await sql<{ m: string | null }>`
    select max(o.period) as m from observation o
    join indicator i on i.id = o.indicator_id and i.frequency = 'monthly'
    where o.recorded_at <= ${asOf}
  `.execute(db)
  const m = result.rows[0]?.m
  return m ? monthIndexOf(m) : undefined
}
