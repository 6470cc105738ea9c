import type { Kysely } from 'kysely'
import type { FigureSummaryDto } from '../../contracts/kpi'
import { parseAsOf } from '../../core/periods/as-of'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { parseContextList } from './context-model'
import { loadKpiScope } from './kpi-access'
import { kpiMemo, type Memo } from './kpi-cache'
import { monthIndexOf } from './load-series'
import { resolvePeriod } from './read-figure-values'
import { resolveGroup, type GroupKind } from './resolve-group'
import { summariseFigure } from './summarise-figure'

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
  memo: Memo
}

/**
 * Resolves the organisation, the month and the group once and checks that the caller may see the
 * organisation and the group (else throws not_found or forbidden); then summarises any number of
 * figures for them. Shared by `GET /api/v1/kpi/summary` and `GET /api/v1/kpi/summaries`, so the two
 * cannot apply different confidentiality rules.
 */
export async function prepareFigureSummaries(
  db: Kysely<DB>,
  options: { request: FigureSummariesRequest; viewer: Viewer },
): Promise<FigureSummaries> {
  const { request, viewer } = options
  const asOf = request.asOf ? parseAsOf(request.asOf) : undefined
  const memo = await kpiMemo(db, asOf)
  const today = new Date().toISOString().slice(0, 10)
  const organisation = await memo(`organisation:${request.org}:${today}`, () =>
    findOrganisationByKey(db, request.org, today),
  )
  const month = request.period
    ? monthIndexOf(request.period)
    : await memo('latest-month', () => resolvePeriod(db, undefined, asOf))
  // Access is decided per request, from the cached rings of all organisations and this viewer.
  const scope = await loadKpiScope(db, { viewer, month, memo })
  scope.requireNamed(organisation.id)
  const resolve = () =>
    resolveGroup(db, { kind: request.group, organisationId: organisation.id, month, setKeys: request.orgs })
  // Only fixed groups (ring, network) are shared; sets and peer groups are resolved each time.
  const group =
    request.group === 'ring' || request.group === 'all'
      ? await memo(`group:${request.group}:${organisation.id}:${month}`, resolve)
      : await resolve()
  scope.requireGroupVisible(group.organisationIds, request.group)
  const context = parseContextList(request.context)
  return {
    memo,
    summarise: (code) =>
      summariseFigure(
        db,
        { code, breakdown: request.breakdown, month, organisation, group, context, asOf },
        memo,
      ),
  }
}
