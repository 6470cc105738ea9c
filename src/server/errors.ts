import type { FastifyReply } from 'fastify'
import { ZodError } from 'zod'
import { AppError, type AppErrorCode } from '../core/errors/app-error'
import type { ErrorResponse } from '../contracts/common'
import { formatBytes, JSON_BODY_LIMIT_BYTES } from '../core/limits/input-limits'
import type { Locale } from '../core/format/format'
import { message, render, renderSent, type Message } from '../core/messages/text'
import { issueMessage } from '../contracts/issue-message'

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

/** Fastify's own refusals (body, content type), before any route ran, in the caller's language. */
function messageOfHttpRefusal(error: { statusCode: number; code?: string; message?: string }): Message {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return message('request.bodyTooLarge', { limit: formatBytes(JSON_BODY_LIMIT_BYTES) })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return message('request.emptyBody')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = (/: (.+)$/.exec(error.message ?? '')?.[1] ?? '?').slice(0, 100)
      return message('request.unsupportedMediaType', { type })
    }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return message('request.unreadableBody')
  }
  if (error.statusCode === 404) return message('route.noSuchRoute')
  // A JSON syntax error carries no code of its own, only the status.
  if (error.statusCode === 400) return message('request.unreadableBody')
  return message('request.rejected', { status: error.statusCode })
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
          details: error.issues.map((issue) => ({
            field: issue.path.join('.') || undefined,
            ...said(locale, issueMessage(issue)),
          })),
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
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code: AppErrorCode =
      fastifyError.statusCode === 404
        ? 'not_found'
        : fastifyError.statusCode === 413
          ? 'too_large'
          : 'invalid_input'
    const text = said(
      locale,
      messageOfHttpRefusal({
        statusCode: fastifyError.statusCode,
        code: fastifyError.code,
        message: fastifyError.message,
      }),
    )
    const details = code === 'too_large' ? [{ field: 'body', ...text }] : []
    return { status: fastifyError.statusCode, body: { error: { code, ...text, details } } }
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
