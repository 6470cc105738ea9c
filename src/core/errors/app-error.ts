import type { Message, ParamValue } from '../messages/text'

/**
 * How an error's `message` (English, for logs) is written: set by core/messages/text.ts, the module
 * that holds the catalogue, when it loads. This module does not import the catalogue itself, so the
 * web's bundle, which renders `key` + `params` in the UI language and never needs the English text,
 * does not carry both languages of every server text for it. Until text.ts has loaded the key
 * stands in (every module that makes a message with `message()` has loaded it).
 */
let renderEnglish: (text: Message) => string = (text) => text.key

/** Called once by core/messages/text.ts with its English rendering. */
export function setErrorTextRenderer(render: (text: Message) => string): void {
  renderEnglish = render
}

/**
 * The one error type of the domain. Shells map `code` to an HTTP status (server) or an exit code
 * (CLI) in exactly one place each; domain code never knows about either.
 */
export type AppErrorCode =
  | 'invalid_input' // the request or file is malformed or fails validation
  | 'not_found' // the referenced thing does not exist (or is not visible to the caller)
  | 'conflict' // the change contradicts existing data (duplicate, overlapping validity …)
  | 'unauthenticated' // nobody is signed in
  | 'forbidden' // signed in, but not allowed
  | 'rate_limited' // too many attempts (e.g. failed sign-ins); try again later
  | 'infeasible' // a computation cannot satisfy the stated constraints
  | 'too_large' // an input is over a size or count limit checked before reading it (core/limits)
  | 'unavailable' // the server cannot serve this now: busy with heavy work (parsing uploads) or the database is unreachable; try again shortly
  | 'internal' // a bug or an unexpected failure

/** A pointer into an input: file, row (1-based, header = row 1), column, field. */
export interface ErrorDetail {
  file?: string
  row?: number
  column?: string
  field?: string
  value?: string
  /** The English text, for logs and where no language is known; shells render `key` + `params`. */
  message: string
  /** The text as a key of the server catalogue (core/messages) with raw parameters. */
  key?: string
  params?: Record<string, ParamValue>
}

/** A detail whose text is a catalogue message; its `message` field holds the English rendering. */
export function detail(
  text: Message,
  where: Omit<ErrorDetail, 'message' | 'key' | 'params'> = {},
): ErrorDetail {
  return { ...where, message: renderEnglish(text), key: text.key, params: text.params }
}

/** What an error says: always a catalogue message, so every reader gets it in their language. */
export type ErrorText = Message

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: ErrorDetail[]
  /** The message as a key of the server catalogue with raw parameters. */
  readonly key: string
  readonly params: Record<string, ParamValue>

  /** `message` is English for logs; shells render `key` + `params` in the reader's language. */
  constructor(code: AppErrorCode, text: ErrorText, details: ErrorDetail[] = []) {
    super(renderEnglish(text))
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.key = text.key
    this.params = text.params
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export const invalidInput = (message: ErrorText, details: ErrorDetail[] = []) =>
  new AppError('invalid_input', message, details)
export const notFound = (message: ErrorText) => new AppError('not_found', message)
export const conflict = (message: ErrorText, details: ErrorDetail[] = []) =>
  new AppError('conflict', message, details)
export const forbidden = (message: ErrorText) => new AppError('forbidden', message)
export const tooLarge = (message: ErrorText, details: ErrorDetail[] = []) =>
  new AppError('too_large', message, details)
export const unauthenticated = (message: ErrorText) => new AppError('unauthenticated', message)
