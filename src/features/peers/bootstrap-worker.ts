/**
 * The body of a bootstrap worker thread: the standardised rows and the re-clustering arrive once
 * (workerData), then one message per replicate (the rows drawn), answered with the new labels.
 * A re-clustering that fails is answered without labels: the calling thread then runs that
 * replicate itself, so the error it reports is the one the core throws.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createRecluster, type ReclusterOptions } from '../../core/peers'

export interface BootstrapWorkerData {
  /** Row-major rows × cols values. */
  data: Float64Array
  rows: number
  cols: number
  recluster: ReclusterOptions
}

export interface BootstrapRequest {
  index: number
  drawn: Int32Array
}

export type BootstrapReply = { index: number; labels: Int32Array } | { index: number; labels: null }

const { data, rows, cols, recluster } = workerData as BootstrapWorkerData
const points = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)))
const reclusterSample = createRecluster(recluster)

parentPort?.on('message', ({ index, drawn }: BootstrapRequest) => {
  let reply: BootstrapReply
  try {
    const labels = reclusterSample(Array.from(drawn, (i) => points[i]!))
    reply = { index, labels: Int32Array.from(labels) }
  } catch {
    reply = { index, labels: null }
  }
  parentPort!.postMessage(reply)
})
