/**
 * The one way the UI talks to the server. Answers are typed by the shared zod contracts, as types
 * only: the UI does not ship zod (26 kB of the 300 kB budget per page). That the server keeps to its
 * contracts is checked on the server instead — under tests every JSON answer is validated against
 * its route's contract (src/server/app.ts), and the access test calls every route as every role.
 * Writes carry the session's CSRF token; every error becomes an ApiError with the server's code,
 * message and row/column details.
 */
import { buildUrl } from '../../../src/core/http/build-url'
import type { z } from 'zod'
import type { ErrorResponse } from '../../../src/contracts/common'

/** The answer type of a shared zod contract: `Answer<typeof sessionSchema>`. */
export type Answer<S extends z.ZodType> = z.output<S>

export type ErrorCode = ErrorResponse['error']['code'] | 'network' | 'invalid_response'
export type ErrorDetail = ErrorResponse['error']['details'][number]

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly details: ErrorDetail[]
  /** The message as a key of the server catalogue (src/core/messages) with raw parameters. */
  readonly key: string | undefined
  readonly params: Record<string, string | number> | undefined

  constructor(options: {
    status: number
    code: ErrorCode
    message: string
    details?: ErrorDetail[]
    key?: string
    params?: Record<string, string | number>
  }) {
    super(options.message)
    this.name = 'ApiError'
    this.status = options.status
    this.code = options.code
    this.details = options.details ?? []
    this.key = options.key
    this.params = options.params
  }
}

let csrfToken: string | null = null
let uiLanguage: 'de' | 'en' = 'de'

/**
 * Set by the i18n provider when the UI language changes: requests ask for it (Accept-Language, for
 * callers not signed in) and server errors sent as catalogue keys are rendered in it.
 */
export function setUiLanguage(locale: 'de' | 'en'): void {
  uiLanguage = locale
}

export function currentUiLanguage(): 'de' | 'en' {
  return uiLanguage
}

/** Set by the session hook after signing in (and cleared on sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  query?: Record<string, string | number | boolean | undefined | null>
  /** JSON body. */
  json?: unknown
  /** multipart/form-data body (uploads); the browser sets the boundary. */
  form?: FormData
  signal?: AbortSignal
  /** Injected in tests. */
  fetchImpl?: typeof fetch
  /** Given the headers of a successful answer (the first load's CSRF token). */
  onHeaders?: (headers: Headers) => void
}

export { buildUrl }

/** Requests `path` and returns the JSON body as `T` (the route's contract); throws ApiError otherwise. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': uiLanguage }
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const fetchImpl = options.fetchImpl ?? fetch
  let response: Response
  try {
    response = await fetchImpl(buildUrl(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError({ status: 0, code: 'network', message: (error as Error).message })
  }
  const payload = await readJson(response)
  if (!response.ok) throw toApiError(response.status, payload)
  options.onHeaders?.(response.headers)
  return checkedAnswer<T>(response.status, payload, path)
}

/** The path of a batch of calls (each a path with its query). */
export function batchUrl(calls: readonly string[]): string {
  return `/api/v1/batch?${calls.map((call) => `call=${encodeURIComponent(call)}`).join('&')}`
}

/**
 * Reads several paths (each with its query, as `buildUrl` writes it) in one request
 * (GET /api/v1/batch): one outcome per path, in order — its answer, or the ApiError it would have
 * thrown alone. Only reads whose answers the server may remember can be batched (server/batch.ts).
 */
export async function apiBatch(calls: readonly string[]): Promise<BatchOutcome[]> {
  const answer = await apiRequest<{ answers: { status: number; body: unknown }[] }>(batchUrl(calls))
  return batchOutcomes(calls, answer.answers)
}

/** What a call of a batch gave: its answer, or the ApiError it would have thrown alone. */
export type BatchOutcome = { data: unknown } | { error: ApiError }

/** The outcome of each call from the answers of a batch (or a first load), in order. */
export function batchOutcomes(
  calls: readonly string[],
  answers: readonly { status: number; body: unknown }[],
): BatchOutcome[] {
  return calls.map((call, i) => {
    const part = answers[i]
    if (!part)
      return {
        error: new ApiError({ status: 0, code: 'invalid_response', message: `no answer for ${call}` }),
      }
    if (part.status >= 200 && part.status < 300) return { data: checkedAnswer(part.status, part.body, call) }
    return { error: toApiError(part.status, part.body) }
  })
}

/** A JSON object or list (or nothing for 204); anything else is not an answer of this API. */
function checkedAnswer<T>(status: number, payload: unknown, path: string): T {
  if (status === 204 || (typeof payload === 'object' && payload !== null)) return payload as T
  throw new ApiError({ status, code: 'invalid_response', message: `unexpected answer from ${path}` })
}

function isErrorResponse(payload: unknown): payload is ErrorResponse {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return false
  const error = (payload as { error: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** Maps any error body to an ApiError; bodies not in the one error shape keep the HTTP status. */
export function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorResponse(payload)) {
    const { code, message, details, key, params } = payload.error
    return new ApiError({
      status,
      code,
      message,
      key,
      params,
      details: Array.isArray(details) ? details : [],
    })
  }
  const code: ErrorCode =
    status === 401
      ? 'unauthenticated'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not_found'
          : status === 409
            ? 'conflict'
            : status >= 500
              ? 'internal'
              : 'invalid_input'
  return new ApiError({ status, code, message: typeof payload === 'string' ? payload : `HTTP ${status}` })
}

/**
 * Like apiRequest for a multipart upload, but through XMLHttpRequest, because fetch cannot report
 * how much of a large file has been sent. `onProgress` gets a share between 0 and 1.
 */
export function apiUpload<T>(
  path: string,
  options: { form: FormData; query?: RequestOptions['query']; onProgress?: (share: number) => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', buildUrl(path, options.query))
    request.setRequestHeader('accept', 'application/json')
    request.setRequestHeader('accept-language', uiLanguage)
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total)
    }
    request.onerror = () => reject(new ApiError({ status: 0, code: 'network', message: 'upload failed' }))
    request.onload = () => {
      let payload: unknown = request.responseText
      try {
        payload = JSON.parse(request.responseText)
      } catch {
        // Keep the text: toApiError reports it.
      }
      if (request.status < 200 || request.status >= 300) return reject(toApiError(request.status, payload))
      try {
        resolve(checkedAnswer<T>(request.status, payload, path))
      } catch (error) {
        reject(error)
      }
    }
    request.send(options.form)
  })
}
