import { describe, expect, it } from 'vitest'
import {
  computeChangeToPreviousYear,
  computeGroupStatistics,
  computeQuantile,
  computeTrend12,
} from './group-stats'

describe('computeQuantile (linear interpolation, numpy default)', () => {
  it('interpolates between order statistics', () => {
    const x = [1, 2, 3, 4]
    // h = 3 · 0.25 = 0.75 → 1 + 0.75 · (2 − 1) = 1.75; median h = 1.5 → 2.5; q3 h = 2.25 → 3.25
    expect(computeQuantile(x, 0.25)).toBe(1.75)
    expect(computeQuantile(x, 0.5)).toBe(2.5)
    expect(computeQuantile(x, 0.75)).toBe(3.25)
    expect(computeQuantile([7], 0.25)).toBe(7)
  })
})

describe('computeGroupStatistics', () => {
  // values: a 20, b 25, c 25, d 30, e 10; f missing
  const values = [
    { orgId: 'a', value: 20 },
    { orgId: 'b', value: 25 },
    { orgId: 'c', value: 25 },
    { orgId: 'd', value: 30 },
    { orgId: 'e', value: 10 },
    { orgId: 'f', value: null, reason: 'suppressed' },
  ]

  it('describes the group without counting missing values as 0', () => {
    const s = computeGroupStatistics({ values, polarity: 'higher_is_better' })
    expect(s.n).toBe(5)
    expect(s.missing).toEqual([{ orgId: 'f', reason: 'suppressed' }])
    // sorted 10 20 25 25 30: mean 110 / 5 = 22; median 25; q1 h = 1 → 20; q3 h = 3 → 25
    expect(s.mean).toBe(22)
    expect(s.median).toBe(25)
    expect(s.q1).toBe(20)
    expect(s.q3).toBe(25)
    expect([s.min, s.max]).toEqual([10, 30])
    // squared deviations 144 + 4 + 9 + 9 + 64 = 230; 230 / 4 = 57.5; sd = √57.5
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(57.5), 14)
  })

  it('ranks by polarity with competition ranking and gaps positive = better', () => {
    const s = computeGroupStatistics({ values, polarity: 'higher_is_better' })
    expect(s.isPerformanceRanking).toBe(true)
    expect(s.members.map((m) => [m.orgId, m.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', 2],
      ['a', 4],
      ['e', 5],
    ])
    const b = s.members.find((m) => m.orgId === 'b')!
    // b beats a and e (not its tie c) out of 4 others → 50 %
    expect(b.percentile).toBe(50)
    expect(b.gapToBest).toBe(-5) // 25 − 30
    expect(b.gapToMedian).toBe(0)
    expect(b.zScore).toBeCloseTo(3 / Math.sqrt(57.5), 14)
    expect(s.members[0]!.percentile).toBe(100)
    expect(s.members[4]!.percentile).toBe(0)

    const lower = computeGroupStatistics({ values, polarity: 'lower_is_better' })
    expect(lower.members.map((m) => [m.orgId, m.rank])).toEqual([
      ['e', 1],
      ['a', 2],
      ['b', 3],
      ['c', 3],
      ['d', 5],
    ])
    const a = lower.members.find((m) => m.orgId === 'a')!
    expect(a.gapToBest).toBe(-10) // 10 is best, a has 20: 10 worse
    expect(a.gapToMedian).toBe(5) // median 25, a lower → 5 better
    expect(a.zScore).toBeCloseTo(-2 / Math.sqrt(57.5), 14) // z keeps the direction of the values
  })

  it('orders context figures by value but says it is no performance ranking', () => {
    const s = computeGroupStatistics({ values, polarity: 'context' })
    expect(s.isPerformanceRanking).toBe(false)
    expect(s.members[0]!.orgId).toBe('d')
  })

  it('handles tiny groups', () => {
    const one = computeGroupStatistics({ values: [{ orgId: 'a', value: 3 }], polarity: 'higher_is_better' })
    expect(one.members[0]).toMatchObject({ rank: 1, percentile: null, zScore: null })
    const none = computeGroupStatistics({
      values: [{ orgId: 'a', value: Number.NaN }],
      polarity: 'higher_is_better',
    })
    expect(none).toMatchObject({ n: 0, mean: null, missing: [{ orgId: 'a', reason: 'not_delivered' }] })
    const same = computeGroupStatistics({
      values: [
        { orgId: 'a', value: 1 },
        { orgId: 'b', value: 1 },
      ],
      polarity: 'higher_is_better',
    })
    expect(same.members.map((m) => [m.rank, m.zScore, m.percentile])).toEqual([
      [1, null, 0],
      [1, null, 0],
    ])
  })
})

describe('trend and change to previous year', () => {
  it('computes the OLS slope of the last 12 months', () => {
    // y = 3 + 0.5 · x over the last 12 months → slope 0.5 exactly
    const values = [99, 99, ...Array.from({ length: 12 }, (_, x) => 3 + 0.5 * x)]
    expect(computeTrend12(values)?.slope).toBeCloseTo(0.5, 14)
    // 1, 2, 4 at x = 0, 1, 2: x̄ = 1, ȳ = 7/3; Sxy = (−1)(−4/3) + 0 + (1)(5/3) = 3; Sxx = 2 → 1.5
    expect(computeTrend12([1, 2, 4], { months: 3 })?.slope).toBeCloseTo(1.5, 14)
    expect(computeTrend12([1, NaN, 4], { months: 3 })).toBeNull()
    expect(computeTrend12([1, NaN, 4], { months: 3, minMonths: 2 })?.slope).toBeCloseTo(1.5, 14)
  })

  it('computes the change to the same month a year earlier', () => {
    const values = Array.from({ length: 14 }, (_, i) => 20 + i * 0.25)
    // month 13: 23.25 − month 1: 20.25 = 3
    expect(computeChangeToPreviousYear(values)).toBe(3)
    expect(computeChangeToPreviousYear(values, 11)).toBeNull()
    values[1] = NaN
    expect(computeChangeToPreviousYear(values)).toBeNull()
  })
})
