/**
 * Benchlearning rings: k groups of similar organisations whose sizes stay within [minSize, maxSize]
 * (e.g. 10 rings of 9–12 for the 104 job centres), minimising the within-ring sum of squares.
 *
 * Method (size-constrained k-means, Bradley–Bennett–Demiriz style):
 *  1. Assignment step as an exact minimum-cost flow: source → unit (an organisation, or a group
 *     that must stay together) → ring → sink, cost = squared distance to the ring centre. The
 *     lower bound on ring size is modelled by two parallel ring → sink arcs: `minSize` units at
 *     cost 0 and `maxSize − minSize` at a cost M larger than any assignment cost, so the optimum
 *     fills every ring to its minimum whenever that is possible at all.
 *  2. Centre update (means), repeated until the assignment is stable. Several restarts: the
 *     first from Ward's clusters, the others from seeded k-means++ centres, each first moved by
 *     a few unconstrained Lloyd steps (cheap, and the flow then needs fewer rounds).
 *  3. Local improvement: single moves and pairwise swaps that keep every bound and constraint
 *     and strictly reduce the objective, until none is left; then steps 1–3 again from the new
 *     centres while that helps. The best restart wins. Exact per assignment step, heuristic
 *     overall (the problem is NP-hard); on small cases it matches brute force (see the tests).
 *
 * Hard constraints (always hold in the result, or AppError('infeasible') is thrown):
 *  - size bounds; `pinned` (organisation → ring index); `together` (same ring); `apart`
 *    (different rings); `land: 'spread'`: each ring holds at most ceil(count of that Land / k)
 *    members of any one Land (so a Land with 23 members among 10 rings gives ≤ 3 per ring).
 * Soft preference `land: 'group'`: one-hot Land indicators scaled by sqrt(landWeight) are
 * appended to the features, so the objective gains landWeight · Σ_rings Σ_members
 * (1 − share of the member's Land in its ring): with landWeight 1, a member that is alone with
 * its Land in a ring of 10 adds 0.9, about as much as sitting one standard deviation from the
 * ring mean on one indicator.
 *
 * Together-groups are single flow units; if the flow splits one across rings, or puts two
 * `apart` members together, or (for groups mixing Lands) exceeds a spread cap, the unit is fixed
 * to its best ring or forbidden from the offending ring and the flow is solved again.
 */
