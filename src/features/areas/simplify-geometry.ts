/**
 * Douglas–Peucker simplification of district boundaries, in degrees (a map of Germany at page size
 * needs no more than ~0.005°, about 350–550 m). Rings stay closed with at least 4 positions; holes
 * and islands that collapse are dropped, but a district always keeps its largest polygon.
 */
import type { BoundaryGeometry } from '../../contracts/areas'

type Position = [number, number]

/** Squared distance of p from the segment a–b. */
function squaredSegmentDistance(p: Position, a: Position, b: Position): number {
  let [x, y] = a
  let dx = b[0] - x
  let dy = b[1] - y
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy)
    if (t > 1) {
      x = b[0]
      y = b[1]
    } else if (t > 0) {
      x += dx * t
      y += dy * t
    }
  }
  dx = p[0] - x
  dy = p[1] - y
  return dx * dx + dy * dy
}

/** Douglas–Peucker on an open or closed line (iterative, so long rings cannot overflow the stack). */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2 || tolerance <= 0) return points.map((p) => [p[0], p[1]])
  const squaredTolerance = tolerance * tolerance
  const keep = new Uint8Array(points.length)
  keep[0] = 1
  keep[points.length - 1] = 1
  const stack: [number, number][] = [[0, points.length - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop()!
    let maxDistance = 0
    let index = -1
    for (let i = first + 1; i < last; i++) {
      const distance = squaredSegmentDistance(points[i]!, points[first]!, points[last]!)
      if (distance > maxDistance) {
        maxDistance = distance
        index = i
      }
    }
    if (index >= 0 && maxDistance > squaredTolerance) {
      keep[index] = 1
      stack.push([first, index], [index, last])
    }
  }
  return points.filter((_, i) => keep[i] === 1).map((p) => [p[0], p[1]])
}

/**
 * A closed ring: the first and last positions are the same, so Douglas–Peucker on it as a line would
 * measure distances from a zero-length segment. Split at the point farthest from the start instead.
 */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] | null {
  if (tolerance <= 0) return ring.map((p) => [p[0], p[1]])
  const start = ring[0]!
  let farthest = 1
  let maxDistance = -1
  for (let i = 1; i < ring.length - 1; i++) {
    const d = (ring[i]![0] - start[0]) ** 2 + (ring[i]![1] - start[1]) ** 2
    if (d > maxDistance) {
      maxDistance = d
      farthest = i
    }
  }
  const head = simplifyLine(ring.slice(0, farthest + 1), tolerance)
  const tail = simplifyLine(ring.slice(farthest), tolerance)
  const result = [...head, ...tail.slice(1)]
  return result.length >= 4 ? result : null
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

function roundRing(ring: Position[], decimals: number): Position[] {
  const rounded: Position[] = []
  for (const p of ring) {
    const q: Position = [round(p[0], decimals), round(p[1], decimals)]
    const previous = rounded[rounded.length - 1]
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) rounded.push(q)
  }
  return rounded
}

/** Shoelace area in square degrees (only to find the largest polygon). */
function ringArea(ring: readonly Position[]): number {
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1]
  return Math.abs(sum) / 2
}

function simplifyPolygon(polygon: Position[][], tolerance: number, decimals: number): Position[][] | null {
  const [outer, ...holes] = polygon
  const simplifiedOuter = simplifyRing(outer!, tolerance)
  if (!simplifiedOuter) return null
  const rounded = roundRing(simplifiedOuter, decimals)
  if (rounded.length < 4) return null
  const keptHoles = holes
    .map((hole) => simplifyRing(hole, tolerance))
    .filter((hole): hole is Position[] => hole !== null)
    .map((hole) => roundRing(hole, decimals))
    .filter((hole) => hole.length >= 4)
  return [rounded, ...keptHoles]
}

export function countPositions(geometry: BoundaryGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + ring.length, 0), 0)
}

/** Simplifies a validated geometry; with tolerance 0 it is returned unchanged (copied). */
export function simplifyGeometry(geometry: BoundaryGeometry, tolerance: number): BoundaryGeometry {
  if (tolerance <= 0) return structuredClone(geometry)
  // Rounding below a tenth of the tolerance changes nothing visible and shortens the JSON.
  const decimals = Math.min(6, Math.max(3, Math.ceil(-Math.log10(tolerance / 10))))
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const kept = polygons
    .map((polygon) => simplifyPolygon(polygon, tolerance, decimals))
    .filter((polygon): polygon is Position[][] => polygon !== null)
  if (kept.length === 0) {
    // Everything collapsed (a tiny district): keep the largest polygon as it was.
    const largest = [...polygons].sort((a, b) => ringArea(b[0]!) - ringArea(a[0]!))[0]!
    kept.push(largest.map((ring) => ring.map((p): Position => [p[0], p[1]])))
  }
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0]! }
    : { type: 'MultiPolygon', coordinates: kept }
}
