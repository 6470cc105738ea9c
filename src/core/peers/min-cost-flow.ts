/**
 * Minimum-cost flow by successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs). Costs must be non-negative, so the initial potentials can be 0. Small and exact: used
 * to assign organisations to rings with size bounds (see bounded-rings.ts).
 */
/** A flow network to which arcs are added and on which one min-cost flow is solved. */
export class MinCostFlow {
  private readonly nodeCount: number
  private to: number[] = []
  private capacity: number[] = []
  private cost: number[] = []
  private readonly head: Int32Array
  private next: number[] = []

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount
    this.head = new Int32Array(nodeCount).fill(-1)
  }

  /** Adds an arc from → to and its residual twin; returns the arc index (for reading its flow). */
  addArc(arc: { from: number; to: number; capacity: number; cost: number }): number {
    const index = this.to.length
    this.pushHalf(arc.from, arc.to, arc.capacity, arc.cost)
    this.pushHalf(arc.to, arc.from, 0, -arc.cost)
    return index
  }

  private pushHalf(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to)
    this.capacity.push(capacity)
    this.cost.push(cost)
    this.next.push(this.head[from])
    this.head[from] = this.to.length - 1
  }

  /** Flow currently on the arc returned by addArc. */
  flowOn(arc: number): number {
    return this.capacity[arc ^ 1]
  }

  /** Sends up to `amount` units from source to sink at minimum cost; returns the amount sent. */
  solve(input: { source: number; sink: number; amount: number }): number {
    const { source, sink, amount } = input
    const n = this.nodeCount
    // Typed copies make the inner Dijkstra loop several times faster than the growable arrays.
    const to = Int32Array.from(this.to)
    const next = Int32Array.from(this.next)
    const cost = Float64Array.from(this.cost)
    const capacity = Float64Array.from(this.capacity)
    const head = this.head
    const potential = new Float64Array(n)
    const dist = new Float64Array(n)
    const viaArc = new Int32Array(n)
    const done = new Uint8Array(n)
    const heap = new BinaryHeap(this.to.length + n)
    let sent = 0
    while (sent < amount) {
      dist.fill(Infinity)
      viaArc.fill(-1)
      done.fill(0)
      dist[source] = 0
      heap.size = 0 // drop entries left over from the early stop of the previous search
      heap.push(0, source)
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
      for (let v = 0; v < n; v++) potential[v] += done[v] ? dist[v] : sinkDist
      let push = amount - sent
      for (let v = sink; v !== source; v = to[viaArc[v] ^ 1]) push = Math.min(push, capacity[viaArc[v]])
      for (let v = sink; v !== source; v = to[viaArc[v] ^ 1]) {
        capacity[viaArc[v]] -= push
        capacity[viaArc[v] ^ 1] += push
      }
      sent += push
    }
    this.capacity = Array.from(capacity)
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