import { message, type Message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { createRandom, deriveSeed } from '../random'
import { refineKMeans, seedKMeansPlusPlus } from './kmeans'
import { computeGroupMeans, flattenPoints, squaredDistance, type FlatMatrix, type Points } from './matrix'
import { MinCostFlow } from './min-cost-flow'
import { clusterWard } from './ward'

/** Input of formBoundedRings: points, ring count and size bounds, optional hard constraints and Land handling. */
export interface FormBoundedRingsOptions {
  ids: readonly string[]
  /** Standardised, weighted indicator rows, one per id. */
  points: Points
  /** Number of rings. */
  k: number
  minSize: number
  maxSize: number
  /** Seed for the restarts; default 1. Same input and seed → same result. */
  seed?: number
  /** Number of seeded restarts; default 8. */
  restarts?: number
  together?: ReadonlyArray<readonly [string, string]>
  apart?: ReadonlyArray<readonly [string, string]>
  pinned?: ReadonlyArray<{ id: string; ring: number }>
  land?: 'spread' | 'group'
  landOf?: (id: string) => string
  /** Weight of the 'group' preference (default 1), see the file comment. */
  landWeight?: number
  maxIterations?: number
}

/** Rings as labels and id lists, with centres and the within-ring sum of squares. Without pins, rings are numbered by their first member. */
export interface BoundedRingsResult {
  /** Ring index (0..k−1) per id, in input order. */
  labels: number[]
  rings: string[][]
  sizes: number[]
  /** Ring means in the indicator space (without Land columns). */
  centroids: number[][]
  /** Within-ring sum of squares over the indicators. */
  withinSS: number
  /** landWeight · Land impurity for land = 'group', else 0. */
  landPenalty: number
  restartsUsed: number
}

interface Unit {
  members: number[]
  pinnedRing: number
  land: number // Land index if all members share one Land, else −1
  landCounts: Map<number, number>
}

interface Problem {
  ids: readonly string[]
  landNames: string[]
  matrix: FlatMatrix // features (augmented with Land columns for 'group')
  featureCols: number
  units: Unit[]
  unitOf: Int32Array
  apartOf: number[][] // unit → units it must be apart from
  k: number
  minSize: number
  maxSize: number
  landCap: number[] | undefined // per Land, for 'spread'
  landOfPoint: Int32Array
  landCount: number
}

const fail = (text: Message) => new AppError('infeasible', text)

/** Forms k rings with size bounds and hard constraints, minimising the within-ring sum of squares. */
export function formBoundedRings(options: FormBoundedRingsOptions): BoundedRingsResult {
  const problem = buildProblem(options)
  const restarts = Math.max(1, options.restarts ?? 8)
  const seed = options.seed ?? 1
  const maxIterations = options.maxIterations ?? 50
  let best: { ringOfUnit: Int32Array; objective: number } | undefined
  let firstFailure: AppError | undefined
  for (let r = 0; r < restarts; r++) {
    // The first start uses Ward's centres (a good deterministic start), the others k-means++.
    const centres =
      r === 0
        ? computeWardCentres(problem)
        : seedKMeansPlusPlus(problem.matrix, problem.k, createRandom(deriveSeed(seed, r)))
    let found: { ringOfUnit: Int32Array; objective: number }
    try {
      found = runImprovedRestart({ problem, centres, maxIterations })
    } catch (error) {
      // A repair choice (fixing a split group, forbidding a ring) can dead-end in one restart
      // while another restart succeeds; only when all fail is the request called infeasible.
      if (!(error instanceof AppError) || error.code !== 'infeasible') throw error
      firstFailure ??= error
      continue
    }
    if (!best || found.objective < best.objective - 1e-9 * Math.abs(best.objective)) best = found
  }
  if (!best && firstFailure) throw firstFailure
  if (!best) throw new AppError('internal', message('peers.noRestart'))
  assertConstraints(problem, best.ringOfUnit)
  return describeResult({ problem, options, ringOfUnit: best.ringOfUnit, restartsUsed: restarts })
}

function buildProblem(options: FormBoundedRingsOptions): Problem {
  const { ids, k, minSize, maxSize } = options
  const base = flattenPoints(options.points)
  const n = ids.length
  if (base.rows !== n)
    throw new AppError('invalid_input', message('peers.rowsForIds', { rows: base.rows, ids: n }))
  if (!Number.isInteger(k) || k < 1)
    throw new AppError('invalid_input', message('peers.kPositive', { k: String(k) }))
  if (
    !Number.isInteger(minSize) ||
    !Number.isInteger(maxSize) ||
    minSize < 0 ||
    maxSize < minSize ||
    maxSize < 1
  ) {
    throw new AppError(
      'invalid_input',
      message('peers.ringSizes', { min: String(minSize), max: String(maxSize) }),
    )
  }
  if (k > n) throw fail(message('peers.ringsNeedOrganisations', { k, n }))
  if (k * minSize > n) {
    throw fail(message('peers.ringsMinTooLarge', { k, min: minSize, needed: k * minSize, n }))
  }
  if (k * maxSize < n) {
    throw fail(message('peers.ringsMaxTooSmall', { k, max: maxSize, held: k * maxSize, n }))
  }
  const index = new Map<string, number>()
  ids.forEach((id, i) => {
    if (index.has(id)) throw new AppError('invalid_input', message('peers.idTwice', { id }))
    index.set(id, i)
  })
  const indexOf = (id: string, what: string): number => {
    const i = index.get(id)
    if (i === undefined) throw new AppError('invalid_input', message('peers.unknownId', { what, id }))
    return i
  }

  // Lands
  const landOfPoint = new Int32Array(n).fill(-1)
  const landNames: string[] = []
  if (options.land) {
    const landOf = options.landOf
    if (!landOf) throw new AppError('invalid_input', message('peers.landNeedsLandOf', { land: options.land }))
    const landIndex = new Map<string, number>()
    ids.forEach((id, i) => {
      const name = landOf(id)
      let l = landIndex.get(name)
      if (l === undefined) {
        l = landNames.length
        landIndex.set(name, l)
        landNames.push(name)
      }
      landOfPoint[i] = l
    })
  }
  const landCount = landNames.length
  let matrix = base
  if (options.land === 'group') {
    const weight = options.landWeight ?? 1
    if (!(weight >= 0))
      throw new AppError('invalid_input', message('peers.landWeight', { weight: String(weight) }))
    const cols = base.cols + landCount
    const data = new Float64Array(n * cols)
    for (let i = 0; i < n; i++) {
      data.set(base.data.subarray(i * base.cols, (i + 1) * base.cols), i * cols)
      data[i * cols + base.cols + landOfPoint[i]] = Math.sqrt(weight)
    }
    matrix = { data, rows: n, cols }
  }
  let landCap: number[] | undefined
  if (options.land === 'spread') {
    const counts = new Array<number>(landCount).fill(0)
    for (let i = 0; i < n; i++) counts[landOfPoint[i]]++
    landCap = counts.map((c) => Math.ceil(c / k))
  }

  // Together-groups by union–find
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])))
  for (const [a, b] of options.together ?? []) {
    const ra = find(indexOf(a, 'together'))
    const rb = find(indexOf(b, 'together'))
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const unitOfRoot = new Map<number, number>()
  const units: Unit[] = []
  const unitOf = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const root = find(i)
    let u = unitOfRoot.get(root)
    if (u === undefined) {
      u = units.length
      unitOfRoot.set(root, u)
      units.push({ members: [], pinnedRing: -1, land: -1, landCounts: new Map() })
    }
    units[u].members.push(i)
    unitOf[i] = u
  }
  const describeUnit = (unit: Unit) => unit.members.map((i) => `"${ids[i]}"`).join(', ')
  for (const unit of units) {
    if (unit.members.length > maxSize) {
      throw fail(
        message('peers.togetherTooLarge', {
          count: unit.members.length,
          members: describeUnit(unit),
          max: maxSize,
        }),
      )
    }
    if (options.land) {
      for (const i of unit.members)
        unit.landCounts.set(landOfPoint[i], (unit.landCounts.get(landOfPoint[i]) ?? 0) + 1)
      unit.land = unit.landCounts.size === 1 ? landOfPoint[unit.members[0]] : -1
    }
    if (landCap) {
      for (const [l, count] of unit.landCounts) {
        if (count > landCap[l]) {
          throw fail(message('peers.togetherLandCap', { count, land: landNames[l], cap: landCap[l] }))
        }
      }
    }
  }

  // Pins
  const pinnedCount = new Array<number>(k).fill(0)
  for (const { id, ring } of options.pinned ?? []) {
    const unit = units[unitOf[indexOf(id, 'pinned')]]
    if (!Number.isInteger(ring) || ring < 0 || ring >= k) {
      throw fail(message('peers.pinOutOfRange', { id, ring: String(ring), last: k - 1 }))
    }
    if (unit.pinnedRing >= 0 && unit.pinnedRing !== ring && unit.members.length === 1) {
      throw fail(message('peers.pinnedTwice', { id, first: unit.pinnedRing, second: ring }))
    }
    if (unit.pinnedRing >= 0 && unit.pinnedRing !== ring) {
      throw fail(
        message('peers.pinConflictsGroup', { id, ring, members: describeUnit(unit), other: unit.pinnedRing }),
      )
    }
    unit.pinnedRing = ring
  }
  for (const unit of units) if (unit.pinnedRing >= 0) pinnedCount[unit.pinnedRing] += unit.members.length
  pinnedCount.forEach((count, ring) => {
    if (count > maxSize) throw fail(message('peers.pinnedTooMany', { ring, count, max: maxSize }))
  })
  if (landCap) {
    for (let ring = 0; ring < k; ring++) {
      const perLand = new Map<number, number>()
      for (const unit of units) {
        if (unit.pinnedRing !== ring) continue
        for (const [l, c] of unit.landCounts) perLand.set(l, (perLand.get(l) ?? 0) + c)
      }
      for (const [l, c] of perLand) {
        if (c > landCap[l])
          throw fail(message('peers.pinnedLandCap', { ring, count: c, land: landNames[l], cap: landCap[l] }))
      }
    }
  }

  // Apart
  const apartOf: number[][] = units.map(() => [])
  for (const [a, b] of options.apart ?? []) {
    const ua = unitOf[indexOf(a, 'apart')]
    const ub = unitOf[indexOf(b, 'apart')]
    if (a === b) throw fail(message('peers.apartFromItself', { id: a }))
    if (ua === ub) throw fail(message('peers.apartButTogether', { a, b, members: describeUnit(units[ua]) }))
    if (units[ua].pinnedRing >= 0 && units[ua].pinnedRing === units[ub].pinnedRing) {
      throw fail(message('peers.apartButPinned', { a, b, ring: units[ua].pinnedRing }))
    }
    if (!apartOf[ua].includes(ub)) {
      apartOf[ua].push(ub)
      apartOf[ub].push(ua)
    }
  }

  return {
    ids,
    landNames,
    matrix,
    featureCols: base.cols,
    units,
    unitOf,
    apartOf,
    k,
    minSize,
    maxSize,
    landCap,
    landOfPoint,
    landCount,
  }
}

