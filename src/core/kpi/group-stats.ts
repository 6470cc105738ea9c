import { orientationOf, type Polarity } from './polarity'

export interface GroupMemberValue {
  orgId: string
  /** null, undefined or NaN = missing; missing values are listed, never treated as 0. */
  value: number | null | undefined
  /** Why the value is missing (e.g. 'suppressed'); default 'not_delivered'. */
  reason?: string
}

export interface GroupMemberStatistics {
  orgId: string
  value: number
  /** 1 = best; ties share the lowest rank ("1224" competition ranking). */
  rank: number
  /** Share of the other members (n − 1) this one is strictly better than, in percent; null if n < 2. */
  percentile: number | null
  /** (value − mean) / sample sd, in the direction of the values (not of polarity); null if n < 2 or sd = 0. */
  zScore: number | null
  /** Distance to the group's best value, positive = better (so ≤ 0 for everybody, 0 for the best). */
  gapToBest: number
  /** Distance to the group median, positive = better than the median. */
  gapToMedian: number
}

export interface GroupStatistics {
  polarity: Polarity
  /** False for context figures: their order is by value (descending), not a judgement. */
  isPerformanceRanking: boolean
  n: number
  missing: { orgId: string; reason: string }[]
  mean: number | null
  median: number | null
  /** Quartiles by linear interpolation between order statistics (numpy's default, Excel QUARTILE.INC). */
  q1: number | null
  q3: number | null
  min: number | null
  max: number | null
  /** Sample standard deviation (n − 1); null if n < 2. */
  standardDeviation: number | null
  best: number | null
  /** Sorted by rank, then orgId. */
  members: GroupMemberStatistics[]
}

export function isMissingValue(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value)
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending sorted values by linear interpolation: h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). This is numpy.percentile's default ("linear") and
 * Excel's QUARTILE.INC / PERCENTILE.INC.
 */
export function computeQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const h = (n - 1) * p
  const lower = Math.floor(h)
  const upper = Math.min(lower + 1, n - 1)
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!)
}

/** Descriptive statistics, ranks, percentiles, z-scores and gaps for one figure in one group. */
export function computeGroupStatistics(options: {
  values: readonly GroupMemberValue[]
  polarity: Polarity
}): GroupStatistics {
  const { values, polarity } = options
  const orientation = orientationOf(polarity)
  const present: { orgId: string; value: number }[] = []
  const missing: { orgId: string; reason: string }[] = []
  for (const v of values) {
    if (isMissingValue(v.value)) missing.push({ orgId: v.orgId, reason: v.reason ?? 'not_delivered' })
    else present.push({ orgId: v.orgId, value: v.value })
  }
  const n = present.length
  const base: GroupStatistics = {
    polarity,
    isPerformanceRanking: polarity !== 'context',
    n,
    missing,
    mean: null,
    median: null,
    q1: null,
    q3: null,
    min: null,
    max: null,
    standardDeviation: null,
    best: null,
    members: [],
  }
  if (n === 0) return base
  const sorted = Float64Array.from(present, (p) => p.value).sort()
  const mean = sorted.reduce((s, x) => s + x, 0) / n
  // Two-pass variance: subtracting the mean first avoids cancellation for large values.
  const sd = n >= 2 ? Math.sqrt(sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null
  const median = computeQuantile(sorted, 0.5)
  const best = orientation === 1 ? sorted[n - 1]! : sorted[0]!
  // "Better than" = orientation · value larger; sorting by that puts the best first.
  const byMerit = [...present].sort(
    (a, b) => orientation * (b.value - a.value) || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0),
  )
  const members: GroupMemberStatistics[] = []
  let rank = 1
  for (let i = 0; i < byMerit.length; i++) {
    const { orgId, value } = byMerit[i]!
    if (i > 0 && byMerit[i - 1]!.value !== value) rank = i + 1
    // Members after all ties of this value are the ones it beats strictly.
    let tiesAfter = 0
    while (i + 1 + tiesAfter < n && byMerit[i + 1 + tiesAfter]!.value === value) tiesAfter++
    const beaten = n - (i + 1 + tiesAfter)
    members.push({
      orgId,
      value,
      rank,
      percentile: n >= 2 ? (beaten / (n - 1)) * 100 : null,
      zScore: sd !== null && sd > 0 ? (value - mean) / sd : null,
      gapToBest: orientation * (value - best),
      gapToMedian: orientation * (value - median),
    })
  }
  return {
    ...base,
    mean,
    median,
    q1: computeQuantile(sorted, 0.25),
    q3: computeQuantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    standardDeviation: sd,
    best,
    members,
  }
}

/**
 * OLS slope of the last `months` values against their month number, in value units per month.
 * Needs every one of those months unless `minMonths` allows gaps; null otherwise.
 */
export function computeTrend12(
  values: ArrayLike<number>,
  options: { months?: number; minMonths?: number } = {},
): { slope: number; months: number } | null {
  const window = options.months ?? 12
  const minMonths = Math.max(2, options.minMonths ?? window)
  const from = values.length - window
  if (from < 0) return null
  let count = 0
  let sumX = 0
  let sumY = 0
  for (let i = from; i < values.length; i++) {
    if (isMissingValue(values[i])) continue
    count++
    sumX += i
    sumY += values[i]!
  }
  if (count < minMonths) return null
  const meanX = sumX / count
  const meanY = sumY / count
  let sxy = 0
  let sxx = 0
  for (let i = from; i < values.length; i++) {
    if (isMissingValue(values[i])) continue
    sxy += (i - meanX) * (values[i]! - meanY)
    sxx += (i - meanX) ** 2
  }
  return { slope: sxy / sxx, months: count }
}

/** value(at) − value(at − 12) in the figure's display units (percentage points); null if either is missing. */
export function computeChangeToPreviousYear(
  values: ArrayLike<number>,
  at = values.length - 1,
): number | null {
  if (at < 12 || at >= values.length) return null
  const now = values[at]!
  const before = values[at - 12]!
  return isMissingValue(now) || isMissingValue(before) ? null : now - before
}
