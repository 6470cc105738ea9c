/**
 * A route is declared once, with zod schemas for its inputs and output. The app registers it with
 * Fastify (validating inputs with the schemas) and the OpenAPI document is generated from the same
 * declarations, so the two cannot drift apart.
 *
 * How a route declares who may call it decides what its handler gets: `defineRoute` (signed-in
 * callers, optionally of the roles of one permission) hands the handler a non-null viewer, actor
 * and session; `definePublicRoute` hands it nullable ones. Either way `now` is the request's instant,
 * read once from the app's clock.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { DB } from '../db/schema'
import type { Account, AuditActor } from '../core/accounts/account'
import { AppError } from '../core/errors/app-error'
import { message } from '../core/messages/text'
import { viewerScopeKey, type Permission, type PERMISSIONS, type Viewer } from '../core/permissions'
import { canManageNetworkWide } from '../core/permissions/network-wide'
import { isoDate } from '../core/periods/dates'
import type { AppContext } from './context'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * The caller's session: id, CSRF token and the account as read when the session was checked (as
 * fresh as the auth version: see features/auth/authenticate.ts).
 */
export interface RouteSession {
  id: number
  csrfToken: string
  user: Account
}

interface RouteInputBase<Q, P, B> {
  query: Q
  params: P
  body: B
  context: AppContext
  /** The request's instant: one reading of `context.now()`, also used to check the session. */
  now: Date
  request: FastifyRequest
  reply: FastifyReply
}

/** What the handler of a signed-in route gets: the app has answered 401/403 to everybody else. */
export interface RouteInput<Q, P, B> extends RouteInputBase<Q, P, B> {
  viewer: Viewer
  session: RouteSession
  /** Who audit entries name for this caller's writes. */
  actor: AuditActor
}

/** What the handler of a public route gets: the caller's session if there is one. */
export interface PublicRouteInput<Q, P, B> extends RouteInputBase<Q, P, B> {
  viewer: Viewer | null
  session: RouteSession | null
  actor: AuditActor | null
}

/**
 * The roles of a signed-in route: `'any'` for every signed-in caller, else the role list of one
 * permission (`PERMISSIONS.manageUsers`), so that each rule is written once (core/permissions).
 */
export type RouteRoles = 'any' | (typeof PERMISSIONS)[Permission]

/**
 * Who may call a route. Every route states it (there is no default): `{ isPublic: true }` is reachable
 * without signing in and marked `x-public: true` in the OpenAPI document; `{ roles }` needs a session
 * and, unless `'any'`, one of the roles. Finer rules (which organisation) live in the handler.
 */
export type PublicAccess = { isPublic: true }
export type RoleAccess = { roles: RouteRoles }
export type RouteAccess = PublicAccess | RoleAccess

interface RouteShape<Q, P, B, R> {
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
  response: z.ZodType<R>
  /** Extra responses for the OpenAPI document (the error shape is added automatically). */
  produces?: string
}

/**
 * GET routes whose answer is the same for every caller with the same view of the data may opt in
 * to the answer cache (answer-cache.ts): `cacheKey` returns a key of everything the answer depends
 * on besides the data version and the day — the query and, unless the answer is the same for every
 * role that may call the route, `viewerScopeKey(viewer)` — or undefined to compute this one afresh
 * (e.g. as of a past instant). The handler of such a route must read only tables in the data
 * version (src/db/data-version.ts) and nothing of the request but the query and the viewer's scope,
 * and must not set headers: the first caller's answer is given to the others. A route that reads
 * the meetings' tables or the notifications sets `isActivityCached`: its entries are also keyed by
 * the activity fingerprint, so that they live only until a meeting, action or notification changes
 * (the other routes' answers are not dropped by such changes). Cached routes may be asked for
 * together in one request (GET /api/v1/batch, batch-route.ts).
 */
export interface RoleRoute<Q = unknown, P = unknown, B = unknown, R = unknown> extends RouteShape<
  Q,
  P,
  B,
  R
> {
  access: RoleAccess
  cacheKey?(input: { query: Q; viewer: Viewer }): string | undefined
  isActivityCached?: boolean
  // Method syntax on purpose: it lets routes with different input types share one list.
  handler(input: RouteInput<Q, P, B>): Promise<R>
}

export interface PublicRoute<Q = unknown, P = unknown, B = unknown, R = unknown> extends RouteShape<
  Q,
  P,
  B,
  R
> {
  access: PublicAccess
  cacheKey?(input: { query: Q; viewer: Viewer | null }): string | undefined
  isActivityCached?: boolean
  handler(input: PublicRouteInput<Q, P, B>): Promise<R>
}

export type RouteDefinition<Q = unknown, P = unknown, B = unknown, R = unknown> =
  RoleRoute<Q, P, B, R> | PublicRoute<Q, P, B, R>

/** Declares a route for signed-in callers; keeps the generic parameters tied together. */
export function defineRoute<Q, P, B, R>(route: RoleRoute<Q, P, B, R>): RoleRoute<Q, P, B, R> {
  return route
}