/** One restart: flow/centre alternation, local search, and flow again from the improved centres. */
function runImprovedRestart(input: { problem: Problem; centres: Float64Array; maxIterations: number }) {
  const { problem, centres, maxIterations } = input
  // Arc restrictions found by repairs are kept for the whole restart, so they are found once.
  const allowed = createAllowed(problem)
  // A few unconstrained Lloyd steps first: cheap, and the flow then needs fewer rounds.
  const { matrix, k } = problem
  const rows = Array.from({ length: matrix.rows }, (_, i) =>
    matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols),
  )
  const start = refineKMeans(rows, {
    centroids: Array.from({ length: k }, (_, r) => centres.subarray(r * matrix.cols, (r + 1) * matrix.cols)),
    maxIterations: 20,
  })
  start.centroids.forEach((c, r) => centres.set(c, r * matrix.cols))
  let ringOfUnit = runRestart({ problem, centres, allowed, maxIterations })
  let moves = improveLocally(problem, ringOfUnit)
  let objective = computeObjective(problem, ringOfUnit)
  // Local moves shift the centres; a new flow assignment from them may find a better basin.
  // Without moves the centres are those the flow already answered, so there is nothing to gain.
  for (let round = 0; round < 5 && moves > 0; round++) {
    const next = runRestart({
      problem,
      centres: computeUnitCentres(problem, ringOfUnit),
      allowed,
      maxIterations,
    })
    moves = improveLocally(problem, next)
    const nextObjective = computeObjective(problem, next)
    if (!(nextObjective < objective - 1e-9 * Math.abs(objective))) break
    ringOfUnit = next
    objective = nextObjective
  }
  return { ringOfUnit, objective }
}

