/**
 * How good is a partition into peer groups or rings? Shares of variance, silhouettes, the spread
 * of each indicator within each group, agreement between two partitions (adjusted Rand index and
 * who moved where) and stability under bootstrap resampling. Distances are Euclidean on the
 * matrix given (normally the standardised, weighted one); standard deviations are population sds
 * (divide by n), consistent with the standardisation in transform.ts.
 */
import { message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { createRandom, drawInteger } from '../random'
import { computeGroupMeans, countGroups, flattenPoints, squaredDistance, type Points } from './matrix'

/** Sums of squares of a partition and the share of variance it explains. */
export interface ExplainedVariance {
  totalSS: number
  withinSS: number
  betweenSS: number
  /** 1 − within / total: share of the variance explained by the partition. */
  rSquared: number
}

function checkLabels(rows: number, labels: ArrayLike<number>): number {
  if (labels.length !== rows)
    throw new AppError('invalid_input', message('peers.labelsForRows', { labels: labels.length, rows }))
  return countGroups(labels)
}

/** R² of a partition: 1 − within-group sum of squares / total sum of squares. */
export function computeExplainedVariance(points: Points, labels: ArrayLike<number>): ExplainedVariance {
  const matrix = flattenPoints(points)
  const k = checkLabels(matrix.rows, labels)
  const { means } = computeGroupMeans(matrix, labels, k)
  const overall = computeGroupMeans(matrix, new Int32Array(matrix.rows), 1).means
  let totalSS = 0
  let withinSS = 0
  for (let i = 0; i < matrix.rows; i++) {
    totalSS += squaredDistance(matrix.data, i, overall, 0, matrix.cols)
    withinSS += squaredDistance(matrix.data, i, means, labels[i], matrix.cols)
  }
  return {
    totalSS,
    withinSS,
    betweenSS: totalSS - withinSS,
    rSquared: totalSS > 0 ? 1 - withinSS / totalSS : 0,
  }
}

/** Silhouette widths: mean, per group and per point. */
export interface Silhouette {
  /** Mean over all points (as scikit-learn's silhouette_score). */
  mean: number
  /** Mean per group (NaN for an empty label). */
  perGroup: number[]
  perPoint: number[]
}

/** Silhouette widths (Euclidean); a point alone in its group scores 0, as in scikit-learn. */
export function computeSilhouette(points: Points, labels: ArrayLike<number>): Silhouette {
  const { data, rows: n, cols } = flattenPoints(points)
  const k = checkLabels(n, labels)
  const sizes = new Int32Array(k)
  for (let i = 0; i < n; i++) sizes[labels[i]]++
  const nonEmpty = Array.from(sizes).filter((s) => s > 0).length
  if (nonEmpty < 2 || nonEmpty > n - 1) {
    throw new AppError('invalid_input', message('peers.silhouetteGroups', { groups: nonEmpty, n }))
  }
  // Each pair's distance is computed once and added to both sides: sumTo[i·k + g] is the sum of
  // distances from point i to the points of group g (an n × k table, not n × n).
  const sumTo = new Float64Array(n * k)
  for (let i = 0; i < n; i++) {
    const rowI = i * k
    const labelI = labels[i]
    for (let o = i + 1; o < n; o++) {
      const distance = Math.sqrt(squaredDistance(data, i, data, o, cols))
      sumTo[rowI + labels[o]] += distance
      sumTo[o * k + labelI] += distance
    }
  }
  const perPoint = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const own = labels[i]
    if (sizes[own] === 1) {
      perPoint[i] = 0
      continue
    }
    const a = sumTo[i * k + own] / (sizes[own] - 1)
    let b = Infinity
    for (let g = 0; g < k; g++) if (g !== own && sizes[g] > 0) b = Math.min(b, sumTo[i * k + g] / sizes[g])
    perPoint[i] = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0
  }
  const groupSum = new Float64Array(k)
  perPoint.forEach((s, i) => (groupSum[labels[i]] += s))
  return {
    mean: perPoint.reduce((s, v) => s + v, 0) / n,
    perGroup: Array.from(groupSum, (s, g) => (sizes[g] > 0 ? s / sizes[g] : Number.NaN)),
    perPoint,
  }
}

/** Spread of one column within one group. */
export interface ColumnSpread {
  column: string
  mean: number
  sd: number
  min: number
  max: number
}

/** Spread of every column within one group. */
export interface GroupSpread {
  group: number
  size: number
  columns: ColumnSpread[]
}

