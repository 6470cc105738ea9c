/**
 * The body of a parsing worker thread: one message in (the file and its parse options), one out
 * (the result, or the AppError as plain data, since class instances do not cross threads).
 */
import { parentPort } from 'node:worker_threads'
import { isAppError } from '../../../core/errors/app-error'
import { parseImportFile } from './parse-import-file'
import {
  parsePublishedFigures,
  type PublishedParseOptions,
  type PublishedParseResult,
} from './parse-published-figures'
import type { ParseOptions, ParseResult } from './types'

/** A file of values (observations) or of published figure values, with its parse options. */
export type ParseRequest =
  | { kind: 'values'; bytes: Uint8Array; options: Omit<ParseOptions, 'onProgress'> }
  | { kind: 'published-figures'; bytes: Uint8Array; options: PublishedParseOptions }

export type ParseOutcome =
  { kind: 'values'; value: ParseResult } | { kind: 'published-figures'; value: PublishedParseResult }

export type ParseReply =
  | { isOk: true; result: ParseOutcome }
  | {
      isOk: false
      appError?: { code: string; key: string; params: Record<string, string | number>; details: unknown[] }
      message: string
    }

async function parseRequest(request: ParseRequest): Promise<ParseOutcome> {
  if (request.kind === 'published-figures')
    return { kind: request.kind, value: await parsePublishedFigures(request.bytes, request.options) }
  return { kind: request.kind, value: await parseImportFile(request.bytes, request.options) }
}

parentPort?.once('message', (request: ParseRequest) => {
  parseRequest(request).then(
    (result) => parentPort!.postMessage({ isOk: true, result } satisfies ParseReply),
    (error: unknown) => {
      const reply: ParseReply = isAppError(error)
        ? {
            isOk: false,
            appError: { code: error.code, key: error.key, params: error.params, details: error.details },
            message: error.message,
          }
        : { isOk: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
      parentPort!.postMessage(reply)
    },
  )
})