function computeUnitCentres(problem: Problem, ringOfUnit: Int32Array): Float64Array {
  const labels = new Int32Array(problem.matrix.rows)
  problem.units.forEach((unit, u) => unit.members.forEach((i) => (labels[i] = ringOfUnit[u])))
  return computeGroupMeans(problem.matrix, labels, problem.k).means
}

function computeWardCentres(problem: Problem): Float64Array {
  const { matrix, k } = problem
  const rows = Array.from({ length: matrix.rows }, (_, i) =>
    matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols),
  )
  return computeGroupMeans(matrix, clusterWard(rows, k).labels, k).means
}

/** Which (unit, ring) arcs the flow may use: all, except that pinned units go to their ring only. */
function createAllowed(problem: Problem): Uint8Array {
  const { units, k } = problem
  const allowed = new Uint8Array(units.length * k).fill(1)
  units.forEach((unit, u) => {
    if (unit.pinnedRing >= 0) for (let r = 0; r < k; r++) allowed[u * k + r] = r === unit.pinnedRing ? 1 : 0
  })
  return allowed
}

/** Alternates flow assignment and centre update until the assignment is stable. */
function runRestart(input: {
  problem: Problem
  centres: Float64Array
  allowed: Uint8Array
  maxIterations: number
}): Int32Array {
  const { problem, centres, allowed, maxIterations } = input
  const { matrix, units, k } = problem
  // Pinned rings start at the mean of their pinned members, so ring numbers keep their meaning.
  for (let ring = 0; ring < k; ring++) {
    const members = units.filter((u) => u.pinnedRing === ring).flatMap((u) => u.members)
    if (members.length > 0) centres.set(computeMean(matrix, members), ring * matrix.cols)
  }
  let ringOfUnit: Int32Array = new Int32Array(units.length).fill(-1)
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = assignWithRepair({ problem, centres, allowed })
    const isStable = next.every((r, u) => r === ringOfUnit[u])
    ringOfUnit = next
    if (isStable) break
    for (let ring = 0; ring < k; ring++) {
      const members: number[] = []
      units.forEach((unit, u) => {
        if (ringOfUnit[u] === ring) members.push(...unit.members)
      })
      centres.set(computeMean(matrix, members), ring * matrix.cols)
    }
  }
  return ringOfUnit
}

function computeMean(matrix: FlatMatrix, members: readonly number[]): Float64Array {
  const mean = new Float64Array(matrix.cols)
  for (const i of members) for (let j = 0; j < matrix.cols; j++) mean[j] += matrix.data[i * matrix.cols + j]
  for (let j = 0; j < matrix.cols; j++) mean[j] /= members.length || 1
  return mean
}

/** Solves the assignment flow; fixes split units and constraint violations by restricting arcs. */
function assignWithRepair(input: {
  problem: Problem
  centres: Float64Array
  allowed: Uint8Array
}): Int32Array {
  const { problem, centres, allowed } = input
  const { units, k, matrix } = problem
  const cost = new Float64Array(units.length * k) // per member, averaged over the unit
  units.forEach((unit, u) => {
    for (let r = 0; r < k; r++) {
      let sum = 0
      for (const i of unit.members) sum += squaredDistance(matrix.data, i, centres, r, matrix.cols)
      cost[u * k + r] = sum / unit.members.length
    }
  })
  for (let round = 0; round <= units.length * k; round++) {
    const flowByUnit = solveAssignmentFlow({ problem, cost, allowed })
    const ringOfUnit = new Int32Array(units.length)
    let repaired = false
    units.forEach((unit, u) => {
      let bestRing = -1
      let parts = 0
      for (let r = 0; r < k; r++) {
        const f = flowByUnit[u * k + r]
        if (f <= 0) continue
        parts++
        const bestFlow = bestRing < 0 ? 0 : flowByUnit[u * k + bestRing]
        if (bestRing < 0 || f > bestFlow || (f === bestFlow && cost[u * k + r] < cost[u * k + bestRing]))
          bestRing = r
      }
      ringOfUnit[u] = bestRing
      if (parts > 1) {
        // The flow split a together-group: keep it where most of it went.
        for (let r = 0; r < k; r++) allowed[u * k + r] = r === bestRing ? 1 : 0
        repaired = true
      }
    })
    if (repaired) continue
    const violations = findViolations(problem, ringOfUnit)
    if (violations.length === 0) return ringOfUnit
    // Per violation, forbid the offending ring for the unit whose next-best allowed ring costs
    // least extra; all violations of this round at once, so that few re-solves are needed.
    const touched = new Set<number>()
    for (const violation of violations) {
      if (violation.units.some((u) => touched.has(u))) continue
      let chosen = -1
      let chosenExtra = Infinity
      for (const u of violation.units) {
        if (units[u].pinnedRing >= 0) continue
        const here = cost[u * k + violation.ring]
        let next = Infinity
        for (let r = 0; r < k; r++) {
          if (r !== violation.ring && allowed[u * k + r]) next = Math.min(next, cost[u * k + r])
        }
        const extra = (next - here) * units[u].members.length
        if (extra < chosenExtra) {
          chosenExtra = extra
          chosen = u
        }
      }
      if (chosen < 0) throw fail(violation.message)
      allowed[chosen * k + violation.ring] = 0
      touched.add(chosen)
    }
  }
  throw fail(message('peers.cannotSatisfyAll'))
}

