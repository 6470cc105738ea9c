/**
 * Uploaded files are parsed off the request thread: each parse runs in a worker thread with a heap
 * limit and a time limit, at most `workers` at once; a few more wait in a queue, and beyond that
 * the upload is answered "busy" (503) instead of the server taking on more than it can. The
 * archive checks that cost nothing (an XLSX's directory) run before queueing, so a zip bomb is
 * refused at once even while the pool is busy.
 */
import { Worker } from 'node:worker_threads'
import { AppError, detail, type AppErrorCode, type ErrorDetail } from '../../../core/errors/app-error'
import { message, type Message, type ServerMessageKey } from '../../../core/messages/text'
import { FILE_LIMITS, PARSE_WORKER_LIMITS } from '../../../core/limits/input-limits'
import { checkXlsxDirectory } from './check-xlsx-archive'
import {
  isXlsxFile,
  parseImportFile,
  streamParsed,
  type ImportRecordStream,
  type StreamOptions,
} from './parse-import-file'
import {
  parsePublishedFigures,
  type PublishedParseOptions,
  type PublishedParseResult,
} from './parse-published-figures'
import type { ParseOutcome, ParseReply, ParseRequest } from './parse-worker'
import type { ParseOptions, ParseResult } from './types'

const WORKER_ENTRY = new URL('./parse-worker-entry.mjs', import.meta.url)

export interface ParsePoolOptions {
  /** Parses at once. */
  workers?: number
  /** Parses waiting for a worker; one more is refused as "unavailable". */
  maxQueued?: number
  maxHeapMb?: number
  timeoutMs?: number
  /** CSV files up to this size are read on the calling thread (PARSE_WORKER_LIMITS.inlineMaxBytes). */
  inlineMaxBytes?: number
}

export interface ParsePool {
  /** parseImportFile in a worker thread (onProgress is not called across threads). */
  parse(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult>
  /**
   * openImportRecords for the server's uploads: the file is parsed whole in a worker thread, as
   * `parse` (bounded by the pool's workers, queue, heap and time limits, and by the upload limit),
   * and its records are then handed out in batches like a file read in batches on this thread. The
   * CLI and other callers without a pool read CSV files in batches on their own thread (memory that
   * does not grow with the file); the server does not, because reading on the request thread would
   * bypass the pool's bounds and, on the embedded database, hold up other requests.
   */
  open(bytes: Uint8Array, options: StreamOptions): Promise<ImportRecordStream>
  /** parsePublishedFigures in a worker thread, under the same limits and queue. */
  parsePublished(bytes: Uint8Array, options: PublishedParseOptions): Promise<PublishedParseResult>
  /** Parses running and waiting now. */
  load(): { running: number; queued: number }
  /** Stops running workers; later parses are refused. */
  close(): Promise<void>
}

interface Job {
  request: ParseRequest
  resolve: (result: ParseOutcome) => void
  reject: (error: unknown) => void
}

/** A refusal of the file as a whole; `text` names the file. */
function refuse(code: AppErrorCode, fileName: string, text: Message): AppError {
  return new AppError(code, text, [detail(text, { file: fileName })])
}

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const workers = options.workers ?? PARSE_WORKER_LIMITS.defaultWorkers
  const maxQueued = options.maxQueued ?? PARSE_WORKER_LIMITS.maxQueued
  const maxHeapMb = options.maxHeapMb ?? PARSE_WORKER_LIMITS.maxHeapMb
  const timeoutMs = options.timeoutMs ?? PARSE_WORKER_LIMITS.timeoutMs
  const inlineMaxBytes = options.inlineMaxBytes ?? PARSE_WORKER_LIMITS.inlineMaxBytes
  const queue: Job[] = []
  const running = new Set<Worker>()
  let isClosed = false

  function startNext(): void {
    while (running.size < workers && queue.length > 0) run(queue.shift()!)
  }

