/**
 * Where the direct path (import-file.ts) gets its checked rows: from DirectRows on the importing
 * thread, or from a worker thread running the same DirectRows (direct-rows-worker.ts). On PGlite the
 * database runs on the importing thread, so reading and checking a large file there would take turns
 * with its COPY; in a worker they overlap. (A PostgreSQL server already works in a process of its own.)
 */
import { Worker } from 'node:worker_threads'
import { DirectRows, RowRefused, type DirectRowsEnd } from './direct-rows'
import type { DirectRowsCommand, DirectRowsReply, DirectRowsRequest } from './direct-rows-worker'

const WORKER_ENTRY = new URL('./direct-rows-worker-entry.mjs', import.meta.url)

/** The checked rows of one file, as the direct path takes them. Every method may throw RowRefused. */
export interface DirectRowSource {
  /** Whether there is a value to write (the import batch is recorded only then). */
  hasValues(): Promise<boolean>
  /** COPY text for `observation` (revision 1 of `batchId`), after hasValues() said true. */
  chunks(batchId: number): AsyncIterable<string | Uint8Array<ArrayBuffer>>
  /** After the chunks: what the checks found. */
  finish(): Promise<DirectRowsEnd>
  /** Stops the worker, if any (also when the import gives up early). */
  close(): Promise<void>
}

/** Calls `wrote` after each chunk is taken (the import's progress). */
export function rowsInThisThread(rows: DirectRows, wrote: () => void): DirectRowSource {
  return {
    hasValues: async () => rows.hasValues(),
    async *chunks(batchId) {
      for (const text of rows.lines(batchId)) {
        yield text
        wrote()
      }
    },
    finish: async () => rows.finish(),
    close: async () => undefined,
  }
}

/**
 * Starts a worker that opens and checks the file itself; `onChunk` gets the bytes of the file read
 * when a chunk is taken (the import's progress).
 */
export function rowsInWorker(
  request: DirectRowsRequest,
  onChunk: (bytesRead: number) => void,
): DirectRowSource {
  const worker = new Worker(WORKER_ENTRY)
  const replies: DirectRowsReply[] = []
  let waiting: ((reply: DirectRowsReply) => void) | undefined
  const deliver = (reply: DirectRowsReply) => {
    const take = waiting
    waiting = undefined
    if (take) take(reply)
    else replies.push(reply)
  }
  worker.on('message', deliver)
  worker.on('error', (error) => deliver({ kind: 'failed', reason: error.stack ?? error.message }))
  worker.on('exit', (code) => deliver({ kind: 'failed', reason: `the checking worker stopped (${code})` }))
  const next = () =>
    new Promise<DirectRowsReply>((resolve) => {
      const reply = replies.shift()
      if (reply) resolve(reply)
      else waiting = resolve
    })
  const command = (message: DirectRowsCommand) => worker.postMessage(message)
  const fail = (reply: DirectRowsReply): never => {
    if (reply.kind === 'refused') throw new RowRefused()
    throw new Error(
      reply.kind === 'failed' ? reply.reason : `unexpected reply from the checking worker: ${reply.kind}`,
    )
  }
  // The bytes are copied, not transferred: the staged path may have to read the file again.
  worker.postMessage(request)
  let end: DirectRowsEnd | undefined
  return {
    async hasValues() {
      const reply = await next()
      if (reply.kind === 'first') return true
      if (reply.kind === 'end') {
        end = reply.end
        return false
      }
      return fail(reply)
    },
    async *chunks(batchId) {
      command({ kind: 'batch', batchId })
      for (;;) {
        const reply = await next()
        if (reply.kind === 'end') {
          end = reply.end
          return
        }
        if (reply.kind !== 'chunk') fail(reply)
        else {
          command({ kind: 'taken' })
          onChunk(reply.bytesRead)
          yield reply.bytes
        }
      }
    },
    async finish() {
      if (end) return end
      const reply = await next()
      if (reply.kind === 'end') return reply.end
      return fail(reply)
    },
    close: async () => {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
