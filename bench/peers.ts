/**
 * Peer-group statistics benchmark: Ward on 11,000 × 8 random points in this process next to
 * scikit-learn on the same data in a Python subprocess (skipped with a note when python3 or
 * scikit-learn is missing), and 10 bounded rings of 9–12 for 104 organisations × 6 indicators.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formBoundedRings } from '../src/core/peers/bounded-rings'
import { computeAdjustedRandIndex } from '../src/core/peers/quality'
import { computeWardLinkage, cutTree } from '../src/core/peers/ward'
import { createRandom } from '../src/core/random'
import { peakRssMb, type BenchResult } from './types'

const WARD_ROWS = 11_000
const WARD_COLS = 8
const WARD_K = 10

// Times scikit-learn's Ward on the raw float64 file; prints seconds, peak RSS and labels as JSON.
const SKLEARN_SCRIPT = `
import json, resource, sys, time
import numpy as np
from sklearn.cluster import AgglomerativeClustering
X = np.fromfile(sys.argv[1], dtype='<f8').reshape(-1, int(sys.argv[2]))
t = time.perf_counter()
labels = AgglomerativeClustering(n_clusters=int(sys.argv[3]), linkage='ward').fit(X).labels_
seconds = time.perf_counter() - t
print(json.dumps({'seconds': seconds, 'peakMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'labels': labels.tolist()}))
`

interface SklearnRun {
  seconds: number
  peakMb: number
  labels: number[]
}

function runSklearn(file: string): SklearnRun | string {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
  const run = spawnSync(python, ['-c', SKLEARN_SCRIPT, file, String(WARD_COLS), String(WARD_K)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  })
  if (run.error) return `scikit-learn part skipped: ${python} not runnable (${run.error.message})`
  if (run.status !== 0)
    return `scikit-learn part skipped: ${run.stderr.trim().split('\n').at(-1) ?? 'python failed'}`
  return JSON.parse(run.stdout) as SklearnRun
}

/** Runs the peer-group benchmarks and returns their figures. */
export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const random = createRandom(20240601)
  const flat = new Float64Array(WARD_ROWS * WARD_COLS)
  for (let i = 0; i < flat.length; i++) flat[i] = random()
  const rows = Array.from({ length: WARD_ROWS }, (_, i) => flat.subarray(i * WARD_COLS, (i + 1) * WARD_COLS))

  const started = performance.now()
  const labels = cutTree(computeWardLinkage(rows), WARD_K)
  const wardSeconds = (performance.now() - started) / 1000
  const wardPeak = await peakRssMb()

  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'))
  const file = join(dir, 'points.f64')
  writeFileSync(file, Buffer.from(flat.buffer))
  const sklearn = runSklearn(file)
  rmSync(dir, { recursive: true, force: true })

  const name = `Ward ${WARD_ROWS.toLocaleString('en')} × ${WARD_COLS}, k = ${WARD_K}`
  if (typeof sklearn === 'string') {
    results.push({ name: `${name} (TypeScript, NN-chain)`, value: wardSeconds, unit: 's', note: sklearn })
  } else {
    const ari = computeAdjustedRandIndex(labels, sklearn.labels)
    results.push({
      name: `${name} (TypeScript, NN-chain)`,
      value: wardSeconds,
      unit: 's',
      target: `≤ scikit-learn (${sklearn.seconds.toFixed(2)} s)`,
      isMet: wardSeconds <= sklearn.seconds,
      note: `same labels as scikit-learn: adjusted Rand index ${ari.toFixed(6)}`,
    })
    results.push({ name: `${name} (scikit-learn, Python subprocess)`, value: sklearn.seconds, unit: 's' })
    results.push({ name: 'Ward speed-up over scikit-learn', value: sklearn.seconds / wardSeconds, unit: 'x' })
    results.push({ name: 'Ward peak memory (scikit-learn process)', value: sklearn.peakMb, unit: 'MB' })
  }
  results.push({ name: 'Ward peak memory (this process so far)', value: wardPeak, unit: 'MB' })

  const ringRandom = createRandom(7)
  const ids = Array.from({ length: 104 }, (_, i) => `jc${i}`)
  const points = ids.map(() => Array.from({ length: 6 }, () => ringRandom() + ringRandom() + ringRandom()))
  const ringsStarted = performance.now()
  const rings = formBoundedRings({ ids, points, k: 10, minSize: 9, maxSize: 12, seed: 1 })
  const ringsMs = performance.now() - ringsStarted
  results.push({
    name: '10 rings of 9–12 for 104 × 6 (min-cost flow + local search, first call)',
    value: ringsMs,
    unit: 'ms',
    target: '< 500 ms',
    isMet: ringsMs < 500,
    note: `sizes ${rings.sizes.join(', ')}`,
  })
  const warm: number[] = []
  for (let run = 0; run < 5; run++) {
    const t = performance.now()
    formBoundedRings({ ids, points, k: 10, minSize: 9, maxSize: 12, seed: 1 + run })
    warm.push(performance.now() - t)
  }
  warm.sort((a, b) => a - b)
  results.push({
    name: '10 rings of 9–12 for 104 × 6 (median of 5 further calls, other seeds)',
    value: warm[2],
    unit: 'ms',
    target: '< 500 ms',
    isMet: warm[2] < 500,
  })
  results.push({ name: 'peak memory after rings (this process)', value: await peakRssMb(), unit: 'MB' })
  return results
}
