/** Shapes observation lists for display: latest values, year-on-year changes, periods as columns. */
import type { ObservationListDto } from '../../../src/contracts/observations'
import { formatPeriod, periodFromDate } from '../../../src/core/periods/period'

export type Observation = ObservationListDto['observations'][number]

/** The same period one year earlier: "2026-03" → "2025-03", "2024" → "2023". */
export function previousYearPeriod(period: string): string {
  const year = Number(period.slice(0, 4)) - 1
  return `${year}${period.slice(4)}`
}

export interface LatestValue {
  period: string
  value: number
  /** The value of the same period a year before, if known. */
  previous: number | null
  /** Relative change to `previous` in percent; null without a comparable value. */
  changePercent: number | null
  isRevised: boolean
  status: Observation['status']
}

/** The latest period with a value for the breakdown, and its change to the same period a year before. */
export function latestWithChange(
  observations: readonly Observation[],
  breakdown = 'total',
): LatestValue | null {
  const byPeriod = new Map<string, Observation>()
  for (const o of observations) if (o.breakdown === breakdown && o.value !== null) byPeriod.set(o.period, o)
  const periods = [...byPeriod.keys()].sort()
  const last = periods.at(-1)
  if (last === undefined) return null
  const current = byPeriod.get(last)!
  const before = byPeriod.get(previousYearPeriod(last))?.value ?? null
  return {
    period: last,
    value: current.value!,
    previous: before,
    changePercent:
      before !== null && before !== 0 ? ((current.value! - before) / Math.abs(before)) * 100 : null,
    isRevised: current.revisions > 1,
    status: current.status,
  }
}

export interface PeriodTable {
  periods: string[]
  breakdowns: string[]
  /** value by breakdown, then by period */
  values: Map<string, Map<string, Observation>>
}

export function pivotObservations(observations: readonly Observation[]): PeriodTable {
  const values = new Map<string, Map<string, Observation>>()
  const periods = new Set<string>()
  for (const o of observations) {
    periods.add(o.period)
    let row = values.get(o.breakdown)
    if (!row) values.set(o.breakdown, (row = new Map()))
    row.set(o.period, o)
  }
  // "total" first, then the rest in a stable order.
  const breakdowns = [...values.keys()].sort((a, b) =>
    a === 'total' ? -1 : b === 'total' ? 1 : a.localeCompare(b),
  )
  return { periods: [...periods].sort(), breakdowns, values }
}

/** The current month as "YYYY-MM" (of the given clock). */
export function currentMonth(now: Date = new Date()): string {
  return formatPeriod(periodFromDate(now, 'monthly'))
}

/**
 * The period a group comparison shows: the latest one for which most members have a value, so one
 * late delivery does not empty the chart.
 */
export function pickComparisonPeriod(
  lists: readonly (readonly Observation[])[],
  breakdown = 'total',
): string | null {
  const counts = new Map<string, number>()
  for (const list of lists) {
    for (const o of list) {
      if (o.breakdown === breakdown && o.value !== null) counts.set(o.period, (counts.get(o.period) ?? 0) + 1)
    }
  }
  let best: string | null = null
  let bestCount = 0
  for (const [period, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && period > best)) {
      best = period
      bestCount = count
    }
  }
  return best
}
