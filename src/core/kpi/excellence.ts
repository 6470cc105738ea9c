import {
  computeChangeToPreviousYear,
  computeGroupStatistics,
  computeQuantile,
  isMissingValue,
} from './group-stats'
import { orientationOf, type Polarity } from './polarity'
import { classifyResidual, type OlsObservation, type ResidualClass } from './ols'

export interface ExcellenceMember {
  orgId: string
  /** Display values by month, aligned across members; the last element is the latest month. NaN = missing. */
  values: ArrayLike<number>
}

export interface LevelLeader {
  orgId: string
  value: number
  rank: number
  n: number
  groupMedian: number
  /** Positive = better than the median. */
  gapToMedian: number
  percentile: number | null
}

export interface ImprovementLeader {
  orgId: string
  value: number
  valuePreviousYear: number
  /** value − valuePreviousYear, in display units (percentage points). */
  change: number
  /** The change signed so that positive = improved (respects polarity). */
  improvement: number
  rank: number
  n: number
  groupMedianImprovement: number
}

export interface ContextLeader {
  orgId: string
  actual: number
  expected: number
  residual: number
  /** The residual signed so that positive = better than expected. */
  favourableResidual: number
  lower: number
  upper: number
  classification: ResidualClass
  rank: number
}

export interface ConsistencyLeader {
  orgId: string
  monthsInTopQuartile: number
  /** Months of the window in which the group had enough values to form quartiles. */
  monthsConsidered: number
  /** Months of the window in which this member's value was missing. */
  monthsMissing: number
  latestValue: number | null
}

export interface ExcellenceResult {
  /** False for context figures: the lists then order by value, they do not praise anybody. */
  isPerformanceRanking: boolean
  latestMonthOffset: number
  byLevel: LevelLeader[]
  byImprovement: ImprovementLeader[]
  beyondContext: ContextLeader[]
  consistency: ConsistencyLeader[]
}

/** Quartiles of fewer values say little; months with fewer present values are not counted. */
const MIN_VALUES_FOR_QUARTILES = 4

/**
 * Who leads one figure in a group, and on what evidence: by level in the latest month, by
 * improvement on the same month a year earlier, by performance beyond context (largest favourable
 * residual of a regression on context variables) and by consistency (in the group's top quartile in
 * at least `minMonths` of the last `window` months). Every item carries the numbers behind it.
 */
export function findExcellence(options: {
  polarity: Polarity
  members: readonly ExcellenceMember[]
  /** Regression observations with id = orgId, e.g. from fitOls for the latest month. */
  regression?: readonly OlsObservation[]
  /** How many leaders to list by level, improvement and context; default 3. */
  top?: number
  consistency?: { window?: number; minMonths?: number }
}): ExcellenceResult {
  const { polarity, members } = options
  const top = options.top ?? 3
  const orientation = orientationOf(polarity)
  const length = members.reduce((max, m) => Math.max(max, m.values.length), 0)
  const latest = length - 1
  const valueAt = (m: ExcellenceMember, i: number) => (i >= 0 && i < m.values.length ? m.values[i]! : NaN)

  const level = computeGroupStatistics({
    polarity,
    values: members.map((m) => ({ orgId: m.orgId, value: valueAt(m, latest) })),
  })
  const byLevel: LevelLeader[] = level.members
    .filter((m) => m.rank <= top)
    .map((m) => ({
      orgId: m.orgId,
      value: m.value,
      rank: m.rank,
      n: level.n,
      groupMedian: level.median!,
      gapToMedian: m.gapToMedian,
      percentile: m.percentile,
    }))

  const changes = members.map((m) => {
    const values = Array.from({ length }, (_, i) => valueAt(m, i))
    const change = computeChangeToPreviousYear(values, latest)
    return { orgId: m.orgId, change, value: valueAt(m, latest), before: valueAt(m, latest - 12) }
  })
  const improvement = computeGroupStatistics({
    polarity: 'higher_is_better',
    values: changes.map((c) => ({
      orgId: c.orgId,
      value: c.change === null ? null : orientation * c.change,
    })),
  })
  const changeOf = new Map(changes.map((c) => [c.orgId, c]))
  const byImprovement: ImprovementLeader[] = improvement.members
    .filter((m) => m.rank <= top)
    .map((m) => {
      const c = changeOf.get(m.orgId)!
      return {
        orgId: m.orgId,
        value: c.value,
        valuePreviousYear: c.before,
        change: c.change!,
        improvement: m.value,
        rank: m.rank,
        n: improvement.n,
        groupMedianImprovement: improvement.median!,
      }
    })

  const beyondContext: ContextLeader[] = (options.regression ?? [])
    .map((o) => ({
      orgId: o.id,
      actual: o.actual,
      expected: o.fitted,
      residual: o.residual,
      favourableResidual: orientation * o.residual,
      lower: o.lower,
      upper: o.upper,
      classification: classifyResidual({ actual: o.actual, lower: o.lower, upper: o.upper, polarity }),
      rank: 0,
    }))
    .filter((c) => c.favourableResidual > 0)
    .sort((a, b) => b.favourableResidual - a.favourableResidual)
    .slice(0, top)
    .map((c, i) => ({ ...c, rank: i + 1 }))

  return {
    isPerformanceRanking: polarity !== 'context',
    latestMonthOffset: latest,
    byLevel,
    byImprovement,
    beyondContext,
    consistency: findConsistentMembers({ members, polarity, length, valueAt, ...options.consistency }),
  }
}

function findConsistentMembers(options: {
  members: readonly ExcellenceMember[]
  polarity: Polarity
  length: number
  valueAt: (m: ExcellenceMember, i: number) => number
  window?: number
  minMonths?: number
}): ConsistencyLeader[] {
  const { members, polarity, length, valueAt } = options
  const window = options.window ?? 12
  const minMonths = options.minMonths ?? 9
  const orientation = orientationOf(polarity)
  const counts = new Map(members.map((m) => [m.orgId, { inTop: 0, missing: 0 }]))
  let considered = 0
  for (let i = Math.max(0, length - window); i < length; i++) {
    const present = members.map((m) => valueAt(m, i)).filter((v) => !isMissingValue(v))
    for (const m of members) if (isMissingValue(valueAt(m, i))) counts.get(m.orgId)!.missing++
    if (present.length < MIN_VALUES_FOR_QUARTILES) continue
    considered++
    const sorted = Float64Array.from(present).sort()
    // The best quarter: at or above Q3 when higher is better, at or below Q1 when lower is.
    const threshold = computeQuantile(sorted, orientation === 1 ? 0.75 : 0.25)
    for (const m of members) {
      const v = valueAt(m, i)
      if (!isMissingValue(v) && orientation * v >= orientation * threshold) counts.get(m.orgId)!.inTop++
    }
  }
  return members
    .map((m) => {
      const c = counts.get(m.orgId)!
      const latestValue = valueAt(m, length - 1)
      return {
        orgId: m.orgId,
        monthsInTopQuartile: c.inTop,
        monthsConsidered: considered,
        monthsMissing: c.missing,
        latestValue: isMissingValue(latestValue) ? null : latestValue,
      }
    })
    .filter((c) => c.monthsInTopQuartile >= minMonths)
    .sort((a, b) => b.monthsInTopQuartile - a.monthsInTopQuartile || (a.orgId < b.orgId ? -1 : 1))
}
