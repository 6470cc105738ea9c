/**
 * Bootstrap stability on more than one core: the replicates of a large bootstrap (11,000 rows, 20
 * Ward re-clusterings of 2,000 drawn rows) are shared between worker threads and this thread,
 * which takes the next waiting replicate whenever it is free (it starts with one, then computes
 * R², silhouette and spread while the workers start and re-cluster). The samples are drawn up front from
 * the seeded stream (drawBootstrapSamples) and the indices kept in replicate order, so the result
 * is the same as on one thread. Small bootstraps (a network's few hundred organisations) stay on
 * this thread: starting a worker (about 0.4 s, it loads the TypeScript core) would cost more than
 * it saves.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  drawBootstrapSamples,
  runBootstrapWithPauses,
  scoreBootstrapReplicate,
  type BootstrapPlan,
  type BootstrapRunner,
  type ReclusterOptions,
} from '../../core/peers'
import { flattenPoints } from '../../core/peers/matrix'
import type { BootstrapReply, BootstrapRequest, BootstrapWorkerData } from './bootstrap-worker'

const WORKER_ENTRY = new URL('./bootstrap-worker-entry.mjs', import.meta.url)

/** Rows per replicate from which the replicates are shared with worker threads. */
export const PARALLEL_BOOTSTRAP_MIN_ROWS = 1000

/** Worker threads beside this one: one per further core, at most three. */
const defaultWorkers = () => Math.min(3, availableParallelism() - 1)

/**
 * Bootstrap workers running in this process: bootstraps that run at once (a server's proposals)
 * together start no more than defaultWorkers(); one that finds none free runs on its own thread.
 */
let runningWorkers = 0

export interface BootstrapRunnerOptions {
  /** The re-clustering of the plan as data (the plan's own `recluster` runs on this thread). */
  recluster: ReclusterOptions
  /** Awaited after each replicate run on this thread, so that its event loop gets a turn. */
  pause: () => Promise<void>
  /** Worker threads for a large bootstrap (default: one per further core, at most 3; 0 = none). */
  workers?: number
  /** Rows per replicate from which workers are used (default PARALLEL_BOOTSTRAP_MIN_ROWS). */
  minRows?: number
}

/** A BootstrapRunner that shares a large bootstrap with worker threads and runs a small one here. */
export function createBootstrapRunner(options: BootstrapRunnerOptions): BootstrapRunner {
  const onThisThread = runBootstrapWithPauses(options.pause)
  return async (plan) => {
    const wanted = options.workers ?? defaultWorkers()
    const workers = Math.min(wanted, Math.max(defaultWorkers(), wanted) - runningWorkers)
    const isLarge = plan.sampleRows >= (options.minRows ?? PARALLEL_BOOTSTRAP_MIN_ROWS)
    if (workers < 1 || !isLarge || plan.replicates < 2) return onThisThread(plan)
    runningWorkers += workers
    try {
      return await runWithWorkers({ plan, workers, recluster: options.recluster, pause: options.pause })
    } finally {
      runningWorkers -= workers
    }
  }
}

async function runWithWorkers(input: {
  plan: BootstrapPlan
  workers: number
  recluster: ReclusterOptions
  pause: () => Promise<void>
}): Promise<number[]> {
  const { plan, recluster, pause } = input
  const matrix = flattenPoints(plan.points)
  const samples = drawBootstrapSamples({
    rows: matrix.rows,
    replicates: plan.replicates,
    sampleRows: plan.sampleRows,
    seed: plan.seed,
  })
  const rows = plan.points.map((row) => Array.from(row))
  const indices = new Array<number>(plan.replicates)
  const waiting = samples.map((_, b) => b)
  let done = 0
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  const finish = (b: number, labels: ArrayLike<number>) => {
    indices[b] = scoreBootstrapReplicate(plan.labels, samples[b]!, labels)
    done++
    plan.onProgress?.(done, plan.replicates)
  }

  const workerData: BootstrapWorkerData = { ...matrix, recluster }
  const threads = Array.from({ length: input.workers }, () => {
    const worker = new Worker(WORKER_ENTRY, { workerData })
    let current = -1
    const takeNext = () => {
      current = waiting.shift() ?? -1
      if (current >= 0)
        worker.postMessage({ index: current, drawn: samples[current]! } satisfies BootstrapRequest)
    }
    // A worker that fails (or cannot start) hands its replicate back and stops; this thread
    // takes it, so a failing re-clustering throws its error here.
    const giveBack = () => {
      if (current >= 0) waiting.unshift(current)
      current = -1
      worker.removeAllListeners('message')
      void worker.terminate()
      notify()
    }
    worker.on('message', (reply: BootstrapReply) => {
      if (reply.labels === null) return giveBack()
      try {
        finish(reply.index, reply.labels)
      } catch {
        return giveBack()
      }
      current = -1
      takeNext()
      notify()
    })
    worker.once('error', giveBack)
    worker.once('exit', giveBack)
    takeNext()
    return worker
  })

  try {
    while (done < plan.replicates) {
      const b = waiting.shift()
      if (b === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        continue
      }
      finish(b, plan.recluster(Array.from(samples[b]!, (i) => rows[i]!)))
      await pause()
    }
  } finally {
    for (const worker of threads) {
      worker.removeAllListeners()
      void worker.terminate()
    }
  }
  return indices
}