/** Mean, population sd, min and max of every column within every group (e.g. raw indicator values per ring). */
export function computeGroupSpread(input: {
  points: Points
  labels: ArrayLike<number>
  columns: readonly string[]
}): GroupSpread[] {
  const matrix = flattenPoints(input.points)
  const k = checkLabels(matrix.rows, input.labels)
  if (matrix.rows > 0 && input.columns.length !== matrix.cols) {
    throw new AppError(
      'invalid_input',
      message('peers.columnsForNames', { columns: matrix.cols, names: input.columns.length }),
    )
  }
  const { means, sizes } = computeGroupMeans(matrix, input.labels, k)
  return Array.from({ length: k }, (_, g) => ({
    group: g,
    size: sizes[g],
    columns: input.columns.map((column, j) => {
      let ss = 0
      let min = Infinity
      let max = -Infinity
      for (let i = 0; i < matrix.rows; i++) {
        if (input.labels[i] !== g) continue
        const v = matrix.data[i * matrix.cols + j]
        ss += (v - means[g * matrix.cols + j]) ** 2
        min = Math.min(min, v)
        max = Math.max(max, v)
      }
      return {
        column,
        mean: sizes[g] > 0 ? means[g * matrix.cols + j] : Number.NaN,
        sd: sizes[g] > 0 ? Math.sqrt(ss / sizes[g]) : Number.NaN,
        min: sizes[g] > 0 ? min : Number.NaN,
        max: sizes[g] > 0 ? max : Number.NaN,
      }
    }),
  }))
}

const pairs = (x: number) => (x * (x - 1)) / 2

/** Contingency table of two labelings (rows: groups of a, columns: groups of b). */
function buildContingency(a: ArrayLike<number>, b: ArrayLike<number>): number[][] {
  if (a.length !== b.length)
    throw new AppError('invalid_input', message('peers.partitionSizes', { a: a.length, b: b.length }))
  const ka = countGroups(a)
  const kb = countGroups(b)
  const table = Array.from({ length: ka }, () => new Array<number>(kb).fill(0))
  for (let i = 0; i < a.length; i++) table[a[i]][b[i]]++
  return table
}

/** Adjusted Rand index (Hubert & Arabie): 1 = identical partitions up to renaming, ≈ 0 = chance. */
export function computeAdjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const table = buildContingency(a, b)
  const n = a.length
  let index = 0
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0))
  const colSums = table.length > 0 ? table[0].map((_, j) => table.reduce((s, row) => s + row[j], 0)) : []
  for (const row of table) for (const v of row) index += pairs(v)
  const sumA = rowSums.reduce((s, v) => s + pairs(v), 0)
  const sumB = colSums.reduce((s, v) => s + pairs(v), 0)
  const expected = n > 1 ? (sumA * sumB) / pairs(n) : 0
  const maximum = (sumA + sumB) / 2
  // Both partitions trivial in the same way (all in one group, or all apart): a perfect match.
  if (maximum === expected) return 1
  return (index - expected) / (maximum - expected)
}

/** One member that changed group between two partitions. */
export interface PartitionMove {
  id: string
  from: number
  to: number
}

/** Agreement of two partitions and the members that moved. */
export interface PartitionComparison {
  adjustedRandIndex: number
  /** For each group of `after`: the group of `before` it was matched to (−1 if none). */
  matchedBefore: number[]
  /** Members whose `after` group is not the match of their `before` group. */
  moves: PartitionMove[]
  contingency: number[][]
}

/**
 * Compares two partitions of the same ids. Groups are matched one-to-one by largest overlap
 * (greedy, ties to lower numbers), so renumbered but otherwise equal groups show no moves.
 */
export function comparePartitions(input: {
  ids: readonly string[]
  before: ArrayLike<number>
  after: ArrayLike<number>
}): PartitionComparison {
  const { ids, before, after } = input
  if (ids.length !== before.length)
    throw new AppError(
      'invalid_input',
      message('peers.labelsForRows', { labels: before.length, rows: ids.length }),
    )
  const contingency = buildContingency(before, after)
  const cells: [number, number, number][] = []
  contingency.forEach((row, i) => row.forEach((v, j) => v > 0 && cells.push([v, i, j])))
  cells.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
  const kb = contingency.length > 0 ? contingency[0].length : 0
  const matchedBefore = new Array<number>(kb).fill(-1)
  const usedBefore = new Set<number>()
  for (const [, i, j] of cells) {
    if (matchedBefore[j] >= 0 || usedBefore.has(i)) continue
    matchedBefore[j] = i
    usedBefore.add(i)
  }
  const moves: PartitionMove[] = []
  ids.forEach((id, index) => {
    if (matchedBefore[after[index]] !== before[index])
      moves.push({ id, from: before[index], to: after[index] })
  })
  return { adjustedRandIndex: computeAdjustedRandIndex(before, after), matchedBefore, moves, contingency }
}

