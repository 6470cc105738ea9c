/**
 * The Fastify application factory. Testable without a port: `app.inject(...)`. Routes come from
 * routes.ts; inputs are validated with their zod schemas; every error leaves as the one error shape.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify'
import { sql } from 'kysely'
import { actorOf, type AuditActor } from '../core/accounts/account'
import { forbidden, notFound, unauthenticated, type AppError } from '../core/errors/app-error'
import { JSON_BODY_LIMIT_BYTES, UPLOAD_LIMITS } from '../core/limits/input-limits'
import { abilitiesFor, type Viewer } from '../core/permissions'
import type { Database } from '../db/connect'
import { readDataVersion } from '../db/data-version'
import { authenticate, SESSION_COOKIE, type Authenticated } from '../features/auth/authenticate'
import { createParsePool, type ParsePool } from '../features/imports/parsing/parse-pool'
import { isSameSecret } from '../features/auth/tokens'
import { readMailSettings, type MailSettings } from '../features/mail/mail-settings'
import { createMailWorker } from '../features/mail/mail-worker'
import type { MailTransport } from '../features/mail/smtp-transport'
import { SSO_OFF, type SingleSignOnSettings } from '../features/single-sign-on/sso-settings'
import type { AppContext } from './context'
import { sendError, toErrorResponse } from './errors'
import { message, pickLocale, toSent } from '../core/messages/text'
import type { Locale } from '../core/format/format'
import { buildOpenApiDocument } from './openapi'
import { CachedAnswer, chooseEncoding, createAnswerCache } from './answer-cache'
import {
  assembleBatch,
  batchCacheKey,
  BatchableRoutes,
  isRemembered,
  type Answered,
  type BatchPart,
} from './batch'
import { isPublicRoute, rolesOf, type AnyRoute, type RouteInput, type RouteSession } from './route'
import { allRoutes } from './routes'
import { registerMetrics } from './metrics-route'
import { createMetrics, startFigureWarmingWorker, startPendingKeyFiguresWorker } from './monitoring'
import { registerSecurityHeaders } from './security-headers'
import { renderStartPage } from './start-page'
import { isoDate, systemNow } from '../core/periods/dates'

export interface BuildAppOptions {
  database: Database
  /** Fastify's logger: off by default (tests); `benchlearn start` passes structured JSON (logOptions). */
  logger?: FastifyServerOptions['logger']
  /** Folder of the built web UI; when it has no index.html, a plain start page is served. */
  webRoot?: string
  now?: () => Date
  routes?: AnyRoute[]
  /**
   * Trust X-Forwarded-* from a reverse proxy (true, or a comma-separated list of proxy addresses), so that the client's
   * IP (rate limits, audit) and https (Secure cookies) are seen. Off by default: only behind a proxy.
   */
  trustProxy?: boolean | string
  /**
   * Check every JSON answer against its route's response contract and fail the request when it does
   * not match. On under tests (vitest sets VITEST), where the access test calls every route as every
   * role; the web UI relies on it, as it trusts the contracts' types instead of shipping zod.
   */
  validateResponses?: boolean
  /** Size limit of an uploaded data file; default UPLOAD_LIMITS.defaultMaxFileBytes (core/limits). */
  maxUploadBytes?: number
  /** Uploaded files parsed at once in worker threads (default PARSE_WORKER_LIMITS.defaultWorkers). */
  parseWorkers?: number
  /** A parse pool to use instead of one of `parseWorkers` (tests watch its load); the app closes it. */
  parsePool?: ParsePool
  /**
   * Mail settings (features/mail/mail-settings.ts; default: none, the outbox only keeps messages).
   * With a mail server or a `transport`, the app runs the mail worker until it closes.
   */
  mail?: { settings: MailSettings; transport?: MailTransport; intervalMs?: number }
  /** Sign-in with organisations' own accounts; off unless given (docs/single-sign-on.md). */
  singleSignOn?: SingleSignOnSettings
  /** Session cookies always Secure (BENCHLEARN_SECURE_COOKIES, or BENCHLEARN_PUBLIC_URL on https). */
  isSecureCookies?: boolean
  /** Bearer token that may read GET /api/metrics besides administrators (BENCHLEARN_METRICS_TOKEN). */
  metricsToken?: string
  /** Run the background workers (monitoring.ts); off for tests that build many apps. */
  isRunningWorkers?: boolean
}