/** Runs the min-cost flow; returns flow per (unit, ring), or throws if the bounds cannot be met. */
function solveAssignmentFlow(input: {
  problem: Problem
  cost: Float64Array
  allowed: Uint8Array
}): Int32Array {
  const { problem, cost, allowed } = input
  const { units, k, minSize, maxSize, landCap, landCount } = problem
  const hasLandNodes = landCap !== undefined
  const source = 0
  const unitNode = (u: number) => 1 + u
  const landNode = (l: number, r: number) => 1 + units.length + l * k + r
  const ringBase = 1 + units.length + (hasLandNodes ? landCount * k : 0)
  const ringNode = (r: number) => ringBase + r
  const sink = ringBase + k
  const flow = new MinCostFlow(sink + 1, units.length * (k + 1) + (hasLandNodes ? landCount * k : 0) + 2 * k)
  let total = 0
  let maxCost = 0
  for (let i = 0; i < cost.length; i++) if (allowed[i] && cost[i] > maxCost) maxCost = cost[i]
  const arcs = new Int32Array(units.length * k).fill(-1)
  const supplyArcs = new Int32Array(units.length)
  units.forEach((unit, u) => {
    const size = unit.members.length
    total += size
    supplyArcs[u] = flow.addArc({ from: source, to: unitNode(u), capacity: size, cost: 0 })
    for (let r = 0; r < k; r++) {
      if (!allowed[u * k + r]) continue
      const to = hasLandNodes && unit.land >= 0 ? landNode(unit.land, r) : ringNode(r)
      arcs[u * k + r] = flow.addArc({ from: unitNode(u), to, capacity: size, cost: cost[u * k + r] })
    }
  })
  if (hasLandNodes) {
    for (let l = 0; l < landCount; l++) {
      for (let r = 0; r < k; r++)
        flow.addArc({ from: landNode(l, r), to: ringNode(r), capacity: landCap[l], cost: 0 })
    }
  }
  // Filling a ring beyond its minimum costs M more than any complete assignment could cost,
  // so the minimum-cost flow meets every lower bound whenever some assignment can.
  const penalty = (maxCost + 1) * (total + 1)
  const mandatory: number[] = []
  for (let r = 0; r < k; r++) {
    mandatory.push(flow.addArc({ from: ringNode(r), to: sink, capacity: minSize, cost: 0 }))
    flow.addArc({ from: ringNode(r), to: sink, capacity: maxSize - minSize, cost: penalty })
  }
  const sent = hasLandNodes
    ? flow.solve({ source, sink, amount: total })
    : placeNearestFirst({ flow, problem, cost, arcs, supplyArcs, mandatory, nodes: { source, sink } })
  if (sent < total) {
    throw fail(message('peers.cannotPlaceAll', { placed: sent, total, k, max: maxSize }))
  }
  mandatory.forEach((arc, r) => {
    if (flow.flowOn(arc) < minSize) {
      throw fail(message('peers.ringTooSmall', { ring: r, count: flow.flowOn(arc), min: minSize }))
    }
  })
  const result = new Int32Array(units.length * k)
  for (let i = 0; i < arcs.length; i++) if (arcs[i] >= 0) result[i] = flow.flowOn(arcs[i])
  return result
}

/**
 * The flow of solveAssignmentFlow without Land nodes, most of it without a search: each unit goes
 * to its cheapest allowed ring while that ring is below its minimum (in unit order), which is
 * optimal for what it sends under the potentials −(cheapest cost) for a unit and 0 for rings and
 * sink; the successive shortest paths then place the rest (about a third). Returns the amount sent.
 */
function placeNearestFirst(input: {
  flow: MinCostFlow
  problem: Problem
  cost: Float64Array
  arcs: Int32Array
  supplyArcs: Int32Array
  mandatory: readonly number[]
  nodes: { source: number; sink: number }
}): number {
  const { flow, problem, cost, arcs, supplyArcs, mandatory, nodes } = input
  const { units, k, minSize } = problem
  const potentials = new Float64Array(nodes.sink + 1)
  const room = new Int32Array(k).fill(minSize)
  let placed = 0
  let total = 0
  units.forEach((unit, u) => {
    const size = unit.members.length
    total += size
    let nearest = -1
    for (let r = 0; r < k; r++)
      if (arcs[u * k + r] >= 0 && (nearest < 0 || cost[u * k + r] < cost[u * k + nearest])) nearest = r
    if (nearest < 0) return
    potentials[1 + u] = -cost[u * k + nearest]
    if (room[nearest] < size) return
    room[nearest] -= size
    flow.addFlow(supplyArcs[u], size)
    flow.addFlow(arcs[u * k + nearest], size)
    flow.addFlow(mandatory[nearest], size)
    placed += size
  })
  return placed + flow.solve({ ...nodes, amount: total - placed, potentials })
}

