/**
 * The body of a parsing worker thread: one message in (the file and its parse options), one out
 * (the result, or the AppError as plain data, since class instances do not cross threads).
 */
import { parentPort } from 'node:worker_threads'
import { isAppError } from '../../../core/errors/app-error'
import { parseImportFile } from './parse-import-file'
import type { ParseOptions, ParseResult } from './types'

export interface ParseRequest {
  bytes: Uint8Array
  options: Omit<ParseOptions, 'onProgress'>
}

export type ParseReply =
  | { isOk: true; result: ParseResult }
  | { isOk: false; appError?: { code: string; message: string; details: unknown[] }; message: string }

parentPort?.once('message', (request: ParseRequest) => {
  parseImportFile(request.bytes, request.options).then(
    (result) => parentPort!.postMessage({ isOk: true, result } satisfies ParseReply),
    (error: unknown) => {
      const reply: ParseReply = isAppError(error)
        ? {
            isOk: false,
            appError: { code: error.code, message: error.message, details: error.details },
            message: error.message,
          }
        : { isOk: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
      parentPort!.postMessage(reply)
    },
  )
})
