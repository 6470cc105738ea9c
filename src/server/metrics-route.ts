/**
 * GET /api/metrics in the Prometheus text format, for operators only: an administrator's session or
 * `Authorization: Bearer <BENCHLEARN_METRICS_TOKEN>` (a scraper has no session). Also times every
 * request and hands back its request id (x-request-id) so that a report can be found in the log.
 */
import type { FastifyInstance } from 'fastify'
import { forbidden, unauthenticated } from '../core/errors/app-error'
import { message, pickLocale } from '../core/messages/text'
import { authenticate, SESSION_COOKIE } from '../features/auth/authenticate'
import { isSameSecret } from '../features/auth/tokens'
import type { AppContext } from './context'
import { sendError } from './errors'
import { renderMetrics } from './monitoring'

export const METRICS_URL = '/api/metrics'

export function registerMetrics(
  app: FastifyInstance,
  context: AppContext,
  options: { token?: string },
): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the path: ids in paths would grow the series without limit.
    const route = request.routeOptions.url ?? 'unmatched'
    context.metrics.requests.observe(
      { route, method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })
  app.get(METRICS_URL, async (request, reply) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    const isTokenValid =
      options.token !== undefined && bearer !== undefined && isSameSecret(bearer, options.token)
    if (!isTokenValid) {
      const acceptLanguage = request.headers['accept-language']
      if (bearer !== undefined)
        return sendError(
          reply,
          unauthenticated(message('metrics.wrongToken')),
          undefined,
          pickLocale(undefined, acceptLanguage),
        )
      const auth = await authenticate(context.database.db, request.cookies[SESSION_COOKIE], context.now())
      if (!auth)
        return sendError(
          reply,
          unauthenticated(message('metrics.signInOrToken')),
          undefined,
          pickLocale(undefined, acceptLanguage),
        )
      if (auth.viewer.role !== 'admin')
        return sendError(
          reply,
          forbidden(message('metrics.adminsOnly')),
          undefined,
          pickLocale(auth.user.locale, acceptLanguage),
        )
    }
    return reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(await renderMetrics(context, context.metrics))
  })
}
