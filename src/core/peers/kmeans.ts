/**
 * Lloyd's k-means on squared Euclidean distance: refinement of a given partition (the IAB method
 * refines Ward's clusters this way) and standalone k-means with k-means++ seeding.
 *
 * Determinism: ties in the assignment go to the lowest cluster index; an empty cluster takes the
 * point farthest from its own centroid (ties: lowest point index) among clusters with more than
 * one member, as scikit-learn does in spirit; seeding draws from the seeded PRNG only. Iteration
 * stops when no label changes (exact convergence, no tolerance), or after maxIterations.
 * Standalone k-means also applies Hartigan's exact single-point moves after Lloyd (see
 * polishHartigan), which escapes many of Lloyd's poor local optima at little cost.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { createRandom, deriveSeed, type Random } from '../random'
import {
  computeGroupMeans,
  countGroups,
  flattenPoints,
  squaredDistance,
  type FlatMatrix,
  type Points,
} from './matrix'

/** A k-means partition: labels 0..k−1, centroids (means of the labels), inertia and iteration count. */
export interface KMeansResult {
  labels: number[]
  centroids: number[][]
  /** Within-cluster sum of squared distances to the centroids. */
  inertia: number
  iterations: number
  isConverged: boolean
}

/** Start of a refinement: labels or centroids, plus limits. */
export interface RefineKMeansOptions {
  /** Start partition (e.g. from Ward), labels 0..k−1; or give `centroids` instead. */
  labels?: ArrayLike<number>
  centroids?: Points
  maxIterations?: number
  /** Polish with Hartigan single-point moves after Lloyd (default false: plain Lloyd, as scikit-learn). */
  isPolished?: boolean
}

/** Standalone k-means: number of clusters, seed and number of starts. */
export interface RunKMeansOptions {
  k: number
  /** Seed of the PRNG for k-means++; default 1. */
  seed?: number
  /** Number of k-means++ starts; the result with the lowest inertia wins. Default 10. */
  starts?: number
  maxIterations?: number
  /** Polish each Lloyd result with Hartigan single-point moves (default true). */
  isPolished?: boolean
}

const DEFAULT_MAX_ITERATIONS = 300

/** Lloyd iterations from the given flat centroids (modified in place). */
function iterateLloyd(matrix: FlatMatrix, centroids: Float64Array, k: number, maxIterations: number) {
  const { data, rows: n, cols: d } = matrix
  const labels = new Int32Array(n).fill(-1)
  const nearest = new Float64Array(n)
  let iterations = 0
  let isConverged = false
  for (;;) {
    let changed = 0
    for (let i = 0; i < n; i++) {
      let best = Infinity
      let bestGroup = 0
      for (let g = 0; g < k; g++) {
        const dist = squaredDistance(data, i, centroids, g, d)
        if (dist < best) {
          best = dist
          bestGroup = g
        }
      }
      nearest[i] = best
      if (labels[i] !== bestGroup) {
        labels[i] = bestGroup
        changed++
      }
    }
    if (changed === 0) {
      isConverged = true
      break
    }
    if (iterations >= maxIterations) break
    iterations++
    fillEmptyGroups({ labels, nearest, k })
    centroids.set(computeGroupMeans(matrix, labels, k).means)
  }
  return { labels, iterations, isConverged }
}

/** Gives every empty group the point farthest from its centroid among groups with ≥ 2 members. */
function fillEmptyGroups(input: { labels: Int32Array; nearest: Float64Array; k: number }): void {
  const { labels, nearest, k } = input
  const sizes = new Int32Array(k)
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++
  for (let g = 0; g < k; g++) {
    if (sizes[g] > 0) continue
    let far = -1
    for (let i = 0; i < labels.length; i++) {
      if (sizes[labels[i]] > 1 && (far < 0 || nearest[i] > nearest[far])) far = i
    }
    if (far < 0)
      throw new AppError('invalid_input', message('peers.cannotFormNonEmpty', { k, n: labels.length }))
    sizes[labels[far]]--
    labels[far] = g
    sizes[g] = 1
    nearest[far] = 0
  }
}

function finish(matrix: FlatMatrix, run: ReturnType<typeof iterateLloyd>, k: number): KMeansResult {
  const { means } = computeGroupMeans(matrix, run.labels, k)
  let inertia = 0
  for (let i = 0; i < matrix.rows; i++)
    inertia += squaredDistance(matrix.data, i, means, run.labels[i], matrix.cols)
  const centroids = Array.from({ length: k }, (_, g) =>
    Array.from(means.subarray(g * matrix.cols, (g + 1) * matrix.cols)),
  )
  return {
    labels: Array.from(run.labels),
    centroids,
    inertia,
    iterations: run.iterations,
    isConverged: run.isConverged,
  }
}

