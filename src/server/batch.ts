/**
 * One request for many reads: a page's first load asks for the answers of all its calls in one
 * GET /api/v1/batch?call=…&call=… instead of ten requests (the start page: docs/benchmarks.md). Each
 * call is answered as it would be alone — the caller's access to its route, its inputs checked by
 * the route's schemas, its status and body (an error in its slot does not fail the others) — and
 * the whole answer is remembered like its parts when all of them are.
 *
 * Only routes whose answers may be remembered (`cacheKey`, route.ts) can be batched: they read
 * nothing of the request but the query and the viewer, and set no headers, so answering them
 * inside another request is the same as answering them alone.
 */
import { parse as parseQueryString } from 'node:querystring'
import type { z } from 'zod'
import { batchAnswerSchema, batchQuerySchema } from '../contracts/common'
import { detail, invalidInput } from '../core/errors/app-error'
import { message } from '../core/messages/text'
import { viewerScopeKey, type Viewer } from '../core/permissions'
import type { DataVersion } from '../db/data-version'
import type { CachedAnswer } from './answer-cache'
import type { AppContext } from './context'
import { definePublicRoute, type AnyRoute } from './route'

/** What answering one call gave: a remembered answer with its key, or a fresh result. */
export type Answered = { cached: CachedAnswer; key: string } | { result: unknown }

/** A call of a batch: remembered or fresh, or the status and body of its error. */
export type BatchPart = Answered | { status: number; body: unknown }

/** A call of a batch with its route and its inputs as Fastify would have parsed them. */
export interface BatchTarget {
  route: AnyRoute
  query: Record<string, unknown>
  params: Record<string, string>
}

/** Matches calls to the routes that may be batched. */
export class BatchableRoutes {
  readonly #routes: { route: AnyRoute; segments: string[] }[]

  readonly #byPath = new Map<string, AnyRoute>()

  constructor(routes: readonly AnyRoute[]) {
    const batchable = routes.filter((r) => r.method === 'GET' && r.cacheKey !== undefined)
    for (const route of batchable) if (!route.url.includes(':')) this.#byPath.set(route.url, route)
    this.#routes = batchable
      .filter((route) => route.url.includes(':'))
      .map((route) => ({ route, segments: route.url.split('/') }))
  }

  /** The route and inputs of every call, or an error naming the first call no batchable route answers. */
  resolve(calls: readonly string[]): BatchTarget[] {
    return calls.map((call, index) => {
      const target = this.#find(call)
      if (!target)
        throw invalidInput(message('request.batchInvalid'), [
          detail(message('request.batchCallNotBatchable', { call: call.slice(0, 200) }), {
            field: `call.${index}`,
          }),
        ])
      return target
    })
  }

  #find(call: string): BatchTarget | undefined {
    const mark = call.indexOf('?')
    const path = mark < 0 ? call : call.slice(0, mark)
    const query = () => (mark < 0 ? {} : { ...parseQueryString(call.slice(mark + 1)) })
    const route = this.#byPath.get(path)
    if (route) return { route, params: {}, query: query() }
    const segments = path.split('/')
    for (const { route, segments: pattern } of this.#routes) {
      if (pattern.length !== segments.length) continue
      const params: Record<string, string> = {}
      const isMatch = pattern.every((part, i) => {
        const given = segments[i]!
        if (!part.startsWith(':')) return part === given
        if (given === '') return false
        params[part.slice(1)] = decodeURIComponent(given)
        return true
      })
      if (isMatch)
        return { route, params, query: mark < 0 ? {} : { ...parseQueryString(call.slice(mark + 1)) } }
    }
    return undefined
  }
}

/**
 * The key to remember a whole batch by, known before any of its calls is looked at: the calls as
 * written, the caller (person, view and language) and every fingerprint the parts' answers may
 * depend on. An answer stays remembered under it only when every part was a remembered answer
 * (`isRemembered`): it then holds no error and nothing computed afresh.
 */
export function batchCacheKey(options: {
  version: DataVersion
  day: string
  viewer: Viewer | null
  /** The language of the caller's errors. */
  locale: string
  calls: readonly string[]
  /** The JSON of the fields put before the answers, if any (`assembleBatch`). */
  head?: string
}): string {
  const { version, viewer } = options
  const caller = viewer ? `${viewer.userId}|${viewerScopeKey(viewer)}` : '-'
  return `batch|${version.data}|${version.activity}|${version.auth}|${options.day}|${caller}|${options.locale}|${options.head ?? ''}|${options.calls.join('\n')}`
}

/** Whether every part of a batch was a remembered answer (then the whole may be remembered). */
export function isRemembered(parts: readonly BatchPart[]): boolean {
  return parts.every((part) => 'cached' in part)
}

/**
 * The answer's JSON, with the remembered parts' JSON put in as it is (no parse, no second
 * stringify), after the fields of the object `headJson` when given (the first load's session).
 */
export function assembleBatch(parts: readonly BatchPart[], headJson?: string): string {
  const answers = parts.map((part) =>
    'cached' in part
      ? `{"status":200,"body":${part.cached.json}}`
      : 'result' in part
        ? `{"status":200,"body":${JSON.stringify(part.result)}}`
        : JSON.stringify({ status: part.status, body: part.body }),
  )
  const before = headJson ? `${headJson.slice(1, -1)},` : ''
  return `{${before}"answers":[${answers.join(',')}]}`
}

/** Answers the calls of a batch for the request's caller and sends the answer (app.ts). */
export type AnswerCalls = AppContext['answerCalls']

// The answer is sent by `answerCalls` (its parts' JSON is put in as it is): the handler's result is the reply.
export const batchRoute = definePublicRoute<z.output<typeof batchQuerySchema>, unknown, unknown, unknown>({
  method: 'GET',
  url: '/api/v1/batch',
  operationId: 'getBatch',
  summary:
    'Several reads in one request (a page first load): each call answered as alone, with its status and body',
  tag: 'system',
  // Each call is checked against its own route's access; the batch itself adds nothing.
  access: { isPublic: true },
  query: batchQuerySchema,
  response: batchAnswerSchema,
  handler: ({ context, query, request, reply, now }) =>
    context.answerCalls(query.call, { request, reply, now }),
})
