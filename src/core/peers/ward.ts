/**
 * Ward hierarchical clustering with the nearest-neighbour-chain algorithm.
 *
 * Why the centroid formulation: Ward's merge cost between clusters A and B is
 *   Δ(A, B) = |A||B| / (|A| + |B|) · ‖c_A − c_B‖²
 * (the increase of the within-cluster sum of squares), which is exactly what the Lance–Williams
 * recurrence yields for Ward on squared Euclidean distances. Computing it from centroids and
 * sizes needs O(n·d) memory instead of an n×n distance matrix (≈ 1 GB for n = 11,000), and one
 * nearest-neighbour scan is a tight loop over a contiguous Float64Array.
 *
 * Ward is reducible, so the nearest-neighbour chain finds the same merges as the greedy
 * algorithm (for distinct distances) in O(n²·d) time. No distance is stored: every scan computes
 * the costs from the flat centroid array on the fly, without allocating, and the active clusters
 * are kept compact in the first slots. The heights equal fastcluster's
 * `linkage_vector(X, method='ward')` (the bench compares them on 11,000 and 30,000 rows). Output follows scipy's linkage matrix:
 * rows [a, b, height, size] sorted by height, new clusters labelled n, n+1, …, a < b, and
 * height = sqrt(2·Δ) (scipy/scikit-learn's Ward distance: the plain Euclidean distance for two
 * single points).
 */
import { AppError } from '../errors/app-error'
import { flattenPoints, type Points } from './matrix'
import { message } from '../messages/text'

/** One merge: clusters a < b (ids as in scipy), merge height, size of the new cluster. */
export type LinkageRow = [a: number, b: number, height: number, size: number]

/**
 * Ward linkage (scipy layout, n − 1 rows sorted by height) of the rows of `points`. With
 * `weights`, row i stands for weights[i] identical points (a positive whole number): the result
 * is the linkage of the expanded data after its zero-height merges of the copies, which lets a
 * bootstrap sample be clustered on its distinct rows only. Sizes in the result count copies.
 */
