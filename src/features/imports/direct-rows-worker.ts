/**
 * The body of a worker thread that reads and checks a file for the direct path (direct-rows.ts) while
 * the importing thread runs PGlite's COPY: the two overlap on two cores. Messages in: the file and
 * what the checks need, then the batch id once the first value is found, then an acknowledgement per
 * chunk taken; out: "first", COPY text as UTF-8 chunks (their buffers transferred), and "end",
 * "refused" or "failed". At most MAX_CHUNKS_IN_FLIGHT chunks wait unacknowledged, so memory stays
 * bounded whatever the file's size.
 */
import { parentPort } from 'node:worker_threads'
import type { IndicatorRow } from '../indicators/indicator.repository'
import type { KeyIndexRows } from '../organisations/organisation.repository'
import { openImportRecords, type StreamOptions } from './parsing/parse-import-file'
import { DirectRows, RowRefused, type DirectRowsEnd } from './direct-rows'
import { RecordChecker } from './record-checker'
import { KeyResolver } from './resolve-keys'

export interface DirectRowsRequest {
  bytes: Uint8Array
  open: Omit<StreamOptions, 'onProgress' | 'isCheckingDuplicates'>
  indicators: IndicatorRow[]
  keyIndex: KeyIndexRows
  onlyOrganisation: { id: number; name: string } | undefined
  now: Date
  /** Characters of COPY text per chunk (default CHUNK_CHARS). */
  chunkChars: number | undefined
}

export type DirectRowsReply =
  | { kind: 'first' }
  | { kind: 'chunk'; bytes: Uint8Array<ArrayBuffer>; bytesRead: number }
  | { kind: 'end'; end: DirectRowsEnd }
  | { kind: 'refused' }
  /** A bug or a crash of the worker, for the log (the import fails as an internal error). */
  | { kind: 'failed'; reason: string }

export type DirectRowsCommand = { kind: 'batch'; batchId: number } | { kind: 'taken' }

/** Characters of COPY text per chunk: about 1 MB, a few thousand rows. */
const CHUNK_CHARS = 1 << 20
/** Chunks sent and not yet taken; the worker waits beyond (16 MB: two of PGlite's COPY blobs). */
export const MAX_CHUNKS_IN_FLIGHT = 16

const port = parentPort!
const post = (reply: DirectRowsReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer)

let inFlight = 0
let wake: (() => void) | undefined
let batchId: Promise<number> | undefined
let setBatchId: ((id: number) => void) | undefined

port.on('message', (message: DirectRowsRequest | DirectRowsCommand) => {
  if (!('kind' in message)) {
    batchId = new Promise((resolve) => (setBatchId = resolve))
    run(message).then(
      (end) => post({ kind: 'end', end }),
      (error: unknown) =>
        post(
          error instanceof RowRefused
            ? { kind: 'refused' }
            : {
                kind: 'failed',
                reason: error instanceof Error ? (error.stack ?? error.message) : String(error),
              },
        ),
    )
  } else if (message.kind === 'batch') setBatchId?.(message.batchId)
  else {
    inFlight--
    wake?.()
  }
})

async function run(request: DirectRowsRequest): Promise<DirectRowsEnd> {
  let bytesRead = 0
  const stream = await openImportRecords(request.bytes, {
    ...request.open,
    isCheckingDuplicates: false,
    onProgress: (done) => (bytesRead = done),
  })
  const indicators = new Map(request.indicators.map((i) => [i.code, i]))
  const checker = new RecordChecker(
    indicators,
    new KeyResolver(request.keyIndex),
    stream.file.mapping,
    request.onlyOrganisation,
    request.now,
  )
  const rows = new DirectRows(stream, checker, request.now.toISOString())
  if (!rows.hasValues()) return rows.finish()
  post({ kind: 'first' })
  const encoder = new TextEncoder()
  const send = async (text: string) => {
    while (inFlight >= MAX_CHUNKS_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve))
    const bytes = encoder.encode(text)
    inFlight++
    post({ kind: 'chunk', bytes, bytesRead }, [bytes.buffer])
  }
  const chunkChars = request.chunkChars ?? CHUNK_CHARS
  let text = ''
  for (const piece of rows.lines(await batchId!)) {
    text += piece
    if (text.length >= chunkChars) {
      await send(text)
      text = ''
    }
  }
  if (text.length > 0) await send(text)
  return rows.finish()
}
