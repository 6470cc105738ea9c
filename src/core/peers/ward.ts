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
 * algorithm (for distinct distances) in O(n²·d) time. Output follows scipy's linkage matrix:
 * rows [a, b, height, size] sorted by height, new clusters labelled n, n+1, …, a < b, and
 * height = sqrt(2·Δ) (scipy/scikit-learn's Ward distance: the plain Euclidean distance for two
 * single points).
 */
import { AppError } from '../errors/app-error'
import { flattenPoints, type Points } from './matrix'

/** One merge: clusters a < b (ids as in scipy), merge height, size of the new cluster. */
export type LinkageRow = [a: number, b: number, height: number, size: number]

/** Ward linkage (scipy layout, n − 1 rows sorted by height) of the rows of `points`. */
export function computeWardLinkage(points: Points): LinkageRow[] {
  const { data, rows: n, cols: d } = flattenPoints(points)
  if (n === 0) return []

  // Active clusters live in slots 0..active−1; removing one moves the last slot into its place,
  // so every scan runs over a dense block. ids are stable (leaf i = id i, merges get n, n+1, …).
  const centroid = data // reused in place: slot i starts as point i
  const size = new Float64Array(n).fill(1)
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
      const topSize = size[topSlot]
      const topOffset = topSlot * d
      // Start from the previous chain element so that ties keep the chain (needed for termination).
      let bestSlot = -1
      let best = Infinity
      if (previous >= 0) {
        const s = slotOfId[previous]
        let sum = 0
        for (let j = 0, o = s * d; j < d; j++) {
          const diff = centroid[o + j] - centroid[topOffset + j]
          sum += diff * diff
        }
        best = ((topSize * size[s]) / (topSize + size[s])) * sum
        bestSlot = s
      }
      for (let s = 0; s < active; s++) {
        if (s === topSlot) continue
        const otherSize = size[s]
        const factor = (topSize * otherSize) / (topSize + otherSize)
        // Lower bound check: skip the full scan once partial sums already exceed the best.
        const limit = best / factor
        let sum = 0
        const o = s * d
        let j = 0
        // Stop early once the partial sum already exceeds the best (checked every 4 dimensions,
        // because checking after each one costs more than it saves for small d).
        while (j < d && sum < limit) {
          const stop = j + 4 < d ? j + 4 : d
          for (; j < stop; j++) {
            const diff = centroid[o + j] - centroid[topOffset + j]
            sum += diff * diff
          }
        }
        if (sum < limit) {
          best = factor * sum
          bestSlot = s
        }
      }
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
      leafOfSlot[slotB] = leafOfSlot[last]
      idOfSlot[slotB] = idOfSlot[last]
      slotOfId[idOfSlot[slotB]] = slotB
    }
    active--
  }

  return relabelLikeScipy({ n, mergeA, mergeB, mergeDelta })
}

/** Sorts merges by height (stable, like scipy) and renames clusters n, n+1, … in that order. */
function relabelLikeScipy(input: {
  n: number
  mergeA: Int32Array
  mergeB: Int32Array
  mergeDelta: Float64Array
}): LinkageRow[] {
  const { n, mergeA, mergeB, mergeDelta } = input
  const order = Array.from({ length: n - 1 }, (_, i) => i)
  order.sort((x, y) => mergeDelta[x] - mergeDelta[y] || x - y)
  // Union–find over 2n − 1 ids: parent[id] = id of the cluster that absorbed it.
  const parent = new Int32Array(2 * n - 1).fill(-1)
  const clusterSize = new Float64Array(2 * n - 1).fill(1)
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
    throw new AppError('invalid_input', `cannot cut ${n} points into ${k} clusters`)
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
