/**
 * Ward hierarchical clustering with Müllner's generic algorithm and block-pruned neighbour scans.
 *
 * Why the centroid formulation: Ward's merge cost between clusters A and B is
 *   Δ(A, B) = |A||B| / (|A| + |B|) · ‖c_A − c_B‖²
 * (the increase of the within-cluster sum of squares), which is exactly what the Lance–Williams
 * recurrence yields for Ward on squared Euclidean distances. Computing it from centroids and
 * sizes needs O(n·d) memory instead of an n×n distance matrix (≈ 1 GB for n = 11,000); no
 * distance is stored, every cost is computed from the flat centroid array when needed.
 *
 * Why the generic algorithm (D. Müllner, "Modern hierarchical, agglomerative clustering
 * algorithms", arXiv:1109.2378): every cluster in slot j keeps a candidate neighbour among the
 * slots above j and a lower bound of its cost in a heap. Ward is reducible (Δ(C, A ∪ B) ≥
 * min(Δ(C, A), Δ(C, B)) when A, B is the cheapest pair), so after a merge the bounds of the
 * clusters that pointed at A or B stay valid and are refreshed only when they reach the top of
 * the heap; the merged cluster takes the lower slot and scans the slots above it. That needs
 * ≈ 1.2 n² candidates against the nearest-neighbour chain's ≈ 1.5 n². Most of them are skipped:
 * the rows are first put in k-d order (median splits on the widest coordinate) so that blocks of
 * 128 consecutive slots are compact boxes, and a scan skips every block whose box is farther
 * than the best cost found so far allows (only ≈ 0.4 n² candidates remain at 11,000 × 8). The
 * box of the merged cluster's block grows to hold the new centroid, and the slots are compacted
 * (order kept) once a fifth of them are empty.
 *
 * Ties: the heap takes the lowest slot among equal bounds and a scan the lowest slot among equal
 * costs, so the first pair in slot order wins, as in the greedy O(n³) algorithm. Slot order is
 * row order up to 128 rows (one block, no reordering) and the k-d order above.
 *
 * Measured at 11,000 × 8 (docs/benchmarks.md): 0.34 s in one process against 0.97 s for the
 * chain and 0.72 s for fastcluster's `linkage_vector(X, method='ward')` (warm, load 3); as the
 * first call in `npm run bench -- peers` 0.36–1.11 s against fastcluster's 0.52–1.10 s in the same
 * runs (0.41–1.46×, nine runs at load 3.6–7.1); heights identical.
 *
 * Output follows scipy's linkage matrix: rows [a, b, height, size] sorted by height, new clusters
 * labelled n, n+1, …, a < b, and height = sqrt(2·Δ) (scipy/scikit-learn's Ward distance: the
 * plain Euclidean distance for two single points).
 */
import { AppError } from '../errors/app-error'
import { flattenPoints, type Points } from './matrix'
import { message } from '../messages/text'

/** One merge: clusters a < b (ids as in scipy), merge height, size of the new cluster. */
export type LinkageRow = [a: number, b: number, height: number, size: number]

/** Slots per block: large enough that the boxes cost little per scan, small enough to prune. */
const DEFAULT_BLOCK_SIZE = 128
/** Compact the slots when the empty ones exceed this share of the live ones. */
const HOLES_PER_LIVE_SLOT = 0.25

/**
 * Ward linkage (scipy layout, n − 1 rows sorted by height) of the rows of `points`. With
 * `weights`, row i stands for weights[i] identical points (a positive whole number): the result
 * is the linkage of the expanded data after its zero-height merges of the copies, which lets a
 * bootstrap sample be clustered on its distinct rows only. Sizes in the result count copies.
 * `blockSize` (slots per pruning block, default 128) changes only the speed; tests make it small
 * so that a few hundred rows already span many blocks.
 */
