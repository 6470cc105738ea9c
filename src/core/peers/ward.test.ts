import { describe, expect, it } from 'vitest'
import { createRandom } from '../random'
import { clusterWard, computeWardLinkage, cutTree, type LinkageRow } from './ward'

// Points on a line: 0, 1, 5, 7, 20 (ids 0..4). Δ(A,B) = |A||B|/(|A|+|B|)·(cA − cB)², height = sqrt(2Δ).
//  1. {0},{1}:      Δ = 1·1/2 · 1²      = 0.5    → height 1,           new id 5 (centroid 0.5)
//  2. {5},{7}:      Δ = 1·1/2 · 2²      = 2      → height 2,           new id 6 (centroid 6)
//     (cheaper than id 5 with point 5: 2·1/3 · 4.5² = 13.5)
//  3. id 5, id 6:   Δ = 2·2/4 · 5.5²    = 30.25  → height sqrt(60.5),  new id 7 (centroid 3.25)
//     (cheaper than id 6 with point 20: 2·1/3 · 14² = 130.67)
//  4. id 7, {20}:   Δ = 4·1/5 · 16.75²  = 224.45 → height sqrt(448.9)
// Check: ΣΔ = 257.2 = total sum of squares around the mean 6.6
//        (6.6² + 5.6² + 1.6² + 0.4² + 13.4² = 43.56 + 31.36 + 2.56 + 0.16 + 179.56).
const line = [[0], [1], [5], [7], [20]]

