import { describe, expect, it } from 'vitest'
import { createRandom } from '../random'
import { refineKMeans, runKMeans } from './kmeans'

describe('refineKMeans', () => {
  it('refines a start partition to the hand-computed optimum', () => {
    // points 0, 1, 10, 11, 12; start {0,1,10} {11,12}: means 11/3 ≈ 3.67 and 11.5
    // 10 is nearer 11.5 (1.5) than 3.67 (6.33) → {0,1} {10,11,12}, means 0.5 and 11; stable.
    // inertia = 0.5² + 0.5² + 1² + 0² + 1² = 2.5
    const result = refineKMeans([[0], [1], [10], [11], [12]], { labels: [0, 0, 0, 1, 1] })
    expect(result.labels).toEqual([0, 0, 1, 1, 1])
    expect(result.centroids).toEqual([[0.5], [11]])
    expect(result.inertia).toBeCloseTo(2.5, 12)
    expect(result.iterations).toBe(1)
    expect(result.isConverged).toBe(true)
  })

  it('refills an empty cluster with the farthest point, deterministically', () => {
    // centroids 0 and 100: all of 0, 1, 2 go to cluster 0, cluster 1 is empty and takes the point
    // farthest from its centroid (2, distance² 4) → {0,1} {2}, means 0.5 and 2, inertia 0.25 + 0.25
    const result = refineKMeans([[0], [1], [2]], { centroids: [[0], [100]] })
    expect(result.labels).toEqual([0, 0, 1])
    expect(result.inertia).toBeCloseTo(0.5, 12)
  })

  it('polishes a Lloyd-stable partition with Hartigan moves when asked', () => {
    // points 0, 2, 3.1 in {0,2} {3.1}: centroids 1 and 3.1; point 2 is nearer 1 (1 < 1.1): Lloyd-stable.
    // Hartigan: removing 2 from A saves 2/1 · 1² = 2, adding it to B costs 1/2 · 1.1² = 0.605 → move.
    // {0} {2, 3.1}: SS = 0 + 2 · 0.55² = 0.605 (was 1² + 1² = 2)
    const points = [[0], [2], [3.1]]
    const lloyd = refineKMeans(points, { labels: [0, 0, 1] })
    expect(lloyd.labels).toEqual([0, 0, 1])
    expect(lloyd.inertia).toBeCloseTo(2, 12)
    const polished = refineKMeans(points, { labels: [0, 0, 1], isPolished: true })
    expect(polished.labels).toEqual([0, 1, 1])
    expect(polished.inertia).toBeCloseTo(0.605, 12)
  })

  it('rejects impossible requests', () => {
    expect(() => refineKMeans([[0]], {})).toThrow(/start labels or start centroids/)
    expect(() => refineKMeans([[0], [1]], { labels: [0] })).toThrow(/1 labels for 2 points/)
  })
})

describe('runKMeans', () => {
  const random = createRandom(3)
  const blobs = [0, 10, 20].flatMap((centre) =>
    Array.from({ length: 30 }, () => [centre + random(), centre + random()]),
  )

  it('recovers well-separated blobs and is deterministic per seed', () => {
    const a = runKMeans(blobs, { k: 3, seed: 7 })
    const b = runKMeans(blobs, { k: 3, seed: 7 })
    expect(a).toEqual(b)
    for (let blob = 0; blob < 3; blob++) {
      const labels = new Set(a.labels.slice(blob * 30, blob * 30 + 30))
      expect(labels.size).toBe(1)
    }
    // inertia of uniform [0,1)² noise around each blob mean ≈ 90 points · 2 · 1/12 = 15
    expect(a.inertia).toBeGreaterThan(10)
    expect(a.inertia).toBeLessThan(20)
  })

  it('is never worse than one start when given more starts', () => {
    const one = runKMeans(blobs, { k: 5, seed: 1, starts: 1 })
    const ten = runKMeans(blobs, { k: 5, seed: 1, starts: 10 })
    expect(ten.inertia).toBeLessThanOrEqual(one.inertia)
  })
})