/**
 * Fastify's logger for a server: one JSON line per event with the request id; requests are logged as
 * method, path (never the query, which may carry a sign-in code) and client address, so that no
 * cookie, token or password reaches the log.
 */
export function logOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: request.url.split('?')[0],
        ip: request.ip,
      }),
    },
  }
}

const PACKAGE_VERSION: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'),
).version

function assertMatchesContract(route: AnyRoute, result: unknown): void {
  const check = route.response.safeParse(result)
  if (check.success) return
  const issues = check.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`)
  throw new Error(`${route.operationId} answered outside its response contract: ${issues.join('; ')}`)
}

async function sendCachedAnswer(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer) {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding')
  const encoding = chooseEncoding(request.headers['accept-encoding'], answer)
  if (!encoding) return reply.send(answer.json)
  return reply.header('content-encoding', encoding).send(await answer.encoded(encoding))
}

/**
 * Why the caller may not call this route (401 without a session, 403 without the CSRF token on a
 * write or with another role), or null when they may.
 */
function refuseAccess(
  route: AnyRoute,
  auth: Authenticated | null,
  request: Pick<FastifyRequest, 'headers'>,
): AppError | null {
  if (isPublicRoute(route)) return null
  if (!auth) return unauthenticated(message('route.signInFirst'))
  if (route.method !== 'GET') {
    const sent = request.headers['x-csrf-token']
    if (typeof sent !== 'string' || !isSameSecret(sent, auth.csrfToken))
      return forbidden(message('route.csrfToken'))
  }
  const roles = rolesOf(route)
  if (roles && !roles.includes(auth.viewer.role))
    return forbidden(message('route.roleNotAllowed', { role: auth.viewer.role }))
  return null
}

const abilitiesHeaders = new WeakMap<Viewer, string>()

/** The `x-abilities` header of a viewer, written once per viewer (sessions are remembered). */
function abilitiesHeader(viewer: Viewer): string {
  let header = abilitiesHeaders.get(viewer)
  if (header === undefined) abilitiesHeaders.set(viewer, (header = JSON.stringify(abilitiesFor(viewer))))
  return header
}

/** The signed-in caller as every route handler gets it. */
function signedInOf(auth: Authenticated): { viewer: Viewer; session: RouteSession; actor: AuditActor } {
  return {
    viewer: auth.viewer,
    session: { id: auth.sessionId, csrfToken: auth.csrfToken, user: auth.user },
    actor: actorOf(auth.user),
  }
}

interface BoundHandler {
  run(): Promise<unknown>
  cacheKey(): string | undefined
}

/** The route's handler and answer-cache key with the caller filled in, as its access declares them. */
function bindHandler(
  route: AnyRoute,
  auth: Authenticated | null,
  input: Omit<RouteInput<unknown, unknown, unknown>, 'viewer' | 'session' | 'actor'>,
): BoundHandler {
  if (isPublicRoute(route)) {
    const caller = auth ? signedInOf(auth) : { viewer: null, session: null, actor: null }
    return {
      run: () => route.handler({ ...input, ...caller }),
      cacheKey: () => route.cacheKey?.({ query: input.query, viewer: caller.viewer }),
    }
  }
  // refuseAccess has answered 401 to callers without a session.
  if (!auth) throw unauthenticated(message('route.signInFirst'))
  const caller = signedInOf(auth)
  return {
    run: () => route.handler({ ...input, ...caller }),
    cacheKey: () => route.cacheKey?.({ query: input.query, viewer: caller.viewer }),
  }
}

function startMailWorker(options: BuildAppOptions, app: FastifyInstance): AppContext['mail'] {
  const settings = options.mail?.settings ?? readMailSettings({})
  if (!settings.smtp && !options.mail?.transport) return { settings, worker: null }
  const worker = createMailWorker({
    database: options.database,
    settings,
    transport: options.mail?.transport,
    now: options.now,
    intervalMs: options.mail?.intervalMs,
    onError: (error) => app.log.error({ err: error }, 'mail worker pass failed'),
  })
  worker.start()
  return { settings, worker }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // JSON bodies; uploads are multipart streams with their own limits (read-upload.ts).
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Behind a proxy its request id is kept, so that both logs name the same request.
    requestIdHeader: options.trustProxy ? 'x-request-id' : false,
    genReqId: () => randomUUID(),
  })
  const routes = options.routes ?? allRoutes
  const validateResponses = options.validateResponses ?? process.env.VITEST !== undefined
  const context: AppContext = {
    database: options.database,
    version: PACKAGE_VERSION,
    now: options.now ?? systemNow,
    maxUploadBytes: options.maxUploadBytes ?? UPLOAD_LIMITS.defaultMaxFileBytes,
    parsePool: options.parsePool ?? createParsePool({ workers: options.parseWorkers }),
    mail: startMailWorker(options, app),
    singleSignOn: options.singleSignOn ?? SSO_OFF,
    isSecureCookies: options.isSecureCookies ?? false,
    metrics: createMetrics(),
    workers: [],
    // Set below, once the routes' answering is in place.
    answerCalls: () => Promise.reject(new Error('the app is not built yet')),
    isDemo: async () => {
      const row = await sql<{
        is_demo: boolean
      }>`select exists (select 1 from network where is_demo) as is_demo`.execute(options.database.db)
      return row.rows[0]?.is_demo ?? false
    },
  }
  registerSecurityHeaders(app)
  registerMetrics(app, context, { token: options.metricsToken })
  if (options.isRunningWorkers) {
    for (const start of [startPendingKeyFiguresWorker, startFigureWarmingWorker]) {
      const worker = start(context, (error) => app.log.error({ err: error }, 'background worker failed'))
      context.workers.push(worker.status)
      app.addHook('onClose', async () => worker.stop())
    }
  }
  // gzip/brotli for JSON (district boundaries are ~0.5 MB) and the UI's assets; small answers stay plain.
  await app.register(compress, { threshold: 1024 })
  await app.register(multipart)
  await app.register(cookie)
  // The language a route's handler found for its caller, for errors its use cases throw.
  const callerLocales = new WeakMap<object, Locale>()
  // The caller's session as the request's check found it, for the calls of a batch.
  const callerAuth = new WeakMap<object, Authenticated>()
  app.setErrorHandler((error, request, reply) =>
    sendError(
      reply,
      error,
      undefined,
      callerLocales.get(request) ?? pickLocale(undefined, request.headers['accept-language']),
    ),
  )
  // In English with its key: the web UI tells a missing route by "no route …" and renders the key.
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        ...toSent(
          message('route.noRoute', { method: request.method, path: request.url.split('?')[0] ?? '' }),
        ),
        details: [],
      },
    }),
  )

  // Remembered answers and data versions need to hear of other processes' commits (PostgreSQL).
  const stopListening = await options.database.listenForChanges()
  app.addHook('onClose', stopListening)
  app.addHook('onClose', () => context.parsePool.close())
  app.addHook('onClose', async () => context.mail.worker?.stop())
  const answers = createAnswerCache()

  /**
   * The answer of one call whose access has been checked and whose inputs are valid: remembered
   * (answer-cache.ts) when the route opts in with `cacheKey`, else fresh from the handler.
   */
  async function answerCall(
    route: AnyRoute,
    auth: Authenticated | null,
    input: Omit<RouteInput<unknown, unknown, unknown>, 'viewer' | 'session' | 'actor'>,
  ): Promise<Answered> {
    const bound = bindHandler(route, auth, input)
    const cacheKey = route.method === 'GET' ? bound.cacheKey() : undefined
    if (cacheKey === undefined) return { result: await bound.run() }
    const version = await readDataVersion(context.database.db)
    // Answers of the meetings' tables (and the people they name) live until those change; the
    // others ignore such changes.
    const activity = route.isActivityCached ? `${version.activity}|${version.auth}|` : ''
    const key = `${route.operationId}|${version.data}|${activity}${isoDate(input.now)}|${cacheKey}`
    const answer = await answers.getOrCompute(key, async () => {
      const result = await bound.run()
      if (validateResponses) assertMatchesContract(route, result)
      return new CachedAnswer(JSON.stringify(result))
    })
    return { cached: answer, key }
  }

  /** Access, then the inputs by the route's schemas: the refusal, or the inputs. */
  function checkCall(
    route: AnyRoute,
    auth: Authenticated | null,
    request: Pick<FastifyRequest, 'headers' | 'query' | 'params' | 'body'>,
  ): { refusal: unknown } | { query: unknown; params: unknown; body: unknown } {
    const refusal = refuseAccess(route, auth, request)
    if (refusal) return { refusal }
    try {
      // With the input in each issue, a missing field reads "missing", not "expected text".
      const check = { reportInput: true }
      return {
        query: route.query ? route.query.parse(request.query ?? {}, check) : undefined,
        params: route.params ? route.params.parse(request.params ?? {}, check) : undefined,
        body: route.body ? route.body.parse(request.body ?? {}, check) : undefined,
      }
    } catch (error) {
      return { refusal: error }
    }
  }

  const batchable = new BatchableRoutes(routes)
  context.answerCalls = async (calls, { request, reply, now, head }) => {
    const auth = callerAuth.get(request) ?? null
    const locale = callerLocales.get(request) ?? pickLocale(undefined, request.headers['accept-language'])
    const version = await readDataVersion(context.database.db)
    // Written once: it is part of the key and of the answer.
    const headJson = head && JSON.stringify(head)
    const key = batchCacheKey({
      version,
      day: isoDate(now),
      viewer: auth?.viewer ?? null,
      locale,
      calls,
      head: headJson,
    })
    // Concurrent equal batches share one computation; afterwards the answer stays remembered only
    // when every part was remembered (no error, nothing computed afresh).
    const computing = answers.getOrCompute(key, async () => {
      const targets = batchable.resolve(calls)
      const parts = await Promise.all(
        targets.map(async (target): Promise<BatchPart> => {
          const checked = checkCall(target.route, auth, {
            headers: request.headers,
            body: undefined,
            ...target,
          })
          try {
            if ('refusal' in checked) throw checked.refusal
            return await answerCall(target.route, auth, { ...checked, context, now, request, reply })
          } catch (error) {
            const response = toErrorResponse(error, target.route.operationId, locale)
            if (response.status >= 500) reply.log.error(error)
            return response
          }
        }),
      )
      if (!isRemembered(parts)) queueMicrotask(() => answers.delete(key))
      return new CachedAnswer(assembleBatch(parts, headJson))
    })
    const answer = await computing
    return sendCachedAnswer(request, reply, answer)
  }

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        // One reading of the clock per request: the session check and the handler see the same instant.
        const now = context.now()
        // Access before validation: an anonymous caller learns nothing about a route's inputs.
        const auth = await authenticate(context.database.db, request.cookies[SESSION_COOKIE], now)
        if (auth) {
          reply.header('x-abilities', abilitiesHeader(auth.viewer))
          callerAuth.set(request, auth)
        }
        // Errors speak the caller's language: their setting, else Accept-Language, else German.
        const locale = pickLocale(auth?.user.locale, request.headers['accept-language'])
        callerLocales.set(request, locale)
        const checked = checkCall(route, auth, request)
        if ('refusal' in checked) return sendError(reply, checked.refusal, route.operationId, locale)
        const answered = await answerCall(route, auth, { ...checked, context, now, request, reply })
        if ('cached' in answered) return sendCachedAnswer(request, reply, answered.cached)
        if (reply.sent) return reply
        if (validateResponses && !route.produces) assertMatchesContract(route, answered.result)
        return reply.send(answered.result)
      },
    })
  }

  const openApi = buildOpenApiDocument(routes, PACKAGE_VERSION)
  app.get('/api/openapi.json', async () => openApi)

  const webRoot = options.webRoot
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false })
    // Client-side routes: any non-API path that is not a file gets the app shell.
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/'))
        return sendError(
          reply,
          notFound(message('route.noSuchRoute')),
          undefined,
          pickLocale(undefined, request.headers['accept-language']),
        )
      return reply.sendFile('index.html')
    })
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(await renderStartPage(context)),
    )
  }
  return app
}
