import { sql, type Kysely } from 'kysely'
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
}

interface SeriesRow {
  organisation_id: number
  code: string
  breakdown: string
  months: number[]
  values: (number | null)[]
  reason_months: number[] | null
  reasons: DataMissingReason[] | null
}

/**
 * Reads every monthly raw series as one array per (organisation, indicator, breakdown), set-based
 * in one query (array_agg ordered by period), and lays them out as the evaluator's Float64Arrays
 * on a common month axis. Months without a row stay NaN (not delivered); suppressed and
 * not-applicable months keep their reason.
 */
export async function loadMonthlySeries(
  db: Kysely<DB>,
  options: LoadSeriesOptions = {},
): Promise<LoadedSeries> {
  const { organisationIds, fromMonth, toMonth, asOf } = options
  const monthOf = sql<number>`(extract(year from o.period)::int * 12 + extract(month from o.period)::int - 1)`
  const periodFilter = sql`
    ${fromMonth !== undefined ? sql`and o.period >= ${monthStart(fromMonth)}::date` : sql``}
    ${toMonth !== undefined ? sql`and o.period <= ${monthStart(toMonth)}::date` : sql``}
    ${organisationIds ? sql`and o.organisation_id = any(${[...organisationIds]}::int[])` : sql``}
  `
  // As of an instant: the latest revision recorded by then, found without touching is_current.
  const source = asOf
    ? sql`(
        select distinct on (o.organisation_id, o.indicator_id, o.period, o.breakdown)
          o.organisation_id, o.indicator_id, o.period, o.breakdown, o.value, o.missing_reason
        from observation o
        join indicator i on i.id = o.indicator_id and i.frequency = 'monthly'
        where o.recorded_at <= ${asOf} ${periodFilter}
        order by o.organisation_id, o.indicator_id, o.period, o.breakdown, o.revision desc
      )`
    : sql`(
        select o.organisation_id, o.indicator_id, o.period, o.breakdown, o.value, o.missing_reason
        from observation o
        join indicator i on i.id = o.indicator_id and i.frequency = 'monthly'
        where o.is_current ${periodFilter}
      )`
  const result = await sql<SeriesRow>`
    select o.organisation_id, i.code, o.breakdown,
      array_agg(${monthOf} order by o.period) as months,
      array_agg(o.value order by o.period) as values,
      array_agg(${monthOf} order by o.period) filter (where o.missing_reason in ('suppressed', 'not_applicable')) as reason_months,
      array_agg(o.missing_reason order by o.period) filter (where o.missing_reason in ('suppressed', 'not_applicable')) as reasons
    from ${source} o
    join indicator i on i.id = o.indicator_id
    group by o.organisation_id, i.code, o.breakdown
  `.execute(db)
  const rows = result.rows
  let first = Infinity
  let last = -Infinity
  for (const r of rows) {
    first = Math.min(first, r.months[0]!)
    last = Math.max(last, r.months[r.months.length - 1]!)
  }
  if (fromMonth !== undefined) first = fromMonth
  if (toMonth !== undefined) last = toMonth
  if (rows.length === 0 && (fromMonth === undefined || toMonth === undefined))
    return { startMonth: undefined, months: 0, series: new Map() }
  const months = last - first + 1
  const series = new Map<number, Map<string, Map<string, MonthlySeries>>>()
  for (const r of rows) {
    let byBreakdown = series.get(r.organisation_id)
    if (!byBreakdown) series.set(r.organisation_id, (byBreakdown = new Map()))
    let byIndicator = byBreakdown.get(r.breakdown)
    if (!byIndicator) byBreakdown.set(r.breakdown, (byIndicator = new Map()))
    const values = new Float64Array(months).fill(NaN)
    for (let k = 0; k < r.months.length; k++) {
      const v = r.values[k]
      if (v !== null && v !== undefined) values[r.months[k]! - first] = v
    }
    let reasons: (DataMissingReason | undefined)[] | undefined
    if (r.reasons && r.reason_months) {
      reasons = new Array<DataMissingReason | undefined>(months)
      for (let k = 0; k < r.reasons.length; k++) reasons[r.reason_months[k]! - first] = r.reasons[k]
    }
    byIndicator.set(r.code, reasons ? { values, reasons } : { values })
  }
  return { startMonth: first, months, series }
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