/** Lloyd's k-means started from a given partition or given centroids (deterministic). */
export function refineKMeans(points: Points, options: RefineKMeansOptions): KMeansResult {
  const matrix = flattenPoints(points)
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS
  let centroids: Float64Array
  let k: number
  if (options.centroids) {
    const start = flattenPoints(options.centroids)
    if (start.cols !== matrix.cols) {
      throw new AppError(
        'invalid_input',
        message('peers.centroidColumns', { centroids: start.cols, points: matrix.cols }),
      )
    }
    centroids = start.data
    k = start.rows
  } else if (options.labels) {
    if (options.labels.length !== matrix.rows) {
      throw new AppError(
        'invalid_input',
        message('peers.labelsForPoints', { labels: options.labels.length, points: matrix.rows }),
      )
    }
    k = countGroups(options.labels)
    const labels = Int32Array.from(options.labels)
    const { means } = computeGroupMeans(matrix, labels, k)
    const nearest = new Float64Array(matrix.rows)
    for (let i = 0; i < matrix.rows; i++)
      nearest[i] = squaredDistance(matrix.data, i, means, labels[i], matrix.cols)
    fillEmptyGroups({ labels, nearest, k })
    centroids = computeGroupMeans(matrix, labels, k).means
  } else {
    throw new AppError('invalid_input', message('peers.refineNeedsStart'))
  }
  if (k < 1 || k > matrix.rows)
    throw new AppError('invalid_input', message('peers.cannotFormClusters', { k, n: matrix.rows }))
  const run = iterateLloyd(matrix, centroids, k, maxIterations)
  if (options.isPolished) polishHartigan(matrix, run.labels, k)
  return finish(matrix, run, k)
}

/**
 * Hartigan's single-point moves: move x from A to B when |B|/(|B|+1)·‖x−c_B‖² < |A|/(|A|−1)·‖x−c_A‖²,
 * i.e. when the move itself lowers the within-cluster SS. Lloyd stops at partitions where such
 * moves still exist; every Hartigan-stable partition is also Lloyd-stable, so this only helps.
 */
export function polishHartigan(matrix: FlatMatrix, labels: Int32Array, k: number): number {
  const { data, rows: n, cols: d } = matrix
  const { means, sizes } = computeGroupMeans(matrix, labels, k)
  let moves = 0
  for (let pass = 0; pass < 1000; pass++) {
    let moved = false
    for (let i = 0; i < n; i++) {
      const a = labels[i]
      if (sizes[a] <= 1) continue
      const gain = (sizes[a] / (sizes[a] - 1)) * squaredDistance(data, i, means, a, d)
      let best = -1
      let bestCost = gain - 1e-12 * (1 + gain)
      for (let b = 0; b < k; b++) {
        if (b === a) continue
        const added = (sizes[b] / (sizes[b] + 1)) * squaredDistance(data, i, means, b, d)
        if (added < bestCost) {
          bestCost = added
          best = b
        }
      }
      if (best < 0) continue
      // Update both means incrementally: removing x from A, adding it to B.
      for (let j = 0; j < d; j++) {
        const x = data[i * d + j]
        means[a * d + j] = (means[a * d + j] * sizes[a] - x) / (sizes[a] - 1)
        means[best * d + j] = (means[best * d + j] * sizes[best] + x) / (sizes[best] + 1)
      }
      sizes[a]--
      sizes[best]++
      labels[i] = best
      moved = true
      moves++
    }
    if (!moved) break
  }
  return moves
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii; several candidates per step, keeping the one
 * that lowers the potential most, as scikit-learn does): returns k flat centroids.
 */
export function seedKMeansPlusPlus(matrix: FlatMatrix, k: number, random: Random): Float64Array {
  const { data, rows: n, cols: d } = matrix
  const centroids = new Float64Array(k * d)
  const trials = 2 + Math.floor(Math.log(k))
  const first = Math.floor(random() * n)
  centroids.set(data.subarray(first * d, (first + 1) * d), 0)
  const closest = new Float64Array(n)
  for (let i = 0; i < n; i++) closest[i] = squaredDistance(data, i, centroids, 0, d)
  const cumulative = new Float64Array(n)
  const candidateClosest = new Float64Array(n)
  const bestClosest = new Float64Array(n)
  for (let c = 1; c < k; c++) {
    let running = 0
    for (let i = 0; i < n; i++) {
      running += closest[i]
      cumulative[i] = running
    }
    let bestCandidate = -1
    let bestPotential = Infinity
    for (let t = 0; t < trials; t++) {
      // Draw a point with probability ∝ its squared distance to the nearest chosen centre.
      const target = random() * running
      let lo = 0
      let hi = n - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid] <= target) lo = mid + 1
        else hi = mid
      }
      let candidatePotential = 0
      for (let i = 0; i < n; i++) {
        const dist = Math.min(closest[i], squaredDistance(data, i, data, lo, d))
        candidateClosest[i] = dist
        candidatePotential += dist
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential
        bestCandidate = lo
        bestClosest.set(candidateClosest)
      }
    }
    centroids.set(data.subarray(bestCandidate * d, (bestCandidate + 1) * d), c * d)
    closest.set(bestClosest)
  }
  return centroids
}

/**
 * k-means with k-means++ seeding from a seeded PRNG; best (lowest inertia) of `starts` runs, each
 * Lloyd result polished by Hartigan moves unless isPolished is false.
 */
export function runKMeans(points: Points, options: RunKMeansOptions): KMeansResult {
  const matrix = flattenPoints(points)
  const { k } = options
  if (!Number.isInteger(k) || k < 1 || k > matrix.rows) {
    throw new AppError('invalid_input', message('peers.cannotFormClusters', { k, n: matrix.rows }))
  }
  const seed = options.seed ?? 1
  const starts = options.starts ?? 10
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS
  let best: KMeansResult | undefined
  for (let s = 0; s < starts; s++) {
    const centroids = seedKMeansPlusPlus(matrix, k, createRandom(deriveSeed(seed, s)))
    const run = iterateLloyd(matrix, centroids, k, maxIterations)
    if (options.isPolished ?? true) polishHartigan(matrix, run.labels, k)
    const result = finish(matrix, run, k)
    if (!best || result.inertia < best.inertia) best = result
  }
  if (!best) throw new AppError('invalid_input', message('peers.kmeansNeedsStart'))
  return best
}
