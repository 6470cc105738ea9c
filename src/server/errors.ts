import type { FastifyReply } from 'fastify'
import { ZodError } from 'zod'
import { AppError, type AppErrorCode } from '../core/errors/app-error'
import type { ErrorResponse } from '../contracts/common'
import { formatBytes, JSON_BODY_LIMIT_BYTES } from '../core/limits/input-limits'
import type { Locale } from '../core/format/format'
import { isServerMessageKey, message, render, renderSent, type Message } from '../core/messages/text'

/** The one place where error codes become HTTP statuses. */
const STATUS: Record<AppErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  infeasible: 422,
  too_large: 413,
  unavailable: 503,
  internal: 500,
}

/** Errors of node-postgres and the socket layer that mean "the database cannot be reached". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
])

/**
 * True for a lost or refused database connection: socket errors, SQLSTATE class 08 (connection
 * exception), 57P01–57P03 (shutdown, cannot connect now), and node-postgres's ended connections.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08|^57P0[123]$/.test(code))) return true
  return (
    typeof message === 'string' &&
    /^Connection terminated|Client has encountered a connection error/.test(message)
  )
}

/** A message or detail in the caller's language where it carries a catalogue key, with the key kept. */
function localised<T extends { message: string; key?: string; params?: Record<string, string | number> }>(
  locale: Locale,
  sent: T,
): T {
  if (sent.key === undefined) return sent
  return { ...sent, message: renderSent(locale, sent) }
}

/** A text of the mapping itself: in the caller's language, with its key and parameters. */
function said(locale: Locale, text: Message): { message: string; key: string; params: Message['params'] } {
  return { message: render(locale, text), key: text.key, params: text.params }
}

/** The catalogue message a custom schema issue carries in its params (contracts/common.ts customIssue). */
export function messageOfIssue(issue: { code: string; params?: unknown }): Message | undefined {
  if (issue.code !== 'custom') return undefined
  const text = (issue.params as { message?: Partial<Message> } | undefined)?.message
  return isServerMessageKey(text?.key) && typeof text.params === 'object' && text.params !== null
    ? { key: text.key, params: text.params }
    : undefined
}

/**
 * The one error mapping: status by code, `message` and details in the caller's language (`locale`:
 * the signed-in user's setting, else Accept-Language, else German), `key` + `params` for clients.
 */
export function toErrorResponse(
  error: unknown,
  operationId?: string,
  locale: Locale = 'de',
): { status: number; body: ErrorResponse } {
  if (error instanceof AppError) {
    const head = localised(locale, { message: error.message, key: error.key, params: error.params })
    return {
      status: STATUS[error.code],
      body: {
        error: {
          code: error.code,
          ...(head.key === undefined ? { message: head.message } : head),
          details: error.details.map((d) => localised(locale, d)),
        },
      },
    }
  }
  if (error instanceof ZodError) {
    return {
      status: 422,
      body: {
        error: {
          code: 'invalid_input',
          ...said(
            locale,
            operationId === undefined
              ? message('request.invalidInput')
              : message('request.invalidRequest', { operationId }),
          ),
          details: error.issues.map((issue) => {
            const field = issue.path.join('.') || undefined
            const text = messageOfIssue(issue)
            return text ? { field, ...said(locale, text) } : { field, message: issue.message }
          }),
        },
      },
    }
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: {
        error: { code: 'unavailable', ...said(locale, message('request.databaseUnavailable')), details: [] },
      },
    }
  }
  const fastifyError = error as { statusCode?: number; message?: string; code?: string }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const message = `the request body is larger than ${formatBytes(JSON_BODY_LIMIT_BYTES)}, the limit of one request`
    return {
      status: 413,
      body: { error: { code: 'too_large', message, details: [{ field: 'body', message }] } },
    }
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code: AppErrorCode = fastifyError.statusCode === 404 ? 'not_found' : 'invalid_input'
    return {
      status: fastifyError.statusCode,
      body: { error: { code, message: fastifyError.message ?? 'bad request', details: [] } },
    }
  }
  return {
    status: 500,
    body: { error: { code: 'internal', ...said(locale, message('request.internalError')), details: [] } },
  }
}

/** `operationId`: the route whose request failed validation, named in the answer. */
export function sendError(reply: FastifyReply, error: unknown, operationId?: string, locale?: Locale) {
  const { status, body } = toErrorResponse(error, operationId, locale)
  if (status >= 500) reply.log.error(error)
  return reply.status(status).send(body)
}