export function computeWardLinkage(
  points: Points,
  options: { weights?: ArrayLike<number> } = {},
): LinkageRow[] {
  const { data, rows: n, cols: d } = flattenPoints(points)
  if (n === 0) return []
  const { weights } = options
  if (weights && weights.length !== n)
    throw new AppError('invalid_input', message('peers.weightsPerRow', { weights: weights.length, rows: n }))

  // Active clusters live in slots 0..active−1; removing one moves the last slot into its place,
  // so every scan runs over a dense block. ids are stable (leaf i = id i, merges get n, n+1, …).
  const centroid = data // reused in place: slot i starts as point i
  const size = new Float64Array(n).fill(1)
  const inverseSize = new Float64Array(n).fill(1) // 1/size, so the scan needs no division
  if (weights) {
    for (let i = 0; i < n; i++) {
      const weight = weights[i]
      if (!Number.isInteger(weight) || weight < 1)
        throw new AppError('invalid_input', message('peers.wardWeight', { row: i, weight: String(weight) }))
      size[i] = weight
      inverseSize[i] = 1 / weight
    }
  }
  const leafSize = Float64Array.from(size)
  const slotOfId = new Int32Array(2 * n).fill(-1)
  const idOfSlot = new Int32Array(n)
  const leafOfSlot = new Int32Array(n) // any leaf inside the cluster, for the scipy relabelling
  for (let i = 0; i < n; i++) {
    slotOfId[i] = i
    idOfSlot[i] = i
    leafOfSlot[i] = i
  }
  let active = n
  let nextId = n

  const mergeA = new Int32Array(n - 1)
  const mergeB = new Int32Array(n - 1)
  const mergeDelta = new Float64Array(n - 1)
  let merges = 0

  const chain = new Int32Array(n) // slots are unstable, so the chain holds ids
  let chainLength = 0

  while (active > 1) {
    if (chainLength === 0) chain[chainLength++] = idOfSlot[0]
    let top = 0
    let previous = -1
    for (;;) {
      top = chain[chainLength - 1]
      previous = chainLength >= 2 ? chain[chainLength - 2] : -1
      const topSlot = slotOfId[top]
      // Start from the previous chain element so that ties keep the chain (needed for termination);
      // otherwise the first slot with the smallest cost wins.
      const bestSlot = findNearestSlot(
        centroid,
        inverseSize,
        d,
        active,
        topSlot,
        previous >= 0 ? slotOfId[previous] : -1,
      )
      const nearest = idOfSlot[bestSlot]
      if (nearest === previous) break
      chain[chainLength++] = nearest
    }

    // top and previous are reciprocal nearest neighbours: merge them into previous's slot.
    chainLength -= 2
    const slotA = slotOfId[previous]
    const slotB = slotOfId[top]
    const sizeA = size[slotA]
    const sizeB = size[slotB]
    let sum = 0
    for (let j = 0; j < d; j++) {
      const diff = centroid[slotA * d + j] - centroid[slotB * d + j]
      sum += diff * diff
      centroid[slotA * d + j] =
        (sizeA * centroid[slotA * d + j] + sizeB * centroid[slotB * d + j]) / (sizeA + sizeB)
    }
    mergeA[merges] = leafOfSlot[slotA]
    mergeB[merges] = leafOfSlot[slotB]
    mergeDelta[merges] = ((sizeA * sizeB) / (sizeA + sizeB)) * sum
    merges++
    size[slotA] = sizeA + sizeB
    inverseSize[slotA] = 1 / (sizeA + sizeB)
    slotOfId[previous] = -1
    slotOfId[top] = -1
    idOfSlot[slotA] = nextId
    slotOfId[nextId] = slotA
    nextId++

    // Remove slotB by moving the last active slot into it.
    const last = active - 1
    if (slotB !== last) {
      for (let j = 0; j < d; j++) centroid[slotB * d + j] = centroid[last * d + j]
      size[slotB] = size[last]
      inverseSize[slotB] = inverseSize[last]
      leafOfSlot[slotB] = leafOfSlot[last]
      idOfSlot[slotB] = idOfSlot[last]
      slotOfId[idOfSlot[slotB]] = slotB
    }
    active--
  }

  return relabelLikeScipy({ n, mergeA, mergeB, mergeDelta, leafSize })
}

/**
 * The active slot with the smallest Ward cost to `topSlot` (never `topSlot` itself). The test
 * na·nb/(na + nb)·‖Δc‖² < best is rearranged to ‖Δc‖² < best/na + best/nb with 1/size kept per
 * slot, so the loop needs no division; the squared distance is summed four coordinates at a time
 * and abandoned as soon as it reaches that limit (most candidates are rejected after four). A
 * candidate must be strictly cheaper to replace the best, so ties go to `startSlot` (the previous
 * chain element, which the chain needs to terminate), then to the lowest slot.
 */
function findNearestSlot(
  centroid: Float64Array,
  inverseSize: Float64Array,
  d: number,
  active: number,
  topSlot: number,
  startSlot: number,
): number {
  const t = topSlot * d
  const inverseTop = inverseSize[topSlot]
  let bestSlot = -1
  let best = Infinity
  if (startSlot >= 0) {
    best = wardCost(centroid, t, startSlot * d, d, inverseTop, inverseSize[startSlot])
    bestSlot = startSlot
  }
  let bestOverTop = best * inverseTop
  // The first four coordinates of the top are held in locals (d ≥ 4; zeros and unused otherwise).
  const head = d >= 4 ? 4 : 0
  const t0 = head > 0 ? centroid[t] : 0
  const t1 = head > 0 ? centroid[t + 1] : 0
  const t2 = head > 0 ? centroid[t + 2] : 0
  const t3 = head > 0 ? centroid[t + 3] : 0
  // Split around topSlot instead of testing s !== topSlot for every candidate.
  for (let part = 0; part < 2; part++) {
    const from = part === 0 ? 0 : topSlot + 1
    const to = part === 0 ? topSlot : active
    for (let s = from, o = from * d; s < to; s++, o += d) {
      const limit = bestOverTop + best * inverseSize[s]
      let sum = 0
      if (head > 0) {
        const d0 = centroid[o] - t0
        const d1 = centroid[o + 1] - t1
        const d2 = centroid[o + 2] - t2
        const d3 = centroid[o + 3] - t3
        sum = d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3
        if (sum >= limit) continue
      }
      for (let j = head; j < d; j++) {
        const diff = centroid[o + j] - centroid[t + j]
        sum += diff * diff
      }
      if (sum < limit) {
        best = sum / (inverseTop + inverseSize[s])
        bestOverTop = best * inverseTop
        bestSlot = s
      }
    }
  }
  return bestSlot
}

