import { describe, expect, it } from 'vitest'
import { compareSelfAssessments, computeMedian, type ScoreTable } from './self-assessment-compare'

const AREAS = [
  { code: 'A', name: 'Strategic performance management' },
  { code: 'B', name: 'Relations with employers' },
]
const SCALE = { min: 1, max: 5 }
const table = (rows: Record<number, Record<string, number>>): ScoreTable =>
  new Map(Object.entries(rows).map(([id, byArea]) => [Number(id), new Map(Object.entries(byArea))]))

// Four organisations; organisation 2 did not answer area B.
const NOW = table({ 1: { A: 3, B: 2 }, 2: { A: 4 }, 3: { A: 2, B: 5 }, 4: { A: 5, B: 3 } })
const BEFORE = table({ 1: { A: 2, B: 2 }, 2: { A: 3, B: 1 }, 3: { A: 2, B: 4 } })

describe('compareSelfAssessments', () => {
  it('computes ring statistics, the gap to the best and the change since the last cycle by hand', () => {
    const result = compareSelfAssessments({
      areas: AREAS,
      scale: SCALE,
      scores: NOW,
      organisationId: 1,
      previous: { scale: SCALE, scores: BEFORE },
    })
    const [a, b] = result.areas
    // Area A: scores 3, 4, 2, 5 → mean 14/4 = 3.5; sorted 2 3 4 5 → median (3 + 4)/2 = 3.5; best 5.
    // Organisation 1: 3 → gap 5 − 3 = 2; previous 2 → change +1.
    // Previous A: 2, 3, 2 → mean 7/3; mean change 3.5 − 7/3 = 7/6.
    expect(a).toMatchObject({
      score: 3,
      respondents: 4,
      mean: 3.5,
      median: 3.5,
      best: 5,
      worst: 2,
      gapToBest: 2,
    })
    expect(a).toMatchObject({ previousScore: 2, change: 1 })
    expect(a!.previousMean).toBeCloseTo(7 / 3, 12)
    expect(a!.meanChange).toBeCloseTo(7 / 6, 12)
    // Area B: scores 2, 5, 3 (organisation 2 left it open) → mean 10/3; median 3; best 5; gap 3; change 0.
    expect(b).toMatchObject({
      score: 2,
      respondents: 3,
      median: 3,
      best: 5,
      gapToBest: 3,
      previousScore: 2,
      change: 0,
    })
    expect(b!.mean).toBeCloseTo(10 / 3, 12)
    // Previous B: 2, 1, 4 → mean 7/3; change 10/3 − 7/3 = 1.
    expect(b!.meanChange).toBeCloseTo(1, 12)
    expect(result.radar.indicators).toEqual([
      { code: 'A', name: 'Strategic performance management', min: 1, max: 5 },
      { code: 'B', name: 'Relations with employers', min: 1, max: 5 },
    ])
    expect(result.radar.series.map((s) => s.key)).toEqual(['own', 'mean', 'best', 'previous'])
    expect(result.radar.series[0]!.values).toEqual([3, 2])
    expect(result.radar.series[3]!.values).toEqual([2, 2])
  })

  it('gives no score, gap or change for an organisation that did not answer', () => {
    const result = compareSelfAssessments({ areas: AREAS, scale: SCALE, scores: NOW, organisationId: 2 })
    expect(result.areas[1]).toMatchObject({ score: null, gapToBest: null, change: null, respondents: 3 })
    expect(result.areas[0]).toMatchObject({ score: 4, gapToBest: 1 })
    expect(result.isPreviousComparable).toBe(false)
  })

  it('does not compare with a previous cycle on another scale', () => {
    const result = compareSelfAssessments({
      areas: AREAS,
      scale: SCALE,
      scores: NOW,
      organisationId: 1,
      previous: { scale: { min: 0, max: 4 }, scores: BEFORE },
    })
    expect(result.isPreviousComparable).toBe(false)
    expect(result.areas[0]).toMatchObject({ previousScore: null, change: null, meanChange: null })
    expect(result.radar.series.map((s) => s.key)).toEqual(['own', 'mean', 'best'])
  })

  it('without a focus organisation shows the ring only', () => {
    const result = compareSelfAssessments({ areas: AREAS, scale: SCALE, scores: NOW })
    expect(result.radar.series.map((s) => s.key)).toEqual(['mean', 'best'])
    expect(result.areas[0]!.score).toBeNull()
  })

  it('median of an empty, odd and even list', () => {
    expect(computeMedian([])).toBeNull()
    expect(computeMedian([5, 1, 3])).toBe(3)
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5)
  })
})