describe('computeWardLinkage', () => {
  it('matches the hand-computed linkage', () => {
    const linkage = computeWardLinkage(line)
    const expected: LinkageRow[] = [
      [0, 1, 1, 2],
      [2, 3, 2, 2],
      [5, 6, Math.sqrt(60.5), 4],
      [4, 7, Math.sqrt(448.9), 5],
    ]
    linkage.forEach((row, i) => {
      expect(row[0]).toBe(expected[i][0])
      expect(row[1]).toBe(expected[i][1])
      expect(row[2]).toBeCloseTo(expected[i][2], 12)
      expect(row[3]).toBe(expected[i][3])
    })
    const totalDelta = linkage.reduce((s, r) => s + (r[2] * r[2]) / 2, 0)
    expect(totalDelta).toBeCloseTo(257.2, 10)
  })

  it('gives the same heights as fastcluster on a small 2-D example', () => {
    // Heights from fastcluster 1.2 (Debian python3-fastcluster), computed once with
    //   fastcluster.linkage_vector(np.array(points, dtype=float), method='ward')
    // and checked by hand (Δ = |A||B|/(|A|+|B|)·‖cA − cB‖², height = sqrt(2Δ)):
    //   {0,1} and {3,4}: distance 1 → 1 and 1 (new ids 6 and 7, centroids (0.5, 0) and (4.5, 4))
    //   {2} + id 6:  Δ = 2/3·(0.25 + 4)           = 2.8333… → sqrt(17/3)
    //   {5} + id 7:  Δ = 2/3·(20.25 + 16)         = 24.166… → sqrt(145/3)
    //   id 8 + id 9: Δ = 9/6·((17/3)² + 2²)       = 54.166… → sqrt(325/3)
    const points = [
      [0, 0],
      [1, 0],
      [0, 2],
      [4, 4],
      [5, 4],
      [9, 0],
    ]
    const fastcluster: LinkageRow[] = [
      [0, 1, 1.0, 2],
      [3, 4, 1.0, 2],
      [2, 6, 2.3804761428476167, 3],
      [5, 7, 6.95221787153807, 3],
      [8, 9, 10.408329997330663, 6],
    ]
    const linkage = computeWardLinkage(points)
    expect(linkage.map((row) => [row[0], row[1], row[3]])).toEqual(
      fastcluster.map((row) => [row[0], row[1], row[3]]),
    )
    linkage.forEach((row, i) =>
      expect(Math.abs(row[2] - fastcluster[i][2]) / fastcluster[i][2]).toBeLessThan(1e-12),
    )
    expect(linkage[4][2]).toBeCloseTo(Math.sqrt(325 / 3), 12)
  })

  it('treats a weighted row as that many copies', () => {
    const random = createRandom(9)
    const distinct = Array.from({ length: 12 }, () => [random(), random()])
    const weights = distinct.map((_, i) => 1 + (i % 3))
    const expanded = distinct.flatMap((row, i) => Array.from({ length: weights[i] }, () => row))
    const weighted = computeWardLinkage(distinct, { weights })
    // The expanded data first merges its copies at height 0, then follows the weighted merges.
    const copies = expanded.length - distinct.length
    const full = computeWardLinkage(expanded)
    expect(full.slice(0, copies).every((row) => row[2] === 0)).toBe(true)
    weighted.forEach((row, i) => {
      expect(row[2]).toBeCloseTo(full[copies + i][2], 12)
      expect(row[3]).toBe(full[copies + i][3])
    })
    expect(weighted.at(-1)?.[3]).toBe(expanded.length)
    expect(() => computeWardLinkage(distinct, { weights: [1, 2] })).toThrow(/2 weights for 12 rows/)
    expect(() => computeWardLinkage([[0], [1]], { weights: [1, 0.5] })).toThrow(/weight of row 1/)
  })

  it('handles trivial inputs', () => {
    expect(computeWardLinkage([])).toEqual([])
    expect(computeWardLinkage([[3, 4]])).toEqual([])
    // two points: height = Euclidean distance 5 (3-4-5 triangle)
    expect(
      computeWardLinkage([
        [0, 0],
        [3, 4],
      ]),
    ).toEqual([[0, 1, 5, 2]])
  })

  it('copes with identical points (all heights 0)', () => {
    const linkage = computeWardLinkage([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ])
    expect(linkage.map((row) => row[2])).toEqual([0, 0, 0])
    expect(linkage.at(-1)?.[3]).toBe(4)
    expect(new Set(cutTree(linkage, 2)).size).toBe(2)
  })

  it('finds the same merges as a naive greedy Ward on random data', () => {
    const random = createRandom(5)
    const points = Array.from({ length: 60 }, () => [random(), random(), random()])
    const linkage = computeWardLinkage(points)
    const naive = computeReferenceWardRows(points).map((row) => row[2])
    linkage.forEach((row, i) => expect(row[2]).toBeCloseTo(naive[i], 10))
  })

  it('gives the rows of an O(n³) reference, with and without weights', () => {
    const random = createRandom(31)
    for (const [n, d] of [
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 1],
      [40, 2],
      [90, 8],
    ]) {
      const points = Array.from({ length: n }, () => Array.from({ length: d }, () => random()))
      const weights = points.map(() => 1 + Math.floor(random() * 4))
      for (const options of [{}, { weights }]) {
        const linkage = computeWardLinkage(points, options)
        const reference = computeReferenceWardRows(points, 'weights' in options ? weights : undefined)
        expect(linkage.length).toBe(Math.max(0, n - 1))
        expect(linkage.map((row) => [row[0], row[1], row[3]])).toEqual(
          reference.map((row) => [row[0], row[1], row[3]]),
        )
        linkage.forEach((row, i) =>
          expect(Math.abs(row[2] - reference[i][2])).toBeLessThanOrEqual(1e-12 * reference[i][2]),
        )
      }
    }
  })

  it('gives the rows of the O(n³) reference with the slots in k-d order and pruned scans', () => {
    // Above one block (128 rows, or blockSize) the slots are put in k-d order and scans skip blocks
    // by their bounding box: uniform points and tight blobs (where most blocks are skipped), d < 4
    // and d ≥ 4, with and without weights, in 2–3 blocks of 128 and in 33–50 blocks of 8.
    const random = createRandom(77)
    const blob = (centre: number[]) => centre.map((c) => c + 0.01 * random())
    const centres = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => random()))
    const cases = [
      Array.from({ length: 300 }, () => [random(), random()]),
      Array.from({ length: 260 }, () => Array.from({ length: 8 }, () => random())),
      Array.from({ length: 400 }, (_, i) => blob(centres[i % centres.length])),
    ]
    for (const points of cases) {
      const weights = points.map(() => 1 + Math.floor(random() * 4))
      for (const useWeights of [false, true]) {
        const reference = computeReferenceWardRows(points, useWeights ? weights : undefined)
        for (const blockSize of [undefined, 8, 2]) {
          const weighted = { weights: useWeights ? weights : undefined, blockSize }
          expectReferenceRows(computeWardLinkage(points, weighted), reference)
        }
      }
    }
  })

  it('keeps a merged cluster findable when it leaves the box of its block', () => {
    // Found by a random search: with one slot per block, a merged centroid outside its block's old
    // box is the cheapest neighbour of an earlier slot, so skipping by a stale box loses the merge.
    const points = [
      [6.99, 0.77],
      [4.48, 1.74],
      [3.55, 4.02],
      [3.38, 0.57],
      [9.43, 0.24],
      [1.53, 9.14],
      [9, 7.93],
      [1.93, 5.51],
      [9.89, 1.56],
      [3.76, 5.01],
      [6.3, 6.67],
      [2.03, 6.36],
      [8.23, 1.55],
      [9.09, 2.54],
      [5.15, 4.42],
      [3.86, 2.15],
      [2.59, 7],
      [4.58, 7.73],
      [5.85, 2.72],
      [4.34, 8.97],
      [7.26, 8.5],
      [8.17, 2.9],
      [9.99, 3.3],
      [8.84, 5.53],
    ]
    const reference = computeReferenceWardRows(points)
    for (const blockSize of [1, 2, 3, 128]) {
      expectReferenceRows(computeWardLinkage(points, { blockSize }), reference)
    }
  })

  it('breaks ties deterministically and keeps the Ward invariants (points on a grid)', () => {
    // Unit square, all four sides tie at distance 1. Slot 0 scans the slots above it: points 1 and
    // 2 tie, the lower slot (1) wins; slots 0, 1 and 2 all have bound 0.5, the heap takes slot 0
    // → {0,1} at 1.
    // Then id 4 = (0.5, 0) ties with points 2 and 3 (Δ = 2/3·1.25); point 3 is nearer to 2
    // (Δ = 0.5) → {2,3} at 1; last Δ = 2·2/4·1 = 1 → height √2. The greedy reference agrees.
    const square = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]
    const expected: LinkageRow[] = [
      [0, 1, 1, 2],
      [2, 3, 1, 2],
      [4, 5, Math.SQRT2, 4],
    ]
    expect(computeWardLinkage(square)).toEqual(expected)
    expect(computeReferenceWardRows(square)).toEqual(expected)
    // Integer grid with weights: many tied costs at every level. With ties the merge order (and so
    // the later heights) may differ from the greedy reference, but not the invariants: heights
    // sorted, ΣΔ = total weighted sum of squares, a < b, every id merged once after its creation.
    const grid = Array.from({ length: 24 }, (_, i) => [i % 6, Math.floor(i / 6)])
    for (const weights of [undefined, grid.map((_, i) => 1 + (i % 2))]) {
      const w = weights ?? grid.map(() => 1)
      const linkage = computeWardLinkage(grid, weights ? { weights } : {})
      expect(computeWardLinkage(grid, weights ? { weights } : {})).toEqual(linkage)
      const total = w.reduce((s, x) => s + x, 0)
      const mean = [0, 1].map((j) => grid.reduce((s, p, i) => s + w[i] * p[j], 0) / total)
      const sumOfSquares = grid.reduce(
        (s, p, i) => s + w[i] * ((p[0] - mean[0]) ** 2 + (p[1] - mean[1]) ** 2),
        0,
      )
      expect(linkage.reduce((s, row) => s + row[2] ** 2 / 2, 0)).toBeCloseTo(sumOfSquares, 9)
      const used = new Set<number>()
      linkage.forEach(([a, b, height, size], i) => {
        if (i > 0) expect(height).toBeGreaterThanOrEqual(linkage[i - 1][2])
        expect(a).toBeLessThan(b)
        expect(b).toBeLessThan(grid.length + i)
        expect(used.has(a) || used.has(b)).toBe(false)
        used.add(a).add(b)
        const sizeOf = (id: number) => (id < grid.length ? w[id] : linkage[id - grid.length][3])
        expect(size).toBe(sizeOf(a) + sizeOf(b))
      })
      expect(linkage.at(-1)?.[3]).toBe(total)
    }
  })
})