export function computeWardLinkage(
  points: Points,
  options: { weights?: ArrayLike<number>; blockSize?: number } = {},
): LinkageRow[] {
  const { data, rows: n, cols: d } = flattenPoints(points)
  if (n === 0) return []
  const { weights, blockSize: requested } = options
  const blockSize =
    requested !== undefined && Number.isInteger(requested) && requested >= 1 ? requested : DEFAULT_BLOCK_SIZE
  if (weights && weights.length !== n)
    throw new AppError('invalid_input', message('peers.weightsPerRow', { weights: weights.length, rows: n }))
  const leafSize = new Float64Array(n).fill(1)
  if (weights) {
    for (let i = 0; i < n; i++) {
      const weight = weights[i]
      if (!Number.isInteger(weight) || weight < 1)
        throw new AppError('invalid_input', message('peers.wardWeight', { row: i, weight: String(weight) }))
      leafSize[i] = weight
    }
  }

  const space = new ClusterSpace(data, leafSize, d, orderInBlocks(data, n, d, blockSize), blockSize)
  const { centroid, size, inverseSize, leafOfSlot } = space
  // Per slot: candidate neighbour above it, lower bound of the cost to any live slot above it,
  // and the version of the candidate's slot when the bound was exact (a merge bumps it).
  const nearest = new Int32Array(n)
  const bound = new Float64Array(n)
  const seenVersion = new Int32Array(n)
  const version = new Int32Array(n)
  const heap = new SlotHeap(n, bound)
  for (let j = 0; j + 1 < n; j++) {
    nearest[j] = space.findNearestAbove(j)
    bound[j] = space.bestCost
  }
  heap.build(n - 1)
  /** A new exact candidate and bound for `slot` from a scan of the slots above it. */
  const refresh = (slot: number): void => {
    const found = space.findNearestAbove(slot)
    if (found < 0) heap.remove(slot)
    else {
      nearest[slot] = found
      seenVersion[slot] = version[found]
      bound[slot] = space.bestCost
      heap.update(slot)
    }
  }

  const mergeA = new Int32Array(n - 1)
  const mergeB = new Int32Array(n - 1)
  const mergeDelta = new Float64Array(n - 1)
  let live = n
  for (let merge = 0; merge < n - 1; merge++) {
    // The top's bound is the smallest; once it is exact, its pair is the cheapest of all.
    let a = heap.top()
    while (version[nearest[a]] !== seenVersion[a]) {
      refresh(a)
      a = heap.top()
    }
    const b = nearest[a]

    // Merge b into a's slot (the lower one) and leave b's slot empty.
    const sizeA = size[a]
    const sizeB = size[b]
    let sum = 0
    for (let j = 0; j < d; j++) {
      const diff = centroid[a * d + j] - centroid[b * d + j]
      sum += diff * diff
      centroid[a * d + j] = (sizeA * centroid[a * d + j] + sizeB * centroid[b * d + j]) / (sizeA + sizeB)
    }
    mergeA[merge] = leafOfSlot[a]
    mergeB[merge] = leafOfSlot[b]
    mergeDelta[merge] = ((sizeA * sizeB) / (sizeA + sizeB)) * sum
    size[a] = sizeA + sizeB
    inverseSize[a] = 1 / (sizeA + sizeB)
    space.growBox(a)
    space.empty(b)
    version[a]++
    version[b]++
    heap.remove(b)
    live--
    refresh(a)

    if (space.slots - live > HOLES_PER_LIVE_SLOT * live) {
      // Versions restart at 0; a stale bound stays stale (−1 never matches a version).
      for (let j = 0; j < space.slots; j++) {
        if (heap.has(j)) seenVersion[j] = version[nearest[j]] === seenVersion[j] ? 0 : -1
      }
      const newSlot = space.compact((from, to) => {
        nearest[to] = nearest[from]
        bound[to] = bound[from]
        seenVersion[to] = seenVersion[from]
      })
      heap.rename(newSlot)
      for (let p = 0; p < heap.size; p++) {
        const j = heap.slotAt(p)
        nearest[j] = seenVersion[j] < 0 ? 0 : newSlot[nearest[j]]
      }
      version.fill(0)
    }
  }

  return relabelLikeScipy({ n, mergeA, mergeB, mergeDelta, leafSize })
}

/**
 * Row order for the slots: k-d order (split at a multiple of blockSize near the median of the
 * widest coordinate, recursively) so that every block of blockSize slots is a compact box.
 * Up to blockSize rows the order is the row order.
 */
function orderInBlocks(data: Float64Array, n: number, d: number, blockSize: number): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  const key = new Float64Array(n) // key[i]: the split coordinate of row order[i]
  const split = (from: number, to: number): void => {
    if (to - from <= blockSize || d === 0) return
    let widest = 0
    let widestRange = -1
    for (let j = 0; j < d; j++) {
      let low = Infinity
      let high = -Infinity
      for (let i = from; i < to; i++) {
        const value = data[order[i] * d + j]
        if (value < low) low = value
        if (value > high) high = value
      }
      if (high - low > widestRange) {
        widestRange = high - low
        widest = j
      }
    }
    for (let i = from; i < to; i++) key[i] = data[order[i] * d + widest]
    const middle = from + Math.ceil((to - from) / 2 / blockSize) * blockSize
    selectRank(order, key, { from, to, rank: middle })
    split(from, middle)
    split(middle, to)
  }
  split(0, n)
  return order
}

