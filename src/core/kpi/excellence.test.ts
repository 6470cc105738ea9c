import { describe, expect, it } from 'vitest'
import { findExcellence } from './excellence'
import type { OlsObservation } from './ols'

// 13 months (offsets 0…12) so that the latest month has a previous-year month.
function flat(value: number, overrides: Record<number, number> = {}): number[] {
  return Array.from({ length: 13 }, (_, i) => overrides[i] ?? value)
}

describe('findExcellence', () => {
  const members = [
    { orgId: 'a', values: flat(20, { 0: 15 }) }, // +5 on the year
    { orgId: 'b', values: flat(25, { 0: 25 }) }, // ±0
    { orgId: 'c', values: flat(22, { 0: 24, 3: 30, 4: 30, 5: 30 }) }, // −2
    { orgId: 'd', values: flat(18, { 0: 10 }) }, // +8
    { orgId: 'e', values: flat(30, { 12: NaN }) }, // latest missing
  ]

  it('finds leaders by level, improvement and consistency (higher is better)', () => {
    const r = findExcellence({ polarity: 'higher_is_better', members, top: 2 })
    expect(r.isPerformanceRanking).toBe(true)
    expect(r.latestMonthOffset).toBe(12)
    // latest: a 20, b 25, c 22, d 18 → sorted 18 20 22 25, median 21
    expect(r.byLevel).toEqual([
      { orgId: 'b', value: 25, rank: 1, n: 4, groupMedian: 21, gapToMedian: 4, percentile: 100 },
      { orgId: 'c', value: 22, rank: 2, n: 4, groupMedian: 21, gapToMedian: 1, percentile: (2 / 3) * 100 },
    ])
    // improvements: d +8, a +5, b 0, c −2 → median (0 + 5) / 2 = 2.5
    expect(r.byImprovement).toEqual([
      {
        orgId: 'd',
        value: 18,
        valuePreviousYear: 10,
        change: 8,
        improvement: 8,
        rank: 1,
        n: 4,
        groupMedianImprovement: 2.5,
      },
      {
        orgId: 'a',
        value: 20,
        valuePreviousYear: 15,
        change: 5,
        improvement: 5,
        rank: 2,
        n: 4,
        groupMedianImprovement: 2.5,
      },
    ])
    // Window = offsets 1…12. Months 1, 2, 6…11: values 20 25 22 18 30 → Q3 (h = 3) = 25 → b and e;
    // months 3…5: c = 30, e = 30 → sorted 18 20 25 30 30, Q3 = 30 → c and e (b not);
    // month 12: e missing → 18 20 22 25, Q3 (h = 2.25) = 22.75 → b only.
    // b: 8 + 1 = 9 months; e: 11 months; c: 3 months.
    expect(r.consistency).toEqual([
      { orgId: 'e', monthsInTopQuartile: 11, monthsConsidered: 12, monthsMissing: 1, latestValue: null },
      { orgId: 'b', monthsInTopQuartile: 9, monthsConsidered: 12, monthsMissing: 0, latestValue: 25 },
    ])
  })

  it('respects lower-is-better polarity', () => {
    const r = findExcellence({ polarity: 'lower_is_better', members, top: 1 })
    expect(r.byLevel.map((l) => [l.orgId, l.gapToMedian])).toEqual([['d', 3]]) // 21 − 18
    // improvement = −change: c (−2 → +2) is best
    expect(r.byImprovement.map((l) => [l.orgId, l.improvement])).toEqual([['c', 2]])
  })

  it('lists performance beyond context from regression residuals', () => {
    const regression: OlsObservation[] = [
      { id: 'a', actual: 20, fitted: 17, residual: 3, leverage: 0.2, lower: 15, upper: 19 },
      { id: 'b', actual: 25, fitted: 24, residual: 1, leverage: 0.2, lower: 21, upper: 27 },
      { id: 'c', actual: 22, fitted: 26, residual: -4, leverage: 0.2, lower: 23, upper: 29 },
    ]
    const higher = findExcellence({ polarity: 'higher_is_better', members, regression })
    expect(
      higher.beyondContext.map((c) => [c.orgId, c.favourableResidual, c.classification, c.rank]),
    ).toEqual([
      ['a', 3, 'better_than_expected', 1],
      ['b', 1, 'as_expected', 2],
    ])
    const lower = findExcellence({ polarity: 'lower_is_better', members, regression })
    expect(lower.beyondContext.map((c) => [c.orgId, c.favourableResidual, c.classification])).toEqual([
      ['c', 4, 'better_than_expected'],
    ])
  })

  it('flags context figures as not a performance ranking', () => {
    expect(findExcellence({ polarity: 'context', members }).isPerformanceRanking).toBe(false)
  })
})
