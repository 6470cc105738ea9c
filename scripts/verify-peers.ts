/**
 * Entry for scripts/verify-peers.py: runs one method of the peers core on a CSV matrix (no header,
 * numbers only) and prints the result as JSON on stdout, so the Python side can compare it with
 * scikit-learn / scipy. Usage: node bin/run-ts.mjs scripts/verify-peers.ts <in.csv> <method> <k>
 * Methods:
 *   ward         Ward labels (k clusters) and linkage heights
 *   kmeans       k-means++ best of 10 starts (seed 1): labels and inertia
 *   ward-kmeans  Ward (k) refined by k-means: labels and inertia
 *   quality      last two columns are label vectors a, b: silhouette(a), R²(a), ARI(a, b)
 *   standardise  z-scores with the last column log-transformed
 *   neighbours   k nearest neighbours of each row (indices)
 *   rings        k rings, sizes floor(n/k)−1 … ceil(n/k)+1 (like 9–12 for 104/10): labels, within SS
 */
import { readFileSync } from 'node:fs'
import { formBoundedRings } from '../src/core/peers/bounded-rings'
import { refineKMeans, runKMeans } from '../src/core/peers/kmeans'
import { findNearestNeighbours } from '../src/core/peers/neighbours'
import {
  computeAdjustedRandIndex,
  computeExplainedVariance,
  computeSilhouette,
} from '../src/core/peers/quality'
import { buildStandardisedMatrix } from '../src/core/peers/transform'
import { clusterWard } from '../src/core/peers/ward'

const [file, method, kText] = process.argv.slice(2)
if (!file || !method) {
  console.error('usage: node bin/run-ts.mjs scripts/verify-peers.ts <in.csv> <method> <k>')
  process.exit(2)
}
const k = Number(kText ?? 0)
const rows = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number))
const ids = rows.map((_, i) => String(i))

function run(): unknown {
  const started = performance.now()
  const elapsed = () => performance.now() - started
  switch (method) {
    case 'ward': {
      const { labels, linkage } = clusterWard(rows, k)
      return { labels, heights: linkage.map((row) => row[2]), ms: elapsed() }
    }
    case 'kmeans': {
      const result = runKMeans(rows, { k, seed: 1, starts: 10 })
      return { labels: result.labels, inertia: result.inertia, ms: elapsed() }
    }
    case 'ward-kmeans': {
      const ward = clusterWard(rows, k)
      const result = refineKMeans(rows, { labels: ward.labels })
      return { labels: result.labels, inertia: result.inertia, wardLabels: ward.labels, ms: elapsed() }
    }
    case 'quality': {
      const data = rows.map((row) => row.slice(0, -2))
      const a = rows.map((row) => row[row.length - 2])
      const b = rows.map((row) => row[row.length - 1])
      return {
        silhouette: computeSilhouette(data, a).mean,
        rSquared: computeExplainedVariance(data, a).rSquared,
        ari: computeAdjustedRandIndex(a, b),
      }
    }
    case 'standardise': {
      const cols = rows[0].length
      const result = buildStandardisedMatrix({
        ids,
        columns: Array.from({ length: cols }, (_, j) => ({
          name: `c${j}`,
          values: rows.map((row) => row[j]),
          transform: j === cols - 1 ? ('log' as const) : ('none' as const),
        })),
      })
      return { matrix: result.matrix }
    }
    case 'neighbours': {
      const lists = findNearestNeighbours({ ids, columns: rows[0].map((_, j) => `c${j}`), matrix: rows, k })
      return { neighbours: lists.map((list) => list.neighbours.map((n) => Number(n.id))) }
    }
    case 'rings': {
      const minSize = Math.floor(rows.length / k) - 1
      const maxSize = Math.ceil(rows.length / k) + 1
      const result = formBoundedRings({ ids, points: rows, k, minSize, maxSize, seed: 1 })
      return { labels: result.labels, withinSS: result.withinSS, minSize, maxSize, ms: elapsed() }
    }
    default:
      throw new Error(`unknown method ${method}`)
  }
}

console.log(JSON.stringify(run()))