interface Violation {
  ring: number
  units: number[]
  message: Message
}

/** Violated apart and spread constraints (spread only for mixed-Land together-groups, which the flow cannot see). */
function findViolations(problem: Problem, ringOfUnit: Int32Array): Violation[] {
  const { units, apartOf, landCap, k } = problem
  const violations: Violation[] = []
  for (let u = 0; u < units.length; u++) {
    for (const v of apartOf[u]) {
      if (v > u && ringOfUnit[u] === ringOfUnit[v]) {
        violations.push({
          ring: ringOfUnit[u],
          units: [v, u],
          message: message('peers.mustBeApart', {
            a: problem.ids[units[u].members[0]],
            b: problem.ids[units[v].members[0]],
          }),
        })
      }
    }
  }
  if (landCap) {
    for (let r = 0; r < k; r++) {
      const perLand = new Map<number, number>()
      const inRing: number[] = []
      units.forEach((unit, u) => {
        if (ringOfUnit[u] !== r) return
        inRing.push(u)
        for (const [l, c] of unit.landCounts) perLand.set(l, (perLand.get(l) ?? 0) + c)
      })
      for (const [l, c] of perLand) {
        if (c > landCap[l]) {
          const offenders = inRing.filter((u) => units[u].landCounts.has(l))
          violations.push({
            ring: r,
            units: offenders,
            message: message('peers.landCapInRing', {
              ring: r,
              count: c,
              land: problem.landNames[l],
              cap: landCap[l],
            }),
          })
        }
      }
    }
  }
  return violations
}

/**
 * Ring sums in the (augmented) feature space: the within-ring SS of a ring is
 * Σ‖x‖² − ‖Σx‖²/size, so the effect of moving or swapping units is O(d) to evaluate.
 */
class RingLedger {
  readonly size: Int32Array
  readonly sum: Float64Array // k × cols
  readonly sumSquares: Float64Array
  readonly landCount: Int32Array // k × landCount
  readonly unitSize: Int32Array
  readonly unitSum: Float64Array // units × cols
  readonly unitSumSquares: Float64Array
  private readonly cols: number

  constructor(
    private readonly problem: Problem,
    private readonly ringOfUnit: Int32Array,
  ) {
    const { matrix, units, k, landCount, landOfPoint } = problem
    const cols = matrix.cols
    this.cols = cols
    this.size = new Int32Array(k)
    this.sum = new Float64Array(k * cols)
    this.sumSquares = new Float64Array(k)
    this.landCount = new Int32Array(k * Math.max(landCount, 1))
    this.unitSize = new Int32Array(units.length)
    this.unitSum = new Float64Array(units.length * cols)
    this.unitSumSquares = new Float64Array(units.length)
    units.forEach((unit, u) => {
      this.unitSize[u] = unit.members.length
      for (const i of unit.members) {
        for (let j = 0; j < cols; j++) {
          const v = matrix.data[i * cols + j]
          this.unitSum[u * cols + j] += v
          this.unitSumSquares[u] += v * v
        }
        if (landCount > 0) this.landCount[ringOfUnit[u] * landCount + landOfPoint[i]]++
      }
      this.apply(u, ringOfUnit[u], 1)
    })
  }

  private apply(u: number, r: number, sign: number): void {
    const cols = this.cols
    this.size[r] += sign * this.unitSize[u]
    this.sumSquares[r] += sign * this.unitSumSquares[u]
    for (let j = 0; j < cols; j++) this.sum[r * cols + j] += sign * this.unitSum[u * cols + j]
  }

  /** Moves unit u to ring `to`, updating sums and Land counts. */
  move(u: number, to: number): void {
    const from = this.ringOfUnit[u]
    this.apply(u, from, -1)
    this.apply(u, to, 1)
    const { landCount, landOfPoint, units } = this.problem
    if (landCount > 0) {
      for (const i of units[u].members) {
        this.landCount[from * landCount + landOfPoint[i]]--
        this.landCount[to * landCount + landOfPoint[i]]++
      }
    }
    this.ringOfUnit[u] = to
  }

  /** Within-ring SS of ring r after removing unit `out` and adding unit `into` (−1 = none). */
  costAfter(r: number, out: number, into: number): number {
    const cols = this.cols
    let size = this.size[r]
    let sumSquares = this.sumSquares[r]
    if (out >= 0) {
      size -= this.unitSize[out]
      sumSquares -= this.unitSumSquares[out]
    }
    if (into >= 0) {
      size += this.unitSize[into]
      sumSquares += this.unitSumSquares[into]
    }
    if (size === 0) return 0
    let norm = 0
    for (let j = 0; j < cols; j++) {
      let s = this.sum[r * cols + j]
      if (out >= 0) s -= this.unitSum[out * cols + j]
      if (into >= 0) s += this.unitSum[into * cols + j]
      norm += s * s
    }
    return sumSquares - norm / size
  }