/**
 * Quickselect (no allocation, unlike a sort with a comparator): rearranges entries from..to−1 of
 * `order` and `key` in step so that the entries before `rank` come before it by (key, row) and
 * the entries after come after.
 */
function selectRank(
  order: Int32Array,
  key: Float64Array,
  range: { from: number; to: number; rank: number },
): void {
  const { rank } = range
  let low = range.from
  let high = range.to - 1
  while (low < high) {
    // Median of the first, middle and last entry as the pivot (sorted input stays linear).
    const middle = (low + high) >> 1
    if (isBefore(key[middle], order[middle], key[low], order[low])) swapEntries(order, key, middle, low)
    if (isBefore(key[high], order[high], key[low], order[low])) swapEntries(order, key, high, low)
    if (isBefore(key[high], order[high], key[middle], order[middle])) swapEntries(order, key, high, middle)
    const pivotKey = key[middle]
    const pivotRow = order[middle]
    let i = low
    let j = high
    while (i <= j) {
      while (isBefore(key[i], order[i], pivotKey, pivotRow)) i++
      while (isBefore(pivotKey, pivotRow, key[j], order[j])) j--
      if (i <= j) swapEntries(order, key, i++, j--)
    }
    if (rank <= j) high = j
    else if (rank >= i) low = i
    else return
  }
}

const isBefore = (keyA: number, rowA: number, keyB: number, rowB: number): boolean =>
  keyA < keyB || (keyA === keyB && rowA < rowB)

function swapEntries(order: Int32Array, key: Float64Array, i: number, j: number): void {
  const row = order[i]
  order[i] = order[j]
  order[j] = row
  const value = key[i]
  key[i] = key[j]
  key[j] = value
}

/** Reorders the rows of `data` in place so that row s becomes old row order[s]; returns `data`. */
function permuteRows(data: Float64Array, d: number, order: Int32Array): Float64Array {
  const isPlaced = new Uint8Array(order.length)
  const saved = new Float64Array(d)
  for (let start = 0; start < order.length; start++) {
    if (isPlaced[start] || order[start] === start) continue
    // Follow the cycle start ← order[start] ← order[order[start]] … back to start.
    for (let j = 0; j < d; j++) saved[j] = data[start * d + j]
    let slot = start
    while (order[slot] !== start) {
      data.copyWithin(slot * d, order[slot] * d, (order[slot] + 1) * d)
      isPlaced[slot] = 1
      slot = order[slot]
    }
    data.set(saved, slot * d)
    isPlaced[slot] = 1
  }
  return data
}

/**
 * The clusters in slots (centroids flat, sizes, a leaf of each for the relabelling) with a
 * bounding box and the largest 1/size per block of blockSize slots. An empty slot has infinite
 * coordinates and 1/size = 0, so scans pass over it without a test.
 */
class ClusterSpace {
  readonly centroid: Float64Array
  readonly size: Float64Array
  readonly inverseSize: Float64Array
  readonly leafOfSlot: Int32Array
  readonly d: number
  readonly blockSize: number
  /** Slots in use (live and empty); slots ≥ this are unused. */
  slots: number
  /** Cost and slot of the best candidate of the last scan. */
  bestCost = Infinity
  bestSlot = -1
  private readonly isLive: Uint8Array
  private readonly newSlot: Int32Array
  private readonly boxLow: Float64Array
  private readonly boxHigh: Float64Array
  private readonly blockMaxInverse: Float64Array
  private readonly blockGap: Float64Array

  constructor(data: Float64Array, leafSize: Float64Array, d: number, order: Int32Array, blockSize: number) {
    const n = order.length
    this.d = d
    this.blockSize = blockSize
    this.slots = n
    this.centroid = permuteRows(data, d, order) // data is our own copy: no second n × d array
    this.size = new Float64Array(n)
    this.inverseSize = new Float64Array(n)
    this.leafOfSlot = order
    this.isLive = new Uint8Array(n).fill(1)
    this.newSlot = new Int32Array(n)
    for (let s = 0; s < n; s++) {
      this.size[s] = leafSize[order[s]]
      this.inverseSize[s] = 1 / leafSize[order[s]]
    }
    const blocks = Math.ceil(n / this.blockSize)
    this.boxLow = new Float64Array(blocks * d)
    this.boxHigh = new Float64Array(blocks * d)
    this.blockMaxInverse = new Float64Array(blocks)
    this.blockGap = new Float64Array(blocks)
    this.computeBoxes()
  }

