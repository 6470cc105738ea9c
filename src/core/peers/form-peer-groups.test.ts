import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { createRandom } from '../random'
import {
  assessPartition,
  assessPartitionAsync,
  clusterDistinctRows,
  createRecluster,
  runBootstrapWithPauses,
  defaultRingBounds,
  formPeerPartition,
  renumberLabels,
} from './form-peer-groups'
import { deriveRegressionWeights } from './regression-weights'

const random = createRandom(3)
// Three tight clusters of eight points in two dimensions.
const points = Array.from({ length: 24 }, (_, i) => [(i % 3) * 10 + random(), (i % 3) * 5 + random()])
const ids = points.map((_, i) => `o${i}`)

describe('formPeerPartition', () => {
  it('finds the clusters with every method and numbers groups by first appearance', () => {
    for (const method of ['ward', 'kmeans', 'rings'] as const) {
      const { labels } = formPeerPartition({ ids, matrix: points, method, k: 3, minSize: 8, maxSize: 8 })
      expect(labels.slice(0, 3)).toEqual([0, 1, 2])
      expect(labels).toEqual(points.map((_, i) => i % 3))
    }
  })

  it('refuses more groups than points and explains impossible ring sizes', () => {
    expect(() =>
      formPeerPartition({ ids: ids.slice(0, 2), matrix: points.slice(0, 2), method: 'ward', k: 3 }),
    ).toThrow(/3 groups need at least 3 organisations, but there are 2/)
    try {
      formPeerPartition({ ids, matrix: points, method: 'rings', k: 3, minSize: 9, maxSize: 10 })
      expect.unreachable()
    } catch (error) {
      expect((error as AppError).code).toBe('infeasible')
      expect((error as AppError).message).toMatch(
        /3 rings of at least 9 members need at least 27 members, but there are 24/,
      )
    }
  })

  it('defaults ring bounds to one around an even split', () => {
    expect(defaultRingBounds(104, 10)).toEqual({ minSize: 9, maxSize: 12 })
    expect(renumberLabels([5, 5, 2, 7, 2])).toEqual([0, 0, 1, 2, 1])
  })
})

describe('assessPartition', () => {
  // The three clusters with their true labels.
  const clusters = { matrix: points, raw: points, columns: ['a', 'b'], labels: points.map((_, i) => i % 3) }

  it('reports R², silhouette, spread and a stable bootstrap for clear clusters', () => {
    const quality = assessPartition({
      ...clusters,
      recluster: createRecluster({ method: 'ward', k: 3 }),
      replicates: 10,
    })
    expect(quality.rSquared).toBeGreaterThan(0.98)
    expect(quality.silhouette!).toBeGreaterThan(0.8)
    expect(quality.stability).toEqual({
      meanAdjustedRandIndex: 1,
      replicates: 10,
      sampleRows: 24,
      standardError: 0,
    })
    expect(quality.spread[1]!.columns[0]!.mean).toBeCloseTo(10.5, 0)
  })

  it('reports bootstrap progress, and the asynchronous form gives the same quality', async () => {
    const progress: [number, number][] = []
    const options = {
      ...clusters,
      recluster: createRecluster({ method: 'kmeans', k: 3 }),
      replicates: 3,
      seed: 4,
    }
    const quality = assessPartition({ ...options, onProgress: (done, total) => progress.push([done, total]) })
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    let pauses = 0
    const later = await assessPartitionAsync(
      options,
      runBootstrapWithPauses(async () => {
        pauses++
      }),
    )
    expect(pauses).toBe(3)
    expect(later).toEqual(quality)
  })

  it('has no silhouette for a single group', () => {
    const quality = assessPartition({
      matrix: points,
      raw: points,
      columns: ['a', 'b'],
      labels: points.map(() => 0),
    })
    expect(quality.silhouette).toBeNull()
    expect(quality.rSquared).toBe(0)
  })
})

describe('clusterDistinctRows', () => {
  it('gives the Ward labels of every copy while clustering each distinct row once', () => {
    const sampleRandom = createRandom(11)
    const base = Array.from({ length: 40 }, () => [sampleRandom(), sampleRandom(), sampleRandom()])
    const sample = Array.from({ length: 40 }, () => base[Math.floor(sampleRandom() * 40)]!)
    const distinct = new Set(sample).size
    expect(distinct).toBeLessThan(40)
    for (const k of [2, 5, 9]) {
      const full = formPeerPartition({ ids: sample.map(String), matrix: sample, method: 'ward', k }).labels
      expect(clusterDistinctRows(sample, k)).toEqual(full)
    }
    // More groups than distinct rows: copies are split apart as the full clustering does.
    const full = formPeerPartition({
      ids: sample.map(String),
      matrix: sample,
      method: 'ward',
      k: distinct + 1,
    })
    expect(clusterDistinctRows(sample, distinct + 1)).toEqual(full.labels)
    // Equal rows that are separate arrays are clustered as separate rows: still the full partition.
    const copied = sample.map((row) => [...row])
    expect(clusterDistinctRows(copied, 5)).toEqual(
      formPeerPartition({ ids: sample.map(String), matrix: sample, method: 'ward', k: 5 }).labels,
    )
  })
})

describe('deriveRegressionWeights', () => {
  it('weights the significant candidates by their standardised effect, each target counted equally', () => {
    const r = createRandom(9)
    const n = 200
    const x1 = Array.from({ length: n }, () => r())
    const x2 = Array.from({ length: n }, () => r())
    const noise = Array.from({ length: n }, () => r())
    // Target A depends on x1 only, target B on x2 only, equally strongly: weights come out equal.
    const a = x1.map((v) => 3 * v + 0.01 * (r() - 0.5))
    const b = x2.map((v) => 3 * v + 0.01 * (r() - 0.5))
    const result = deriveRegressionWeights({
      candidates: [
        { name: 'x1', values: x1 },
        { name: 'x2', values: x2 },
        { name: 'noise', values: noise },
      ],
      targets: [
        { code: 'A', values: a },
        { code: 'B', values: b },
      ],
    })
    expect(result.weights[0]).toBeCloseTo(1, 1)
    expect(result.weights[1]).toBeCloseTo(1, 1)
    expect(result.weights[2]).toBeLessThan(0.05)
    expect(result.fits[0]!.coefficients[0]!.isSignificant).toBe(true)
  })

  it('refuses when nothing is significant, saying what to do', () => {
    const r = createRandom(1)
    const x = Array.from({ length: 30 }, () => r())
    const y = Array.from({ length: 30 }, () => r())
    expect(() =>
      deriveRegressionWeights({
        candidates: [{ name: 'x', values: x }],
        targets: [{ code: 'K1', values: y }],
      }),
    ).toThrow(/no target figure has a significant context indicator.*set weights by hand/)
  })
})
