import type { Kysely } from 'kysely'
import type { FigureSummaryDto } from '../../contracts/kpi'
import { parseOptionalAsOf } from '../../core/periods/as-of'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findLatestRecordedAt } from '../observations/observation.repository'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { parseContextList } from './context-model'
import { loadKpiScope, type KpiScope } from './kpi-access'
import { kpiMemo, type Memo } from './kpi-cache'
import { monthIndexOf } from './load-series'
import { readCatalogue } from './figure-catalogue'
import { findFigureDefinition, resolvePeriod } from './read-figure-values'
import { resolveGroup, type GroupKind, type ResolvedGroup } from './resolve-group'
import { summariseFigure } from './summarise-figure'
import { discloseGroup } from './disclose-group'
import { isoDate } from '../../core/periods/dates'

/** What summaries of one organisation in one group have in common (the query of both summary routes). */
export interface FigureSummariesRequest {
  org: string
  group: GroupKind
  orgs?: string
  period?: string
  breakdown: string
  context?: string
  asOf?: string
}

export interface FigureSummaries {
  /** The summary of one figure (throws AppError, e.g. not_found for an unknown figure). */
  summarise(code: string): Promise<FigureSummaryDto>
  /** The figures asked for, by default every official one. */
  codes: string[]
  memo: Memo
  /** What the checks resolved: later reads about the same question reuse them. */
  organisation: { id: number; name: string }
  month: number
  scope: KpiScope
  group: ResolvedGroup
}

/** When the newest revision of any value was recorded (read once per data version: a full scan). */
export function latestRevisionAt(db: Kysely<DB>, memo: Memo): Promise<Date | null> {
  return memo('latest-recorded-at', () => findLatestRecordedAt(db))
}

/**
 * Whether a value was recorded after `instant` (false for null): only then can the figures as
 * known at that instant differ from the figures now (`prepareFigureSummaries` answers an `asOf`
 * that is not before the newest revision from the current figures).
 */
export async function hasValuesRecordedSince(db: Kysely<DB>, instant: Date | null): Promise<boolean> {
  if (instant === null) return false
  const latest = await latestRevisionAt(db, await kpiMemo(db))
  return latest !== null && latest > instant
}

/**
 * Resolves the organisation, the month and the group once and checks that the caller may see the
 * organisation and the group (else throws not_found or forbidden); then summarises any number of
 * figures for them. Shared by `GET /api/v1/kpi/summary` and `GET /api/v1/kpi/summaries`, so the two
 * cannot apply different confidentiality rules.
 */
export async function prepareFigureSummaries(
  db: Kysely<DB>,
  options: {
    request: FigureSummariesRequest
    viewer: Viewer
    now: Date
    /** The figures to summarise; by default every official one. */
    figures?: readonly string[]
  },
): Promise<FigureSummaries> {
  const { request, viewer, now } = options
  const requestedAsOf = parseOptionalAsOf(request.asOf)
  // As of an instant after the newest revision, what was known then is what is known now: answered
  // from the current (cached) figures instead of evaluating every figure from the raw series as of
  // then (seconds for the 15 official ones). A returning member's last visit is mostly such an instant.
  const currentMemo = await kpiMemo(db)
  const latestRecordedAt = requestedAsOf ? await latestRevisionAt(db, currentMemo) : null
  const asOf =
    requestedAsOf && latestRecordedAt && latestRecordedAt > requestedAsOf ? requestedAsOf : undefined
  const memo = asOf ? await kpiMemo(db, asOf) : currentMemo
  const today = isoDate(now)
  const organisation = await memo(`organisation:${request.org}:${today}`, () =>
    findOrganisationByKey(db, request.org, today),
  )
  const month = request.period
    ? monthIndexOf(request.period)
    : await memo('latest-month', () => resolvePeriod(db, undefined, asOf))
  const catalogue = await memo('catalogue', () => readCatalogue(db))
  const codes = options.figures
    ? [...options.figures]
    : catalogue.figures.filter((f) => f.current.isOfficial).map((f) => f.code)
  const classes = catalogue.figures
    .filter((f) => codes.includes(f.code))
    .map((f) => f.current.confidentiality)
  // Access is decided per request, from the cached rings of all organisations and this viewer: the
  // organisation must be in view by name for the widest class asked for here (public values: anyone
  // but a pseudonymised peer), and for the class of each figure in `summarise`.
  const scope = await loadKpiScope(db, { viewer, month, memo })
  scope.forClass(classes.includes('public') ? 'public' : 'network').requireNamed(organisation.id, request.org)
  const resolve = () =>
    resolveGroup(db, {
      kind: request.group,
      organisationId: organisation.id,
      month,
      setKeys: request.orgs,
      canPick: scope.canSeeNamed,
    })
  // Only fixed groups (ring, network) are shared; sets and peer groups are resolved each time.
  const group =
    request.group === 'ring' || request.group === 'all'
      ? await memo(`group:${request.group}:${organisation.id}:${month}`, resolve)
      : await resolve()
  const context = parseContextList(request.context)
  return {
    memo,
    codes,
    organisation,
    month,
    scope,
    group,
    summarise: async (code) => {
      const { breakdown } = request
      const definition = await memo(`definition:${code}`, () => findFigureDefinition(db, code))
      const figureScope = scope.forClass(definition.confidentiality)
      figureScope.requireNamed(organisation.id, request.org)
      // What the caller may see of the group depends on the figure (own or official, who delivered).
      const disclosed = await discloseGroup(db, {
        scope: figureScope,
        code,
        breakdown,
        month,
        group,
        organisationId: organisation.id,
        asOf,
        memo,
      })
      const summary = await summariseFigure(
        db,
        { code, breakdown, month, organisation, context, asOf, ...disclosed },
        memo,
      )
      return requestedAsOf && !asOf ? { ...summary, asOf: requestedAsOf.toISOString() } : summary
    },
  }
}