  /**
   * The live slot above `slot` with the smallest Ward cost to it (−1 if none; the cost in
   * bestCost). Scans the rest of its own block, then the block whose box is nearest, then every
   * other block above whose box could still hold a cheaper cluster.
   */
  findNearestAbove(slot: number): number {
    const { centroid, d, boxLow, boxHigh, blockMaxInverse, blockGap } = this
    this.bestCost = Infinity
    this.bestSlot = -1
    const ownBlock = Math.floor(slot / this.blockSize)
    this.scan(slot, slot + 1, Math.min(this.slots, (ownBlock + 1) * this.blockSize))
    const blocks = Math.ceil(this.slots / this.blockSize)
    const t = slot * d
    let nearestBlock = -1
    let nearestGap = Infinity
    for (let k = ownBlock + 1; k < blocks; k++) {
      let gap = 0
      for (let j = 0; j < d; j++) {
        const value = centroid[t + j]
        const below = boxLow[k * d + j] - value
        const above = value - boxHigh[k * d + j]
        const outside = below > 0 ? below : above > 0 ? above : 0
        gap += outside * outside
      }
      blockGap[k] = gap
      if (gap < nearestGap) {
        nearestGap = gap
        nearestBlock = k
      }
    }
    if (nearestBlock < 0) return this.bestSlot
    this.scanBlock(slot, nearestBlock)
    const inverseTop = this.inverseSize[slot]
    for (let k = ownBlock + 1; k < blocks; k++) {
      // ‖Δc‖² ≥ gap, and a candidate needs ‖Δc‖² < best·(1/|top| + 1/|candidate|).
      if (k !== nearestBlock && blockGap[k] <= this.bestCost * (inverseTop + blockMaxInverse[k]))
        this.scanBlock(slot, k)
    }
    return this.bestSlot
  }

  private scanBlock(slot: number, block: number): void {
    this.scan(slot, block * this.blockSize, Math.min(this.slots, (block + 1) * this.blockSize))
  }

  /**
   * Scans slots from..to−1 for a cheaper neighbour of `slot`. The test na·nb/(na + nb)·‖Δc‖² < best
   * is rearranged to ‖Δc‖² < best/na + best/nb with 1/size kept per slot, so the loop needs no
   * division; the squared distance is summed four coordinates at a time and abandoned once it
   * exceeds that limit (most candidates are rejected after four). Equal costs go to the lower slot.
   */
  private scan(slot: number, from: number, to: number): void {
    const { centroid, inverseSize, d } = this
    const t = slot * d
    const inverseTop = inverseSize[slot]
    let best = this.bestCost
    let bestSlot = this.bestSlot
    let bestOverTop = best * inverseTop
    // The first four coordinates of the top are held in locals (d ≥ 4; zeros and unused otherwise).
    const head = d >= 4 ? 4 : 0
    const t0 = head > 0 ? centroid[t] : 0
    const t1 = head > 0 ? centroid[t + 1] : 0
    const t2 = head > 0 ? centroid[t + 2] : 0
    const t3 = head > 0 ? centroid[t + 3] : 0
    for (let s = from, o = from * d; s < to; s++, o += d) {
      const limit = bestOverTop + best * inverseSize[s]
      let sum = 0
      if (head > 0) {
        const d0 = centroid[o] - t0
        const d1 = centroid[o + 1] - t1
        const d2 = centroid[o + 2] - t2
        const d3 = centroid[o + 3] - t3
        sum = d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3
        if (sum > limit) continue
      }
      for (let j = head; j < d; j++) {
        const diff = centroid[o + j] - centroid[t + j]
        sum += diff * diff
      }
      if (sum <= limit) {
        const cost = sum / (inverseTop + inverseSize[s])
        if (cost < best || (cost === best && s < bestSlot)) {
          best = cost
          bestOverTop = best * inverseTop
          bestSlot = s
        }
      }
    }
    this.bestCost = best
    this.bestSlot = bestSlot
  }

  /** Widens the box of the slot's block to hold its (new) centroid. */
  growBox(slot: number): void {
    const { d } = this
    const block = Math.floor(slot / this.blockSize)
    for (let j = 0; j < d; j++) {
      const value = this.centroid[slot * d + j]
      if (value < this.boxLow[block * d + j]) this.boxLow[block * d + j] = value
      if (value > this.boxHigh[block * d + j]) this.boxHigh[block * d + j] = value
    }
  }

  /** Marks a slot empty: infinitely far, so scans never pick it. */
  empty(slot: number): void {
    this.centroid.fill(Infinity, slot * this.d, (slot + 1) * this.d)
    this.inverseSize[slot] = 0
    this.isLive[slot] = 0
  }