  function run(job: Job): void {
    const fileName = job.request.options.fileName
    const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } })
    running.add(worker)
    let isSettled = false
    const settle = (outcome: () => void) => {
      if (isSettled) return
      isSettled = true
      clearTimeout(timer)
      running.delete(worker)
      void worker.terminate()
      outcome()
      startNext()
    }
    const timer = setTimeout(
      () =>
        settle(() =>
          job.reject(
            refuse(
              'too_large',
              fileName,
              message('parse.timeout', { file: fileName, wait: timeoutMs / 1000 }),
            ),
          ),
        ),
      timeoutMs,
    )
    worker.once('message', (reply: ParseReply) =>
      settle(() => {
        if (reply.isOk) job.resolve(reply.result)
        else if (reply.appError)
          job.reject(
            new AppError(
              reply.appError.code as AppErrorCode,
              { key: reply.appError.key as ServerMessageKey, params: reply.appError.params },
              reply.appError.details as ErrorDetail[],
            ),
          )
        else job.reject(new Error(`parsing ${fileName} failed in its worker: ${reply.message}`))
      }),
    )
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        job.reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refuse(
                'too_large',
                fileName,
                message('parse.outOfMemory', { file: fileName, megabytes: maxHeapMb }),
              )
            : error,
        ),
      ),
    )
    worker.once('exit', (exitCode) =>
      settle(() => job.reject(new Error(`the worker parsing ${fileName} stopped (exit code ${exitCode})`))),
    )
    worker.postMessage(job.request)
  }

  /** Small CSV files are read at once on this thread; the rest waits for a worker. */
  function enqueue(request: ParseRequest, parseInline: () => Promise<ParseOutcome>): Promise<ParseOutcome> {
    const { bytes, options: rest } = request
    const fileName = rest.fileName
    const isXlsx = isXlsxFile(bytes, fileName)
    if (isXlsx) checkXlsxDirectory(bytes, fileName, rest.limits?.xlsx ?? FILE_LIMITS.xlsx)
    else if (bytes.byteLength <= inlineMaxBytes && !isClosed) return parseInline()
    if (isClosed) throw refuse('unavailable', fileName, message('parse.shuttingDown', { file: fileName }))
    if (running.size >= workers && queue.length >= maxQueued)
      throw refuse(
        'unavailable',
        fileName,
        message('parse.busy', { file: fileName, running: running.size, queued: queue.length }),
      )
    return new Promise<ParseOutcome>((resolve, reject) => {
      queue.push({ request, resolve, reject })
      startNext()
    })
  }

  // An import whose direct path meets a refused row opens the file again for the staged path, which
  // lists every error: the second open of the same upload with the same options takes the first
  // parse (held as long as the upload's bytes are) instead of starting another worker.
  const parsedUploads = new WeakMap<Uint8Array, { key: string; result: Promise<ParseResult> }>()

  const pool: ParsePool = {
    async parse(bytes, parseOptions) {
      const { onProgress: _onProgress, ...options } = parseOptions
      const outcome = await enqueue({ kind: 'values', bytes, options }, async () => ({
        kind: 'values',
        value: await parseImportFile(bytes, options),
      }))
      if (outcome.kind !== 'values')
        throw new Error(`the worker parsing ${options.fileName} answered ${outcome.kind}`)
      return outcome.value
    },
    async open(bytes, streamOptions) {
      const {
        batchSize,
        isCheckingDuplicates: _isChecking,
        onProgress: _onProgress,
        ...options
      } = streamOptions
      const key = JSON.stringify(options)
      let parsed = parsedUploads.get(bytes)
      if (parsed?.key !== key) {
        parsed = { key, result: pool.parse(bytes, options) }
        parsedUploads.set(bytes, parsed)
      }
      return streamParsed(await parsed.result, batchSize)
    },
    async parsePublished(bytes, options) {
      const outcome = await enqueue({ kind: 'published-figures', bytes, options }, async () => ({
        kind: 'published-figures',
        value: await parsePublishedFigures(bytes, options),
      }))
      if (outcome.kind !== 'published-figures')
        throw new Error(`the worker parsing ${options.fileName} answered ${outcome.kind}`)
      return outcome.value
    },
    load: () => ({ running: running.size, queued: queue.length }),
    async close() {
      isClosed = true
      for (const job of queue.splice(0))
        job.reject(
          refuse(
            'unavailable',
            job.request.options.fileName,
            message('parse.shuttingDown', { file: job.request.options.fileName }),
          ),
        )
      await Promise.all([...running].map((worker) => worker.terminate()))
    },
  }
  return pool
}
