/**
 * One entry point for a peer-group proposal: the method (Ward, Ward refined by k-means, bounded
 * rings) on a standardised matrix, and the quality of the result (R², silhouette, per-group spread
 * of the untransformed values, bootstrap stability). Used by the database path and by the CLI's
 * `peers form --input <csv>`, so both give the same answer for the same table.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { formBoundedRings } from './bounded-rings'
import { refineKMeans } from './kmeans'
import type { Points } from './matrix'
import {
  assessBootstrapStability,
  computeExplainedVariance,
  computeGroupSpread,
  computeSilhouette,
  runBootstrapReplicates,
  summariseBootstrap,
  type BootstrapInput,
  type BootstrapStability,
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
  if (matrix.length !== n)
    throw new AppError('invalid_input', message('peers.rowsForIds', { rows: matrix.length, ids: n }))
  if (!Number.isInteger(k) || k < 1)
    throw new AppError('invalid_input', message('peers.kPositive', { k: String(k) }))
  if (n === 0) throw new AppError('invalid_input', message('peers.noCompleteData'))
  if (method !== 'rings' && k > n)
    throw new AppError('infeasible', message('peers.groupsNeedOrganisations', { k, n }))
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
  /** sampleRows: rows drawn per replicate (n, or fewer for large n); standardError: of the mean. */
  stability: {
    meanAdjustedRandIndex: number
    replicates: number
    sampleRows: number
    standardError: number
  } | null
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
  /** Rows drawn per bootstrap replicate (default BOOTSTRAP_SAMPLE_ROWS). */
  bootstrapSampleRows?: number
  /** Bootstrap progress: called with 0 before the first replicate and after each one. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Rows drawn per bootstrap replicate when there are more: above this an m-out-of-n bootstrap keeps
 * 20 Ward replicates on 11,000 rows to about half a second of CPU (each costs about
 * (2,000/11,000)² ≈ 3 % of a full one); the standard error of the mean states its precision (0.003
 * on 11,000 random rows, where 2,000, 3,000 and 4,000 rows a replicate give means of 0.084, 0.079
 * and 0.083). Networks of job centres (a few hundred) are always resampled in full.
 */
export const BOOTSTRAP_SAMPLE_ROWS = 2000

/** R², silhouette, spread and (with `recluster`) bootstrap stability of a partition. */
export function assessPartition(options: AssessPartitionOptions): PartitionQuality {
  const quality = assessWithoutStability(options)
  const bootstrap = bootstrapOf(options)
  if (bootstrap) {
    quality.stability = describeStability(bootstrap, assessBootstrapStability(bootstrap))
  }
  return quality
}

/** A bootstrap as assessPartition runs it: the input with its replicates and rows per replicate settled. */
export type BootstrapPlan = BootstrapInput & { replicates: number; sampleRows: number }

/**
 * Runs the replicates of a plan and returns their adjusted Rand indices in replicate order,
 * calling `plan.onProgress` after each one (on this thread, or spread over worker threads).
 */
export type BootstrapRunner = (plan: BootstrapPlan) => Promise<number[]>

/**
 * The replicates one after another on this thread, awaiting `pause()` after each, so that a
 * server answers other requests (such as the progress of this one) while they run.
 */
export function runBootstrapWithPauses(pause: () => Promise<void>): BootstrapRunner {
  return async (plan) => {
    const indices: number[] = []
    for (const ari of runBootstrapReplicates(plan)) {
      indices.push(ari)
      await pause()
    }
    return indices
  }
}

/** assessPartition with the bootstrap left to `runBootstrap` (pauses for a server, or worker threads). */
export async function assessPartitionAsync(
  options: AssessPartitionOptions,
  runBootstrap: BootstrapRunner,
): Promise<PartitionQuality> {
  const bootstrap = bootstrapOf(options)
  // Started before R², silhouette and spread are computed here, so that a runner using worker
  // threads re-clusters while this thread does the rest.
  const stability = bootstrap ? runBootstrap(bootstrap) : null
  let quality: PartitionQuality
  try {
    quality = assessWithoutStability(options)
  } catch (error) {
    stability?.catch(() => undefined) // the input's error is the one to report
    throw error
  }
  if (bootstrap && stability)
    quality.stability = describeStability(bootstrap, summariseBootstrap(await stability))
  return quality
}

