import { describe, expect, it } from 'vitest'
import { createRandom } from '../random'
import { runKMeans } from './kmeans'
import {
  assessBootstrapStability,
  comparePartitions,
  computeAdjustedRandIndex,
  computeExplainedVariance,
  computeGroupSpread,
  computeSilhouette,
} from './quality'

// Points 0, 1, 4, 5 in groups {0,1} {4,5}
const points = [[0], [1], [4], [5]]
const labels = [0, 0, 1, 1]

describe('computeExplainedVariance', () => {
  it('matches the hand computation', () => {
    // mean 2.5: total SS = 6.25 + 2.25 + 2.25 + 6.25 = 17; within = 4 · 0.25 = 1; R² = 16/17
    const result = computeExplainedVariance(points, labels)
    expect(result).toEqual({ totalSS: 17, withinSS: 1, betweenSS: 16, rSquared: 16 / 17 })
  })
})

describe('computeSilhouette', () => {
  it('matches the hand computation', () => {
    // point 0: a = 1, b = (4 + 5)/2 = 4.5 → 3.5/4.5 = 7/9 ; point 1: a = 1, b = (3 + 4)/2 → 2.5/3.5 = 5/7
    // symmetric for 4 and 5 → mean = (7/9 + 5/7)/2 = 94/126
    const result = computeSilhouette(points, labels)
    expect(result.perPoint[0]).toBeCloseTo(7 / 9, 12)
    expect(result.perPoint[1]).toBeCloseTo(5 / 7, 12)
    expect(result.mean).toBeCloseTo(94 / 126, 12)
    expect(result.perGroup[0]).toBeCloseTo(94 / 126, 12)
  })
  it('scores singletons 0 and rejects a single group', () => {
    expect(computeSilhouette([[0], [1], [9]], [0, 0, 1]).perPoint[2]).toBe(0)
    expect(() => computeSilhouette(points, [0, 0, 0, 0])).toThrow(/2 to n − 1 groups/)
  })
})

describe('computeGroupSpread', () => {
  it('gives mean, population sd, min and max per group and column', () => {
    // group 0 column x: 0, 1 → mean 0.5, sd sqrt((0.25 + 0.25)/2) = 0.5
    const spread = computeGroupSpread({
      points: [
        [0, 10],
        [1, 30],
        [4, 7],
        [5, 7],
      ],
      labels,
      columns: ['x', 'y'],
    })
    expect(spread[0]).toEqual({
      group: 0,
      size: 2,
      columns: [
        { column: 'x', mean: 0.5, sd: 0.5, min: 0, max: 1 },
        { column: 'y', mean: 20, sd: 10, min: 10, max: 30 },
      ],
    })
    expect(spread[1].columns[1]).toEqual({ column: 'y', mean: 7, sd: 0, min: 7, max: 7 })
  })
})

describe('computeAdjustedRandIndex', () => {
  it('matches known values', () => {
    expect(computeAdjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1)
    // [0,0,1,2] vs [0,0,1,1]: Σ C(nij,2) = 1; Σ C(ai,2) = 1; Σ C(bj,2) = 2; C(4,2) = 6
    // expected = 1·2/6 = 1/3; max = 1.5 → (1 − 1/3)/(1.5 − 1/3) = 4/7
    expect(computeAdjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 12)
    // [0,0,1,1] vs [0,1,0,1]: index 0, expected 2·2/6 = 2/3, max 2 → (−2/3)/(4/3) = −0.5
    expect(computeAdjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12)
    expect(computeAdjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0)
    expect(computeAdjustedRandIndex([0, 0, 0], [1, 1, 1])).toBe(1)
  })
})

describe('comparePartitions', () => {
  it('ignores renumbering and lists who moved', () => {
    // after renames 0 → 1 and 1 → 0 and moves "c" from the first group to the second
    const result = comparePartitions({
      ids: ['a', 'b', 'c', 'd', 'e'],
      before: [0, 0, 0, 1, 1],
      after: [1, 1, 0, 0, 0],
    })
    expect(result.matchedBefore).toEqual([1, 0])
    expect(result.moves).toEqual([{ id: 'c', from: 0, to: 0 }])
    expect(result.contingency).toEqual([
      [1, 2],
      [2, 0],
    ])
  })
})

describe('assessBootstrapStability', () => {
  const random = createRandom(9)
  const blobs = [0, 20].flatMap((c) => Array.from({ length: 25 }, () => [c + random(), c + random()]))
  const truth = blobs.map((_, i) => (i < 25 ? 0 : 1))

  it('is 1 for clearly separated groups and reproducible per seed', () => {
    const recluster = (sample: number[][]) => runKMeans(sample, { k: 2, seed: 1, starts: 2 }).labels
    const a = assessBootstrapStability({ points: blobs, labels: truth, recluster, replicates: 5, seed: 4 })
    expect(a.meanAdjustedRandIndex).toBe(1)
    const b = assessBootstrapStability({ points: blobs, labels: truth, recluster, replicates: 5, seed: 4 })
    expect(b).toEqual(a)
  })

  it('is low when the re-clustering ignores the data', () => {
    const coin = createRandom(2)
    const recluster = (sample: number[][]) => sample.map(() => (coin() < 0.5 ? 0 : 1))
    const result = assessBootstrapStability({ points: blobs, labels: truth, recluster, replicates: 20 })
    expect(Math.abs(result.meanAdjustedRandIndex)).toBeLessThan(0.1)
    // Standard error = sample sd / √20, recomputed from the replicates.
    const values = result.adjustedRandIndices
    const mean = values.reduce((s, v) => s + v, 0) / values.length
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1))
    expect(result.standardError).toBeCloseTo(sd / Math.sqrt(20), 12)
    expect(result.standardError).toBeGreaterThan(0)
  })

  it('draws sampleRows rows per replicate when asked (m out of n)', () => {
    const sizes: number[] = []
    const recluster = (sample: number[][]) => {
      sizes.push(sample.length)
      return sample.map((row) => (row[0] < 10 ? 0 : 1))
    }
    const result = assessBootstrapStability({
      points: blobs,
      labels: truth,
      recluster,
      replicates: 3,
      sampleRows: 10,
    })
    expect(sizes).toEqual([10, 10, 10])
    expect(result.meanAdjustedRandIndex).toBe(1)
    expect(result.standardError).toBe(0)
    expect(() =>
      assessBootstrapStability({ points: blobs, labels: truth, recluster, replicates: 1, sampleRows: 0 }),
    ).toThrow(/sampleRows must be a positive whole number/)
  })
})