describe('cutTree', () => {
  it('undoes the last k − 1 merges and numbers clusters by first point', () => {
    const linkage = computeWardLinkage(line)
    expect(cutTree(linkage, 1)).toEqual([0, 0, 0, 0, 0])
    expect(cutTree(linkage, 2)).toEqual([0, 0, 0, 0, 1])
    expect(cutTree(linkage, 3)).toEqual([0, 0, 1, 1, 2])
    expect(cutTree(linkage, 5)).toEqual([0, 1, 2, 3, 4])
    expect(() => cutTree(linkage, 6)).toThrow(/5 points into 6/)
    expect(clusterWard(line, 3).labels).toEqual([0, 0, 1, 1, 2])
  })
})

/** The same ids and sizes as the reference, heights within 1e-12 relative. */
function expectReferenceRows(linkage: LinkageRow[], reference: LinkageRow[]): void {
  expect(linkage.map((row) => [row[0], row[1], row[3]])).toEqual(
    reference.map((row) => [row[0], row[1], row[3]]),
  )
  linkage.forEach((row, i) =>
    expect(Math.abs(row[2] - reference[i][2])).toBeLessThanOrEqual(1e-12 * reference[i][2]),
  )
}

/**
 * O(n³) reference in scipy's layout: merge the globally cheapest pair (first pair in index order
 * on ties), label the new cluster n + step; `weights` start clusters at that size. Ward is
 * reducible, so heights come out non-decreasing and no re-sorting is needed.
 */
function computeReferenceWardRows(points: number[][], weights?: number[]): LinkageRow[] {
  const n = points.length
  const clusters = points.map((p, i) => ({ id: i, centroid: [...p], size: weights ? weights[i] : 1 }))
  const rows: LinkageRow[] = []
  let nextId = n
  while (clusters.length > 1) {
    let best = Infinity
    let pair = [0, 1]
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const A = clusters[a]
        const B = clusters[b]
        const sq = A.centroid.reduce((s, v, j) => s + (v - B.centroid[j]) ** 2, 0)
        const delta = ((A.size * B.size) / (A.size + B.size)) * sq
        if (delta < best) {
          best = delta
          pair = [a, b]
        }
      }
    }
    const [a, b] = pair
    const A = clusters[a]
    const B = clusters[b]
    const size = A.size + B.size
    rows.push([Math.min(A.id, B.id), Math.max(A.id, B.id), Math.sqrt(2 * best), size])
    clusters[a] = {
      id: nextId++,
      centroid: A.centroid.map((v, j) => (A.size * v + B.size * B.centroid[j]) / size),
      size,
    }
    clusters.splice(b, 1)
  }
  return rows
}
