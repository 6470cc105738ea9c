/**
 * A route is declared once, with zod schemas for its inputs and output. The app registers it with
 * Fastify (validating inputs with the schemas) and the OpenAPI document is generated from the same
 * declarations, so the two cannot drift apart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { AppError } from '../core/errors/app-error'
import { viewerScopeKey, type Role, type Viewer } from '../core/permissions'
import { canManageNetworkWide } from '../core/permissions/network-wide'
import type { AuditActor } from '../features/audit/record-audit'
import type { UserRow } from '../features/auth/user.repository'
import type { AppContext } from './context'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteInput<Q, P, B> {
  query: Q
  params: P
  body: B
  context: AppContext
  /** The signed-in caller; null only on public routes called without a session. */
  viewer: Viewer | null
  /**
   * The caller's session (id, CSRF token and the account as read when the session was checked, as
   * fresh as the auth version: see features/auth/authenticate.ts), when signed in.
   */
  session: { id: number; csrfToken: string; user: UserRow } | null
  /** Who audit entries name for this caller's writes (null only without a session). */
  actor: AuditActor | null
  request: FastifyRequest
  reply: FastifyReply
}

/**
 * Who may call a route. Every route states it (there is no default): `{ isPublic: true }` is reachable
 * without signing in and marked `x-public: true` in the OpenAPI document; `{ roles: 'any' }` needs a
 * session; a list of roles needs one of them. Finer rules (which organisation) live in the handler.
 */
export type RouteAccess = { isPublic: true } | { roles: 'any' | readonly Role[] }

export interface RouteDefinition<Q = unknown, P = unknown, B = unknown, R = unknown> {
  method: HttpMethod
  url: string
  operationId: string
  summary: string
  tag: string
  query?: z.ZodType<Q>
  params?: z.ZodType<P>
  body?: z.ZodType<B>
  /** multipart/form-data upload with a `file` field (the handler reads it from the request). */
  isUpload?: boolean
  /** Checks a password and may answer 429 (sign-in limits, features/auth/sign-in-limits.ts). */
  isRateLimited?: boolean
  access: RouteAccess
  response: z.ZodType<R>
  /** Extra responses for the OpenAPI document (the error shape is added automatically). */
  produces?: string
  /**
   * GET routes whose answer is the same for every caller with the same view of the data may opt in
   * to the answer cache (answer-cache.ts): return a key of everything the answer depends on besides
   * the data version and the day — the query and, unless the answer is the same for every role
   * that may call the route, `viewerScopeKey(viewer)` — or undefined to compute this one afresh
   * (e.g. as of a past instant). The handler of such a route must read only tables in the data
   * version (src/db/data-version.ts) and nothing of the request but the query and the viewer's scope,
   * and must not set headers: the first caller's answer is given to the others.
   */
  cacheKey?(input: { query: Q; viewer: Viewer | null }): string | undefined
  // Method syntax on purpose: it lets routes with different input types share one list.
  handler(input: RouteInput<Q, P, B>): Promise<R>
}

/** Identity function that keeps the generic parameters tied together at the declaration site. */
export function defineRoute<Q, P, B, R>(route: RouteDefinition<Q, P, B, R>): RouteDefinition<Q, P, B, R> {
  return route
}

/** A route of any input and output types: inputs are checked by its own schemas at run time. */
export type AnyRoute = RouteDefinition<unknown, unknown, unknown, unknown>

export function isPublicRoute(route: Pick<AnyRoute, 'access'>): boolean {
  return 'isPublic' in route.access && route.access.isPublic
}

/** The audit actor of a route that is not public (the app has already answered 401 without one). */
export function requireActor(actor: AuditActor | null): AuditActor {
  if (!actor) throw new AppError('unauthenticated', 'sign in first')
  return actor
}

/** The viewer of a route that is not public (the app has already answered 401 without one). */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated', 'sign in first')
  return viewer
}

/**
 * The viewer of a route that changes something network-wide: administrators and moderators of all
 * rings (core/permissions/network-wide.ts); everybody else gets 403 naming `what`.
 */
export function requireNetworkWideManager(viewer: Viewer | null, what: string): Viewer {
  const v = requireViewer(viewer)
  if (canManageNetworkWide(v)) return v
  throw new AppError(
    'forbidden',
    `${what} span the whole network: only administrators and moderators of all rings change them`,
  )
}

/** A `cacheKey` for answers that depend on the (validated) query and on what the viewer may see. */
export function queryAndScopeKey(query: unknown, viewer: Viewer | null): string {
  return `${JSON.stringify(query ?? null)}|${viewerScopeKey(requireViewer(viewer))}`
}