/** Result of assessBootstrapStability. */
export interface BootstrapStability {
  /** Mean adjusted Rand index between the original labels and the re-clustering, over replicates. */
  meanAdjustedRandIndex: number
  /** Standard error of that mean (sd of the replicates / √replicates; 0 for one replicate). */
  standardError: number
  adjustedRandIndices: number[]
}

/** Input of assessBootstrapStability and runBootstrapReplicates. */
export interface BootstrapInput {
  points: Points
  labels: ArrayLike<number>
  /** Re-clusters one sample; rows drawn more than once appear as separate, equal rows. */
  recluster: (points: number[][]) => ArrayLike<number>
  replicates?: number
  seed?: number
  /**
   * Rows drawn per replicate (default: all n). Fewer make an m-out-of-n bootstrap: each replicate
   * costs about (m/n)² of a full one for Ward, and the standard error states the precision.
   */
  sampleRows?: number
  /** Called after each replicate with the number done and the total. */
  onProgress?: (done: number, total: number) => void
}

/** The rows drawn for each replicate of a bootstrap: what runBootstrapReplicates re-clusters. */
export function drawBootstrapSamples(input: {
  rows: number
  replicates: number
  sampleRows?: number
  seed?: number
}): Int32Array[] {
  const { rows: n, replicates } = input
  const random = createRandom(input.seed ?? 1)
  const sampleRows = Math.min(n, input.sampleRows ?? n)
  if (!Number.isInteger(sampleRows) || sampleRows < 1)
    throw new AppError(
      'invalid_input',
      message('peers.sampleRowsPositive', { value: String(input.sampleRows) }),
    )
  // Drawn in replicate order from one seeded stream, so the samples do not depend on who
  // re-clusters them (this thread or workers) nor on the order the re-clusterings finish.
  return Array.from({ length: replicates }, () => {
    const drawn = new Int32Array(sampleRows)
    for (let i = 0; i < sampleRows; i++) drawn[i] = drawInteger(random, n)
    return drawn
  })
}

/** Adjusted Rand index between the original labels of the drawn rows and their re-clustering. */
export function scoreBootstrapReplicate(
  labels: ArrayLike<number>,
  drawn: ArrayLike<number>,
  relabelled: ArrayLike<number>,
): number {
  if (relabelled.length !== drawn.length)
    throw new AppError(
      'invalid_input',
      message('peers.labelsForRows', { labels: relabelled.length, rows: drawn.length }),
    )
  return computeAdjustedRandIndex(
    Array.from(drawn, (i) => labels[i]),
    relabelled,
  )
}

/**
 * The bootstrap one replicate at a time: B times, draw n (or `sampleRows`) rows with replacement (seeded),
 * re-cluster them with `recluster`, and yield the adjusted Rand index between the original labels
 * of the drawn rows and the new ones. A generator, so that an asynchronous caller can give the
 * event loop a turn between replicates (and report progress) without a second copy of the loop.
 */
export function* runBootstrapReplicates(input: BootstrapInput): Generator<number, void, void> {
  const { points, labels, recluster } = input
  const n = points.length
  checkLabels(n, labels)
  const replicates = input.replicates ?? 50
  const samples = drawBootstrapSamples({
    rows: n,
    replicates,
    sampleRows: input.sampleRows,
    seed: input.seed,
  })
  const rows = points.map((row) => Array.from(row))
  for (let b = 0; b < replicates; b++) {
    const drawn = samples[b]
    const ari = scoreBootstrapReplicate(labels, drawn, recluster(Array.from(drawn, (i) => rows[i])))
    input.onProgress?.(b + 1, replicates)
    yield ari
  }
}

/** Mean adjusted Rand index over the replicates of runBootstrapReplicates. */
export function summariseBootstrap(adjustedRandIndices: number[]): BootstrapStability {
  const count = adjustedRandIndices.length
  const mean = adjustedRandIndices.reduce((s, v) => s + v, 0) / Math.max(1, count)
  const variance = count > 1 ? adjustedRandIndices.reduce((s, v) => s + (v - mean) ** 2, 0) / (count - 1) : 0
  return {
    meanAdjustedRandIndex: mean,
    standardError: Math.sqrt(variance / Math.max(1, count)),
    adjustedRandIndices,
  }
}

/** Stability under bootstrap (runBootstrapReplicates run to the end). */
export function assessBootstrapStability(input: BootstrapInput): BootstrapStability {
  return summariseBootstrap([...runBootstrapReplicates(input)])
}
