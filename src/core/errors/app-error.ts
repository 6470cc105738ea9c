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
  message: string
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: ErrorDetail[]

  constructor(code: AppErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export const invalidInput = (message: string, details: ErrorDetail[] = []) =>
  new AppError('invalid_input', message, details)
export const notFound = (message: string) => new AppError('not_found', message)
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('conflict', message, details)
export const forbidden = (message: string) => new AppError('forbidden', message)
export const tooLarge = (message: string, details: ErrorDetail[] = []) =>
  new AppError('too_large', message, details)
export const unauthenticated = (message: string) => new AppError('unauthenticated', message)
