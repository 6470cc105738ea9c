/**
 * One entry point for a peer-group proposal: the method (Ward, Ward refined by k-means, bounded
 * rings) on a standardised matrix, and the quality of the result (R², silhouette, per-group spread
 * of the untransformed values, bootstrap stability). Used by the database path and by the CLI's
 * `peers form --input <csv>`, so both give the same answer for the same table.
 */
import { AppError } from '../errors/app-error'
import { formBoundedRings } from './bounded-rings'
import { refineKMeans } from './kmeans'
import type { Points } from './matrix'
import {
  assessBootstrapStability,
  computeExplainedVariance,
  computeGroupSpread,
  computeSilhouette,
  type GroupSpread,
} from './quality'
import { computeWardLinkage, cutTree, type LinkageRow } from './ward'

export type PeerMethod = 'ward' | 'kmeans' | 'rings'

/** Input of formPeerPartition. Constraints apply to method 'rings' only. */
export interface FormPeerPartitionOptions {
  ids: readonly string[]
  /** Standardised, weighted rows (buildStandardisedMatrix). */
  matrix: Points
  method: PeerMethod
  k: number
  minSize?: number
  maxSize?: number
  together?: ReadonlyArray<readonly [string, string]>
  apart?: ReadonlyArray<readonly [string, string]>
  /** Ring index 0…k−1 per pinned id. */
  pinned?: ReadonlyArray<{ id: string; ring: number }>
  land?: 'spread' | 'group'
  landOf?: (id: string) => string
  seed?: number
  /** Restarts of the ring search (default 8). */
  restarts?: number
}

/** Labels 0…k−1 numbered by first appearance, the Ward tree when there is one, and the size bounds used. */
export interface PeerPartition {
  labels: number[]
  linkage: LinkageRow[] | null
  minSize: number | null
  maxSize: number | null
}

/** Renumbers labels in order of first appearance, so equal partitions get equal numbers. */
export function renumberLabels(labels: ArrayLike<number>): number[] {
  const map = new Map<number, number>()
  return Array.from(labels, (label) => {
    let next = map.get(label)
    if (next === undefined) {
      next = map.size
      map.set(label, next)
    }
    return next
  })
}

/** Default ring size bounds when none are given: one below and one above an even split. */
export function defaultRingBounds(n: number, k: number): { minSize: number; maxSize: number } {
  return { minSize: Math.max(1, Math.floor(n / k) - 1), maxSize: Math.ceil(n / k) + 1 }
}

/** Partitions the rows of `matrix` with the chosen method. */
export function formPeerPartition(options: FormPeerPartitionOptions): PeerPartition {
  const { ids, matrix, method, k } = options
  const n = ids.length
  if (matrix.length !== n) throw new AppError('invalid_input', `${matrix.length} rows for ${n} ids`)
  if (!Number.isInteger(k) || k < 1)
    throw new AppError('invalid_input', `k must be a positive integer, got ${k}`)
  if (n === 0) throw new AppError('invalid_input', 'no organisation with complete data to group')
  if (method !== 'rings' && k > n)
    throw new AppError('infeasible', `${k} groups need at least ${k} organisations, but there are ${n}`)
  if (method === 'ward' || method === 'kmeans') {
    const linkage = computeWardLinkage(matrix)
    const ward = cutTree(linkage, k)
    if (method === 'ward') return { labels: ward, linkage, minSize: null, maxSize: null }
    const refined = refineKMeans(matrix, { labels: ward })
    return { labels: renumberLabels(refined.labels), linkage: null, minSize: null, maxSize: null }
  }
  const bounds = defaultRingBounds(n, k)
  const minSize = options.minSize ?? bounds.minSize
  const maxSize = options.maxSize ?? bounds.maxSize
  const rings = formBoundedRings({
    ids,
    points: matrix,
    k,
    minSize,
    maxSize,
    seed: options.seed,
    restarts: options.restarts,
    together: options.together,
    apart: options.apart,
    pinned: options.pinned,
    land: options.land,
    landOf: options.landOf,
  })
  // Pinned rings keep their numbers; otherwise renumber by first member.
  const labels = options.pinned && options.pinned.length > 0 ? rings.labels : renumberLabels(rings.labels)
  return { labels, linkage: null, minSize, maxSize }
}

/** Quality of a partition, as shown for every proposal. */
export interface PartitionQuality {
  rSquared: number
  withinSS: number
  totalSS: number
  /** Null when undefined (fewer than 2 or more than n − 1 non-empty groups). */
  silhouette: number | null
  silhouetteByGroup: (number | null)[]
  stability: { meanAdjustedRandIndex: number; replicates: number } | null
  /** Spread of the untransformed values per group. */
  spread: GroupSpread[]
}

/** Input of assessPartition. */
export interface AssessPartitionOptions {
  /** Standardised, weighted rows: R², silhouette and stability are computed here. */
  matrix: Points
  /** Untransformed values (same shape), for the per-group spread. */
  raw: Points
  columns: readonly string[]
  labels: ArrayLike<number>
  /** Re-clusters a bootstrap sample (same method, no hand constraints); absent = no stability check. */
  recluster?: (points: number[][]) => ArrayLike<number>
  replicates?: number
  seed?: number
}

/** R², silhouette, spread and (with `recluster`) bootstrap stability of a partition. */
export function assessPartition(options: AssessPartitionOptions): PartitionQuality {
  const { matrix, raw, columns, labels } = options
  const variance = computeExplainedVariance(matrix, labels)
  let silhouette: number | null = null
  let silhouetteByGroup: (number | null)[] = []
  const groups = new Set(Array.from(labels)).size
  if (groups >= 2 && groups <= matrix.length - 1) {
    const s = computeSilhouette(matrix, labels)
    silhouette = s.mean
    silhouetteByGroup = s.perGroup.map((v) => (Number.isNaN(v) ? null : v))
  }
  const replicates = options.replicates ?? 20
  const stability =
    options.recluster && replicates > 0 && matrix.length > 1
      ? {
          meanAdjustedRandIndex: assessBootstrapStability({
            points: matrix,
            labels,
            recluster: options.recluster,
            replicates,
            seed: options.seed ?? 1,
          }).meanAdjustedRandIndex,
          replicates,
        }
      : null
  return {
    rSquared: variance.rSquared,
    withinSS: variance.withinSS,
    totalSS: variance.totalSS,
    silhouette,
    silhouetteByGroup,
    stability,
    spread: computeGroupSpread({ points: raw, labels, columns }),
  }
}

/**
 * The re-clustering used for stability: the same method and k without hand constraints (a
 * bootstrap sample repeats organisations, so pins and pairs have no meaning there), with fewer
 * ring restarts to keep it quick.
 */
export function createRecluster(options: {
  method: PeerMethod
  k: number
  minSize?: number | null
  maxSize?: number | null
  seed?: number
}): (points: number[][]) => number[] {
  return (points) => {
    const ids = points.map((_, i) => String(i))
    return formPeerPartition({
      ids,
      matrix: points,
      method: options.method,
      k: options.k,
      minSize: options.minSize ?? undefined,
      maxSize: options.maxSize ?? undefined,
      seed: options.seed,
      restarts: 2,
    }).labels
  }
}
