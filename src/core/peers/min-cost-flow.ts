/**
 * Minimum-cost flow by successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs). Costs must be non-negative, so the initial potentials can be 0. Small and exact: used
 * to assign organisations to rings with size bounds (see bounded-rings.ts).
 *
 * The arcs out of the source are supplies: a search starts at every node the source can still
 * feed, at distance 0, rather than at the source through those arcs. A shortest path from any such
 * node keeps every reduced cost of the other arcs non-negative, so the flow stays optimal for the
 * amount sent; and a caller that knows most of the answer (each organisation in its nearest ring)
 * can send that part with `addFlow` and give potentials under which it is optimal, so that only
 * the rest needs a search each.
 */
/** A flow network to which arcs are added and on which one min-cost flow is solved. */
export class MinCostFlow {
  private readonly nodeCount: number
  private arcCount = 0
  private to: Int32Array
  private next: Int32Array
  private capacity: Float64Array
  private cost: Float64Array
  private readonly head: Int32Array

  /** `arcs`: how many arcs will be added, if known (room for more is made as needed). */
  constructor(nodeCount: number, arcs = 32) {
    this.nodeCount = nodeCount
    this.head = new Int32Array(nodeCount).fill(-1)
    const halves = Math.max(2, 2 * arcs)
    this.to = new Int32Array(halves)
    this.next = new Int32Array(halves)
    this.capacity = new Float64Array(halves)
    this.cost = new Float64Array(halves)
  }

  /** Adds an arc from → to and its residual twin; returns the arc index (for reading its flow). */
  addArc(arc: { from: number; to: number; capacity: number; cost: number }): number {
    const index = this.arcCount
    if (index + 2 > this.to.length) this.grow()
    this.pushHalf(arc.from, arc.to, arc.capacity, arc.cost)
    this.pushHalf(arc.to, arc.from, 0, -arc.cost)
    return index
  }

  private grow(): void {
    const size = this.to.length * 2
    const copy = <T extends Int32Array | Float64Array>(array: T, into: T): T => {
      into.set(array)
      return into
    }
    this.to = copy(this.to, new Int32Array(size))
    this.next = copy(this.next, new Int32Array(size))
    this.capacity = copy(this.capacity, new Float64Array(size))
    this.cost = copy(this.cost, new Float64Array(size))
  }

  private pushHalf(from: number, to: number, capacity: number, cost: number): void {
    const index = this.arcCount++
    this.to[index] = to
    this.capacity[index] = capacity
    this.cost[index] = cost
    this.next[index] = this.head[from]
    this.head[from] = index
  }

  /** Flow currently on the arc returned by addArc. */
  flowOn(arc: number): number {
    return this.capacity[arc ^ 1]
  }

  /** Sends `amount` along the arc returned by addArc, before solving (within its capacity). */
  addFlow(arc: number, amount: number): void {
    this.capacity[arc] -= amount
    this.capacity[arc ^ 1] += amount
  }

  /**
   * Sends up to `amount` more units from source to sink at minimum cost; returns the amount sent.
   * `potentials` (one per node, default all 0) must leave every arc that still has capacity, but
   * those out of the source, a non-negative reduced cost (cost + p[from] − p[to]) for the flow
   * already sent with addFlow.
   */
  solve(input: { source: number; sink: number; amount: number; potentials?: Float64Array }): number {
    const { source, sink, amount } = input
    const n = this.nodeCount
    const { to, next, cost, capacity, head } = this
    const potential = input.potentials ?? new Float64Array(n)
    const dist = new Float64Array(n)
    const viaArc = new Int32Array(n)
    const done = new Uint8Array(n)
    const heap = new BinaryHeap(this.arcCount + n)
    let sent = 0
    while (sent < amount) {
      dist.fill(Infinity)
      viaArc.fill(-1)
      done.fill(0)
      heap.size = 0 // drop entries left over from the early stop of the previous search
      done[source] = 1
      for (let e = head[source]; e >= 0; e = next[e]) {
        if (capacity[e] <= 0 || dist[to[e]] === 0) continue
        dist[to[e]] = 0
        viaArc[to[e]] = e
        heap.push(0, to[e])
      }
      while (heap.size > 0) {
        const u = heap.pop()
        if (done[u]) continue
        done[u] = 1
        if (u === sink) break
        for (let e = head[u]; e >= 0; e = next[e]) {
          if (capacity[e] <= 0) continue
          const v = to[e]
          const candidate = dist[u] + cost[e] + potential[u] - potential[v]
          // The epsilon guards against re-relaxing on rounding noise in the reduced costs.
          if (candidate < dist[v] - 1e-12) {
            dist[v] = candidate
            viaArc[v] = e
            heap.push(candidate, v)
          }
        }
      }
      if (!done[sink]) break
      // Nodes not finalised before the sink get dist[sink]: this keeps every reduced cost ≥ 0.
      const sinkDist = dist[sink]
      for (let v = 0; v < n; v++) if (v !== source) potential[v] += done[v] ? dist[v] : sinkDist
      let push = amount - sent
      for (let v = sink; v !== source; v = to[viaArc[v] ^ 1]) push = Math.min(push, capacity[viaArc[v]])
      for (let v = sink; v !== source; v = to[viaArc[v] ^ 1]) {
        capacity[viaArc[v]] -= push
        capacity[viaArc[v] ^ 1] += push
      }
      sent += push
    }
    return sent
  }
}

/** Min-heap of (key, node) pairs with lazy deletion (stale entries are skipped by the caller). */
class BinaryHeap {
  private keys: Float64Array
  private nodes: Int32Array
  size = 0

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(capacity, 16))
    this.nodes = new Int32Array(Math.max(capacity, 16))
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2)
      keys.set(this.keys)
      const nodes = new Int32Array(this.size * 2)
      nodes.set(this.nodes)
      this.keys = keys
      this.nodes = nodes
    }
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.keys[parent] <= key) break
      this.keys[i] = this.keys[parent]
      this.nodes[i] = this.nodes[parent]
      i = parent
    }
    this.keys[i] = key
    this.nodes[i] = node
  }

  pop(): number {
    const top = this.nodes[0]
    const lastKey = this.keys[--this.size]
    const lastNode = this.nodes[this.size]
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= this.size) break
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++
      if (this.keys[child] >= lastKey) break
      this.keys[i] = this.keys[child]
      this.nodes[i] = this.nodes[child]
      i = child
    }
    this.keys[i] = lastKey
    this.nodes[i] = lastNode
    return top
  }
}