function describeStability(
  bootstrap: BootstrapPlan,
  result: BootstrapStability,
): NonNullable<PartitionQuality['stability']> {
  return {
    meanAdjustedRandIndex: result.meanAdjustedRandIndex,
    replicates: bootstrap.replicates,
    sampleRows: bootstrap.sampleRows,
    standardError: result.standardError,
  }
}

/** The bootstrap to run for `options`, or null when there is none (no recluster, 0 replicates, < 2 rows). */
function bootstrapOf(options: AssessPartitionOptions): BootstrapPlan | null {
  const replicates = options.replicates ?? 20
  if (!options.recluster || replicates <= 0 || options.matrix.length <= 1) return null
  options.onProgress?.(0, replicates)
  return {
    points: options.matrix,
    labels: options.labels,
    recluster: options.recluster,
    replicates,
    sampleRows: Math.min(options.matrix.length, options.bootstrapSampleRows ?? BOOTSTRAP_SAMPLE_ROWS),
    seed: options.seed ?? 1,
    onProgress: options.onProgress,
  }
}

function assessWithoutStability(options: AssessPartitionOptions): PartitionQuality {
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
  return {
    rSquared: variance.rSquared,
    withinSS: variance.withinSS,
    totalSS: variance.totalSS,
    silhouette,
    silhouetteByGroup,
    stability: null,
    spread: computeGroupSpread({ points: raw, labels, columns }),
  }
}

/** What createRecluster needs: plain data, so that a worker thread can build the same re-clustering. */
export interface ReclusterOptions {
  method: PeerMethod
  k: number
  minSize?: number | null
  maxSize?: number | null
  seed?: number
}

/**
 * The re-clustering used for stability: the same method and k without hand constraints (a
 * bootstrap sample repeats organisations, so pins and pairs have no meaning there), with fewer
 * ring restarts to keep it quick.
 */
export function createRecluster(options: ReclusterOptions): (points: number[][]) => number[] {
  return (points) => {
    if (options.method === 'ward') return clusterDistinctRows(points, options.k)
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

/**
 * Ward labels for rows that may repeat (a bootstrap sample): the distinct rows are clustered once,
 * each weighted by how often it occurs, which gives the same partition as clustering every copy
 * (copies merge at height 0 first) at about (distinct / n)² of the cost — 0.4 for a bootstrap
 * sample, where about 63 % of the rows are distinct. A copy is the same row object (a bootstrap
 * sample holds the row drawn, not a new array): that needs no key per row (turning 4,000 rows of
 * eight numbers into text took a fifth of a replicate), and equal rows that are different objects
 * are simply clustered as separate rows, as they would be among all copies. Labels are numbered
 * by first row, as cutTree does.
 */
export function clusterDistinctRows(points: ReadonlyArray<ArrayLike<number>>, k: number): number[] {
  const indexOfRow = new Map<ArrayLike<number>, number>()
  const distinct: ArrayLike<number>[] = []
  const weights: number[] = []
  const distinctOf = points.map((row) => {
    let index = indexOfRow.get(row)
    if (index === undefined) {
      index = distinct.length
      indexOfRow.set(row, index)
      distinct.push(row)
      weights.push(0)
    }
    weights[index]++
    return index
  })
  // More groups than distinct rows: only splitting copies apart reaches k, so cluster every copy.
  if (k > distinct.length) return cutTree(computeWardLinkage(points), k)
  const labels = cutTree(computeWardLinkage(distinct, { weights }), k)
  return renumberLabels(distinctOf.map((index) => labels[index]))
}
