import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import type { FigureReconciliationDto } from '../../contracts/published-figures'
import type { DB } from '../../db/schema'
import { loadImportBatchScope } from '../imports/import-batch-scope'
import { checkBreakdown, findFigureDefinition } from '../kpi/read-figure-values'
import { findOrganisationNames } from '../kpi/resolve-group'
import { findLatestPublishedMonth, findPublishedValues } from './published-figure.repository'
import { reconcileStaged } from './reconcile-staged'

/**
 * For the figure page: the current publication of one figure, month and breakdown reconciled with
 * the platform's computation. A finding shows an organisation's computed numerator and denominator,
 * which come from its raw series: only organisations the viewer sees in full are compared (all of
 * them for administrators and moderators of every ring, else the own organisation and the
 * organisations of moderated rings), so the counts say nothing about the others.
 */
export async function loadFigureReconciliation(
  db: Kysely<DB>,
  options: { viewer: Viewer; code: string; period?: string; breakdown: string; at: string },
): Promise<FigureReconciliationDto> {
  const definition = await findFigureDefinition(db, options.code)
  checkBreakdown(definition, options.breakdown)
  const base = { figure: definition.code, breakdown: options.breakdown }
  const latest = options.period ? `${options.period}-01` : await findLatestPublishedMonth(db, definition.code)
  if (!latest) return { ...base, period: null, compared: 0, differing: 0, findings: [] }
  const scope = await loadImportBatchScope(db, { viewer: options.viewer, at: options.at })
  const published = await findPublishedValues(db, {
    figure: definition.code,
    breakdown: options.breakdown,
    from: latest,
    to: latest,
    ...(scope.isAll ? {} : { organisationIds: scope.organisationIds }),
  })
  const names = await findOrganisationNames(db, [...new Set(published.map((p) => p.organisationId))])
  const result = await reconcileStaged(db, published, names)
  return {
    ...base,
    period: latest.slice(0, 7),
    compared: result.compared,
    differing: result.findings.length,
    findings: result.findings,
  }
}