  /**
   * Moves the live slots down over the empty ones, keeping their order (so every "slot above"
   * relation and heap order survives), calls `move` for each moved slot and recomputes the boxes.
   * Returns the new slot of every old live slot (valid until the next compaction).
   */
  compact(move: (from: number, to: number) => void): Int32Array {
    const { centroid, d } = this
    const { newSlot } = this
    let to = 0
    for (let from = 0; from < this.slots; from++) {
      if (!this.isLive[from]) continue
      newSlot[from] = to
      if (to !== from) {
        centroid.copyWithin(to * d, from * d, (from + 1) * d)
        this.size[to] = this.size[from]
        this.inverseSize[to] = this.inverseSize[from]
        this.leafOfSlot[to] = this.leafOfSlot[from]
        move(from, to)
      }
      to++
    }
    this.isLive.fill(1, 0, to)
    this.slots = to
    this.computeBoxes()
    return newSlot
  }

  private computeBoxes(): void {
    const { centroid, d, boxLow, boxHigh } = this
    const blocks = Math.ceil(this.slots / this.blockSize)
    boxLow.fill(Infinity, 0, blocks * d)
    boxHigh.fill(-Infinity, 0, blocks * d)
    this.blockMaxInverse.fill(0, 0, blocks)
    for (let s = 0; s < this.slots; s++) {
      if (!this.isLive[s]) continue
      const block = Math.floor(s / this.blockSize)
      for (let j = 0; j < d; j++) {
        const value = centroid[s * d + j]
        if (value < boxLow[block * d + j]) boxLow[block * d + j] = value
        if (value > boxHigh[block * d + j]) boxHigh[block * d + j] = value
      }
      this.blockMaxInverse[block] = Math.max(this.blockMaxInverse[block], this.inverseSize[s])
    }
  }
}

/** Binary min-heap of slots keyed by `keys[slot]`; equal keys go to the lower slot. */
class SlotHeap {
  size = 0
  private readonly heap: Int32Array
  private readonly position: Int32Array // −1: not in the heap
  private readonly keys: Float64Array

  constructor(capacity: number, keys: Float64Array) {
    this.heap = new Int32Array(capacity)
    this.position = new Int32Array(capacity).fill(-1)
    this.keys = keys
  }

  /** Fills the heap with slots 0..count−1. */
  build(count: number): void {
    for (let p = 0; p < count; p++) this.put(p, p)
    this.size = count
    for (let p = (count >> 1) - 1; p >= 0; p--) this.siftDown(p)
  }

  top(): number {
    return this.heap[0]
  }

  slotAt(p: number): number {
    return this.heap[p]
  }

  has(slot: number): boolean {
    return this.position[slot] >= 0
  }

  /** Inserts `slot`, or moves it after its key changed. */
  update(slot: number): void {
    let p = this.position[slot]
    if (p < 0) {
      p = this.size++
      this.put(p, slot)
    }
    this.siftUp(p)
    this.siftDown(this.position[slot])
  }

  remove(slot: number): void {
    const p = this.position[slot]
    if (p < 0) return
    this.position[slot] = -1
    const last = this.heap[--this.size]
    if (p === this.size) return
    this.put(p, last)
    this.siftUp(p)
    this.siftDown(this.position[last])
  }

  /** Renames the slots after an order-keeping compaction (the heap order stays valid). */
  rename(newSlot: Int32Array): void {
    this.position.fill(-1)
    for (let p = 0; p < this.size; p++) this.put(p, newSlot[this.heap[p]])
  }

  private precedes(x: number, y: number): boolean {
    return this.keys[x] < this.keys[y] || (this.keys[x] === this.keys[y] && x < y)
  }

  private put(p: number, slot: number): void {
    this.heap[p] = slot
    this.position[slot] = p
  }

  private siftUp(p: number): void {
    const slot = this.heap[p]
    while (p > 0 && this.precedes(slot, this.heap[(p - 1) >> 1])) {
      this.put(p, this.heap[(p - 1) >> 1])
      p = (p - 1) >> 1
    }
    this.put(p, slot)
  }

  private siftDown(p: number): void {
    const slot = this.heap[p]
    for (;;) {
      let child = 2 * p + 1
      if (child >= this.size) break
      if (child + 1 < this.size && this.precedes(this.heap[child + 1], this.heap[child])) child++
      if (!this.precedes(this.heap[child], slot)) break
      this.put(p, this.heap[child])
      p = child
    }
    this.put(p, slot)
  }
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