  /** Whether ring r stays within the Land caps after removing `out` and adding `into`. */
  isLandOk(r: number, out: number, into: number): boolean {
    const { landCap, landCount, units } = this.problem
    if (!landCap || into < 0) return true
    for (const [l, c] of units[into].landCounts) {
      const after =
        this.landCount[r * landCount + l] + c - (out >= 0 ? (units[out].landCounts.get(l) ?? 0) : 0)
      if (after > landCap[l]) return false
    }
    return true
  }
}

const pairDistanceCache = new WeakMap<Problem, Float64Array>()

/**
 * Screens swaps of two one-organisation units before their exact evaluation. Swapping u (ring a)
 * and v (ring b), equal sizes kept, changes the objective by
 *   ‖x_v − c_a‖² − ‖x_u − c_a‖² + ‖x_u − c_b‖² − ‖x_v − c_b‖² − ‖x_u − x_v‖² (1/n_a + 1/n_b),
 * which takes O(1) from the squared distances of every point to every ring centre (refreshed for
 * the two rings a move changes) and between points (once per problem). A pair whose change is
 * clearly positive — beyond any rounding of either formula — is skipped; every other pair is
 * judged from the ring sums as before, so the same swaps are made.
 */
class SwapScreen {
  private readonly toCentre: Float64Array // units × k
  private readonly between: Float64Array // units × units
  private readonly cols: number

  constructor(
    private readonly problem: Problem,
    private readonly ledger: RingLedger,
  ) {
    const count = problem.units.length
    this.cols = problem.matrix.cols
    this.toCentre = new Float64Array(count * problem.k)
    for (let r = 0; r < problem.k; r++) this.refresh(r)
    let between = pairDistanceCache.get(problem)
    if (!between) {
      between = new Float64Array(count * count)
      const sums = ledger.unitSum
      for (let u = 0; u < count; u++)
        for (let v = u + 1; v < count; v++) {
          const d = squaredDistance(sums, u, sums, v, this.cols)
          between[u * count + v] = d
          between[v * count + u] = d
        }
      pairDistanceCache.set(problem, between)
    }
    this.between = between
  }

  /** Distances of every point to the centre of ring r, after r changed. */
  refresh(r: number): void {
    const { k, units } = this.problem
    const { sum, size, unitSum, unitSize } = this.ledger
    const cols = this.cols
    const inverse = size[r] > 0 ? 1 / size[r] : 0
    for (let u = 0; u < units.length; u++) {
      if (unitSize[u] !== 1) continue
      let d = 0
      for (let j = 0; j < cols; j++) {
        const diff = unitSum[u * cols + j] - sum[r * cols + j] * inverse
        d += diff * diff
      }
      this.toCentre[u * k + r] = d
    }
  }

  /** Whether swapping one-organisation units u (in a) and v (in b) surely does not improve. */
  isClearlyWorse(u: number, v: number, a: number, b: number, scale: number): boolean {
    const { k, units } = this.problem
    const { size, unitSize } = this.ledger
    if (unitSize[u] !== 1 || unitSize[v] !== 1) return false
    const vToA = this.toCentre[v * k + a]
    const uToB = this.toCentre[u * k + b]
    const change =
      vToA -
      this.toCentre[u * k + a] +
      uToB -
      this.toCentre[v * k + b] -
      this.between[u * units.length + v] * (1 / size[a] + 1 / size[b])
    return change > 1e-9 * (1 + Math.abs(scale) + vToA + uToB)
  }
}

