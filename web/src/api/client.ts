/**
 * The one way the UI talks to the server: fetch, then validate the answer with the shared zod
 * contract, so a page never renders data the contract does not promise. Writes carry the session's
 * CSRF token; every error becomes an ApiError with the server's code, message and row/column details.
 */
import type { z } from 'zod'
import { errorResponseSchema, type ErrorResponse } from '../../../src/contracts/common'

export type ErrorCode = ErrorResponse['error']['code'] | 'network' | 'invalid_response'
export type ErrorDetail = ErrorResponse['error']['details'][number]

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly details: ErrorDetail[]

  constructor(options: { status: number; code: ErrorCode; message: string; details?: ErrorDetail[] }) {
    super(options.message)
    this.name = 'ApiError'
    this.status = options.status
    this.code = options.code
    this.details = options.details ?? []
  }
}

let csrfToken: string | null = null

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
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** Requests `path` and returns the body parsed by `schema`; throws ApiError otherwise. */
export async function apiRequest<S extends z.ZodType>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json' }
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
  if (response.status === 204) return schema.parse(undefined)
  const parsed = schema.safeParse(payload)
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `unexpected answer from ${path}`,
      details: parsed.error.issues.slice(0, 5).map((issue) => ({
        field: issue.path.join('.') || undefined,
        message: issue.message,
      })),
    })
  }
  return parsed.data
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
  const parsed = errorResponseSchema.safeParse(payload)
  if (parsed.success) {
    const { code, message, details } = parsed.data.error
    return new ApiError({ status, code, message, details })
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
export function apiUpload<S extends z.ZodType>(
  schema: S,
  path: string,
  options: { form: FormData; query?: RequestOptions['query']; onProgress?: (share: number) => void },
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', buildUrl(path, options.query))
    request.setRequestHeader('accept', 'application/json')
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
      const parsed = schema.safeParse(payload)
      if (parsed.success) resolve(parsed.data)
      else
        reject(
          new ApiError({
            status: request.status,
            code: 'invalid_response',
            message: `unexpected answer from ${path}`,
          }),
        )
    }
    request.send(options.form)
  })
}