/** Ward cost ‖ca − cb‖² / (1/na + 1/nb) between the centroids at offsets a and b. */
function wardCost(
  centroid: Float64Array,
  a: number,
  b: number,
  d: number,
  inverseA: number,
  inverseB: number,
): number {
  let sum = 0
  for (let j = 0; j < d; j++) {
    const diff = centroid[a + j] - centroid[b + j]
    sum += diff * diff
  }
  return sum / (inverseA + inverseB)
}

/** Sorts merges by height (stable, like scipy) and renames clusters n, n+1, … in that order. */
function relabelLikeScipy(input: {
  n: number
  mergeA: Int32Array
  mergeB: Int32Array
  mergeDelta: Float64Array
  leafSize: Float64Array
}): LinkageRow[] {
  const { n, mergeA, mergeB, mergeDelta, leafSize } = input
  const order = Array.from({ length: n - 1 }, (_, i) => i)
  order.sort((x, y) => mergeDelta[x] - mergeDelta[y] || x - y)
  // Union–find over 2n − 1 ids: parent[id] = id of the cluster that absorbed it.
  const parent = new Int32Array(2 * n - 1).fill(-1)
  const clusterSize = new Float64Array(2 * n - 1)
  clusterSize.set(leafSize)
  const find = (x: number): number => {
    let root = x
    while (parent[root] >= 0) root = parent[root]
    while (parent[x] >= 0) {
      const next = parent[x]
      parent[x] = root
      x = next
    }
    return root
  }
  return order.map((m, i) => {
    const a = find(mergeA[m])
    const b = find(mergeB[m])
    const id = n + i
    parent[a] = id
    parent[b] = id
    clusterSize[id] = clusterSize[a] + clusterSize[b]
    return [Math.min(a, b), Math.max(a, b), Math.sqrt(2 * mergeDelta[m]), clusterSize[id]] as LinkageRow
  })
}

/**
 * Cuts a linkage into k clusters (undoing the last k − 1 merges, as scikit-learn does).
 * Labels 0..k−1 are numbered in order of each cluster's first point (point 0 is in cluster 0).
 */
export function cutTree(linkage: readonly LinkageRow[], k: number): number[] {
  const n = linkage.length + 1
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new AppError('invalid_input', message('peers.cannotCut', { n, k }))
  }
  const parent = new Int32Array(2 * n - 1).fill(-1)
  for (let i = 0; i < n - k; i++) {
    const [a, b] = linkage[i]
    parent[a] = n + i
    parent[b] = n + i
  }
  const labelOfRoot = new Map<number, number>()
  const labels = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    let root = i
    while (parent[root] >= 0) root = parent[root]
    let label = labelOfRoot.get(root)
    if (label === undefined) {
      label = labelOfRoot.size
      labelOfRoot.set(root, label)
    }
    labels[i] = label
  }
  return labels
}

/** Ward clustering into k clusters: linkage plus labels (convenience for computeWardLinkage + cutTree). */
export function clusterWard(points: Points, k: number): { linkage: LinkageRow[]; labels: number[] } {
  const linkage = computeWardLinkage(points)
  return { linkage, labels: cutTree(linkage, k) }
}