/** `access` of a route every signed-in caller may call. */
export const FOR_ANY = { roles: 'any' } as const

/** A route's method and path in one string, as the declaration helpers take it: "PATCH /api/v1/…". */
export type Endpoint = `${HttpMethod} /api/v1/${string}`

type Placed<T> = Omit<T, 'method' | 'url' | 'tag'>

function place(tag: string, endpoint: Endpoint) {
  const [method, url] = endpoint.split(' ') as [HttpMethod, string]
  return { method, url, tag }
}

/**
 * Declares a route for signed-in callers with its OpenAPI tag and its method and path in one string:
 * `route('practices', 'PATCH /api/v1/practices/:id', { operationId, summary, access, …, handler })`.
 * `route.public(…)` declares one reachable without signing in.
 */
export function route<Q, P, B, R>(
  tag: string,
  endpoint: Endpoint,
  spec: Placed<RoleRoute<Q, P, B, R>>,
): RoleRoute<Q, P, B, R> {
  return defineRoute({ ...spec, ...place(tag, endpoint) })
}

route.public = function <Q, P, B, R>(
  tag: string,
  endpoint: Endpoint,
  spec: Placed<PublicRoute<Q, P, B, R>>,
): PublicRoute<Q, P, B, R> {
  return definePublicRoute({ ...spec, ...place(tag, endpoint) })
}

/** Declares a route reachable without signing in (its handler gets a nullable viewer). */
export function definePublicRoute<Q, P, B, R>(route: PublicRoute<Q, P, B, R>): PublicRoute<Q, P, B, R> {
  return route
}

/** A route of any input and output types: inputs are checked by its own schemas at run time. */
export type AnyRoute = RouteDefinition

export function isPublicRoute(route: Pick<AnyRoute, 'access'>): route is PublicRoute {
  return 'isPublic' in route.access && route.access.isPublic
}

/** The roles a route admits: null for public routes and for every signed-in caller (`'any'`). */
export function rolesOf(route: Pick<AnyRoute, 'access'>): readonly string[] | null {
  if (!('roles' in route.access) || route.access.roles === 'any') return null
  return route.access.roles
}

/**
 * The viewer of a route that changes something network-wide: administrators and moderators of all
 * rings (core/permissions/network-wide.ts); everybody else gets 403 naming `what`.
 */
export function requireNetworkWideManager(viewer: Viewer, what: 'cycles' | 'peerModels'): Viewer {
  if (canManageNetworkWide(viewer)) return viewer
  throw new AppError('forbidden', message(`networkWide.${what}`))
}

/** A `cacheKey` for answers that depend on the (validated) query and on what the viewer may see. */
export function queryAndScopeKey(query: unknown, viewer: Viewer): string {
  return `${JSON.stringify(query ?? null)}|${viewerScopeKey(viewer)}`
}

/** A `cacheKey` for answers of one person (their notifications, their actions): the query, the person and their view. */
export function queryAndPersonKey(query: unknown, viewer: Viewer): string {
  return `${viewer.userId}|${queryAndScopeKey(query, viewer)}`
}

/** The signed-in caller and the request's instant, as the use cases take them for reads. */
export function readerOf(input: { viewer: Viewer; now: Date }): { viewer: Viewer; now: Date } {
  return { viewer: input.viewer, now: input.now }
}

/** The caller and the request's day, as the reads that take the day as `at` take them. */
export function readerOnDayOf<V extends Viewer | null>(input: {
  viewer: V
  now: Date
}): { viewer: V; at: string } {
  return { viewer: input.viewer, at: isoDate(input.now) }
}

/** The signed-in caller, the actor for the audit and the request's instant, for writes. */
export function writerOf(input: { viewer: Viewer; actor: AuditActor; now: Date }) {
  return { viewer: input.viewer, actor: input.actor, now: input.now }
}

/** The caller's address and the request's instant, for use cases that check or audit an account. */
export function addressAt(input: { now: Date; request: { ip: string } }) {
  return { ip: input.request.ip, now: input.now }
}

/** The writer as `writerOf` gives it and the caller's address, for use cases whose audit entry records it. */
export function writerWithIpOf(input: {
  viewer: Viewer
  actor: AuditActor
  now: Date
  request: { ip: string }
}) {
  return { ...writerOf(input), ...addressAt(input) }
}

/**
 * The handler of a route that lists what the caller may read: `list(db, { viewer, now, ...query })`,
 * answered as `{ [key]: items }` (e.g. `listedAs('meetings', listMeetings)`).
 */
export function listedAs<K extends string, O extends { viewer: Viewer; now: Date }, T>(
  key: K,
  list: (db: Kysely<DB>, options: O) => Promise<T[]>,
) {
  return async (input: {
    context: AppContext
    viewer: Viewer
    now: Date
    query: Omit<O, 'viewer' | 'now'>
  }) => {
    // The query schema gives every option but the caller's, which readerOf adds.
    const options = { ...input.query, ...readerOf(input) } as O
    return { [key]: await list(input.context.database.db, options) } as { [k in K]: T[] }
  }
}