/** Strictly improving single moves and pairwise swaps that keep all hard constraints; returns the count. */
function improveLocally(problem: Problem, ringOfUnit: Int32Array): number {
  const { units, k, minSize, maxSize, apartOf } = problem
  const ledger = new RingLedger(problem, ringOfUnit)
  const screen = new SwapScreen(problem, ledger)
  const cost = Float64Array.from({ length: k }, (_, r) => ledger.costAfter(r, -1, -1))
  const isApartOk = (u: number, ring: number, ignore: number) =>
    apartOf[u].every((v) => v === ignore || ringOfUnit[v] !== ring)
  const isImprovement = (delta: number, scale: number) => delta < -1e-10 * (1 + Math.abs(scale))
  const movable = units.map((unit) => unit.pinnedRing < 0)
  let moves = 0

  for (let pass = 0; pass < 100; pass++) {
    let improved = false
    /** After a move or a swap between rings x and y: their screens and costs are the new ones. */
    const settle = (x: number, xCost: number, y: number, yCost: number) => {
      screen.refresh(x)
      screen.refresh(y)
      cost[x] = xCost
      cost[y] = yCost
      improved = true
      moves++
    }
    for (let u = 0; u < units.length; u++) {
      if (!movable[u]) continue
      const from = ringOfUnit[u]
      const size = ledger.unitSize[u]
      if (ledger.size[from] - size < minSize) continue
      const fromAfter = ledger.costAfter(from, u, -1)
      for (let to = 0; to < k; to++) {
        if (to === from || ledger.size[to] + size > maxSize) continue
        const toAfter = ledger.costAfter(to, -1, u)
        if (!isImprovement(fromAfter + toAfter - cost[from] - cost[to], cost[from])) continue
        if (!isApartOk(u, to, -1) || !ledger.isLandOk(to, -1, u)) continue
        ledger.move(u, to)
        settle(from, fromAfter, to, toAfter)
        break
      }
    }
    for (let u = 0; u < units.length; u++) {
      if (!movable[u]) continue
      for (let v = u + 1; v < units.length; v++) {
        const a = ringOfUnit[u]
        const b = ringOfUnit[v]
        if (a === b || !movable[v]) continue
        const diff = ledger.unitSize[v] - ledger.unitSize[u]
        if (diff !== 0) {
          if (ledger.size[a] + diff < minSize || ledger.size[a] + diff > maxSize) continue
          if (ledger.size[b] - diff < minSize || ledger.size[b] - diff > maxSize) continue
        }
        if (screen.isClearlyWorse(u, v, a, b, cost[a] + cost[b])) continue
        const aAfter = ledger.costAfter(a, u, v)
        const bAfter = ledger.costAfter(b, v, u)
        if (!isImprovement(aAfter + bAfter - cost[a] - cost[b], cost[a] + cost[b])) continue
        if (!isApartOk(u, b, v) || !isApartOk(v, a, u)) continue
        if (!ledger.isLandOk(b, v, u) || !ledger.isLandOk(a, u, v)) continue
        ledger.move(u, b)
        ledger.move(v, a)
        settle(a, aAfter, b, bAfter)
      }
    }
    if (!improved) break
  }
  return moves
}

function computeObjective(problem: Problem, ringOfUnit: Int32Array): number {
  const ledger = new RingLedger(problem, ringOfUnit)
  let total = 0
  for (let r = 0; r < problem.k; r++) total += ledger.costAfter(r, -1, -1)
  return total
}

function assertConstraints(problem: Problem, ringOfUnit: Int32Array): void {
  const { size } = new RingLedger(problem, ringOfUnit)
  for (let r = 0; r < problem.k; r++) {
    if (size[r] < problem.minSize || size[r] > problem.maxSize) {
      throw new AppError('internal', message('peers.ringSizeBroken', { ring: r, size: size[r] }))
    }
  }
  problem.units.forEach((unit, u) => {
    if (ringOfUnit[u] < 0 || (unit.pinnedRing >= 0 && ringOfUnit[u] !== unit.pinnedRing)) {
      throw new AppError('internal', message('peers.unitNotPinned', { unit: u }))
    }
  })
  const [violation] = findViolations(problem, ringOfUnit)
  if (violation) throw new AppError('internal', violation.message)
}

function describeResult(input: {
  problem: Problem
  options: FormBoundedRingsOptions
  ringOfUnit: Int32Array
  restartsUsed: number
}): BoundedRingsResult {
  const { problem, options, ringOfUnit, restartsUsed } = input
  const { k, featureCols, matrix, unitOf } = problem
  const n = options.ids.length
  let ringIndex = Array.from({ length: k }, (_, r) => r)
  // Without pins ring numbers carry no meaning: number them by their first member for stable output.
  if (!options.pinned || options.pinned.length === 0) {
    const order: number[] = []
    for (let i = 0; i < n; i++) {
      const r = ringOfUnit[unitOf[i]]
      if (!order.includes(r)) order.push(r)
    }
    ringIndex = new Array<number>(k)
    order.forEach((r, index) => (ringIndex[r] = index))
  }
  const labels = Array.from({ length: n }, (_, i) => ringIndex[ringOfUnit[unitOf[i]]])
  const rings: string[][] = Array.from({ length: k }, () => [])
  labels.forEach((r, i) => rings[r].push(options.ids[i]))
  const centroids: number[][] = Array.from({ length: k }, () => new Array<number>(featureCols).fill(0))
  labels.forEach((r, i) => {
    for (let j = 0; j < featureCols; j++) centroids[r][j] += matrix.data[i * matrix.cols + j]
  })
  centroids.forEach((c, r) => c.forEach((_, j) => (c[j] /= rings[r].length || 1)))
  let withinSS = 0
  labels.forEach((r, i) => {
    for (let j = 0; j < featureCols; j++)
      withinSS += (matrix.data[i * matrix.cols + j] - centroids[r][j]) ** 2
  })
  const objective = computeObjective(problem, ringOfUnit)
  return {
    labels,
    rings,
    sizes: rings.map((ring) => ring.length),
    centroids,
    withinSS,
    landPenalty: options.land === 'group' ? Math.max(0, objective - withinSS) : 0,
    restartsUsed,
  }
}
