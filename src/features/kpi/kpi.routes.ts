import {
  catalogueSchema,
  computeRequestSchema,
  computeSummarySchema,
  contextModelQuerySchema,
  contextModelSchema,
  createFigureRequestSchema,
  excellenceQuerySchema,
  excellenceSchema,
  figureSchema,
  figureSummaryQuerySchema,
  figureSummariesQuerySchema,
  figureSummariesSchema,
  figureSummarySchema,
  figureValuesQuerySchema,
  figureValuesSchema,
  groupQuerySchema,
  groupStatisticsSchema,
} from '../../contracts/kpi'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { parseOptionalAsOf } from '../../core/periods/as-of'
import type { DB } from '../../db/schema'
import { isAppError } from '../../core/errors/app-error'
import { keepMeanOnly, PERMISSIONS, type Viewer } from '../../core/permissions'
import { FOR_ANY, queryAndScopeKey, route } from '../../server/route'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { computeKeyFigures } from './compute-key-figures'
import { fitContextModel, parseContextList } from './context-model'
import { findFigureExcellence } from './excellence'
import { createFigure, readCatalogue } from './figure-catalogue'
import { computeFigureGroupStatistics } from './group-statistics'
import { loadKpiScope } from './kpi-access'
import { kpiMemo } from './kpi-cache'
import { monthIndexOf } from './load-series'
import { checkBreakdown, findFigureDefinition, readFigureValues, resolvePeriod } from './read-figure-values'
import { resolveGroup } from './resolve-group'
import { discloseGroup } from './disclose-group'
import { prepareFigureSummaries } from './prepare-figure-summaries'
import { recordAudit } from '../audit/record-audit'

export const listFiguresRoute = route('key figures', 'GET /api/v1/kpi/figures', {
  operationId: 'listKeyFigures',
  summary: 'The key-figure catalogue: the 15 official figures and own figures, with versions',
  access: FOR_ANY,
  response: catalogueSchema,
  // The same catalogue for every caller.
  cacheKey: () => 'all',
  async handler({ context }) {
    const db = context.database.db
    return (await kpiMemo(db))('catalogue', () => readCatalogue(db))
  },
})

export const createFigureRoute = route('key figures', 'POST /api/v1/kpi/figures', {
  operationId: 'createKeyFigure',
  summary: 'Define an own key figure (or a new version of one) in the formula language',
  access: { roles: PERMISSIONS.defineFigures },
  body: createFigureRequestSchema,
  response: figureSchema,
  async handler({ body, context, viewer, actor, now }) {
    return createFigure(context.database, {
      request: body,
      createdBy: `user:${viewer.userId}`,
      organisationId: viewer.organisationId,
      now,
      actor,
    })
  },
})

export const computeFiguresRoute = route('key figures', 'POST /api/v1/kpi/compute', {
  operationId: 'computeKeyFigures',
  summary: 'Compute the key figures (only what changed since the last computation unless isFull)',
  access: { roles: PERMISSIONS.computeFigures },
  body: computeRequestSchema,
  response: computeSummarySchema,
  async handler({ body, context, actor, now }) {
    const summary = await computeKeyFigures(context.database, { isFull: body.isFull, now: context.now })
    // The computation is derived data, but starting one is an action someone took: it is logged.
    await recordAudit(context.database.db, {
      actor,
      action: 'kpi.compute',
      entity: 'kpi_run',
      entityId: summary.runId,
      after: { kind: summary.kind, valuesWritten: summary.valuesWritten, reason: summary.reason },
      at: now,
    })
    return summary
  },
})

export const listFigureValuesRoute = route('key figures', 'GET /api/v1/kpi/values', {
  operationId: 'listKeyFigureValues',
  summary: 'Values of one figure for one organisation with numerator, denominator and missing reasons',
  access: FOR_ANY,
  query: figureValuesQuerySchema,
  response: figureValuesSchema,
  async handler({ query, context, viewer, now }) {
    const db = context.database.db
    const asOf = parseOptionalAsOf(query.asOf)
    const organisation = await findOrganisationByKey(db, query.org)
    const definition = await findFigureDefinition(db, query.figure)
    checkBreakdown(definition, query.breakdown)
    const to = query.to ? monthIndexOf(query.to) : await resolvePeriod(db, undefined, asOf, now)
    const from = query.from ? monthIndexOf(query.from) : to - 23
    const scope = await loadKpiScope(db, { viewer, month: to, confidentiality: definition.confidentiality })
    scope.requireNamed(organisation.id, query.org)
    const table = await readFigureValues(db, {
      code: query.figure,
      breakdown: query.breakdown,
      organisationIds: [organisation.id],
      from,
      to,
      asOf,
    })
    return {
      figure: {
        code: definition.code,
        nameDe: definition.nameDe,
        nameEn: definition.nameEn,
        unit: definition.unit,
      },
      organisation,
      breakdown: query.breakdown,
      asOf: asOf?.toISOString() ?? null,
      values: table.get(organisation.id)!,
    }
  },
})

/**
 * What a question about an organisation in its group is about: the instant, the organisation (which
 * the caller must see by name), the month, the caller's scope and the group's members.
 */
async function resolveGroupQuestion(
  db: Kysely<DB>,
  options: { query: GroupQuestion; viewer: Viewer; now: Date },
) {
  const { query, viewer, now } = options
  const asOf = parseOptionalAsOf(query.asOf)
  const organisation = await findOrganisationByKey(db, query.org)
  const month = await resolvePeriod(db, query.period, asOf, now)
  // What the caller sees depends on the figure's class: public values of anyone, by name.
  const { confidentiality } = await findFigureDefinition(db, query.figure)
  const scope = await loadKpiScope(db, { viewer, month, confidentiality })
  scope.requireNamed(organisation.id, query.org)
  const group = await resolveGroup(db, {
    kind: query.group,
    organisationId: organisation.id,
    month,
    setKeys: query.orgs,
    // A hand-picked set holds only organisations in the caller's view for network values.
    canPick: scope.forClass('network').canSeeNamed,
  })
  return { asOf, organisation, month, scope, group }
}

type GroupQuestion = Pick<
  z.infer<typeof groupQuerySchema>,
  'figure' | 'org' | 'period' | 'asOf' | 'group' | 'orgs'
>

export const groupStatisticsRoute = route('key figures', 'GET /api/v1/kpi/group-statistics', {
  operationId: 'getKeyFigureGroupStatistics',
  summary: 'Statistics of one figure in a group (ring, network, hand-picked set) for one month',
  access: FOR_ANY,
  query: groupQuerySchema,
  response: groupStatisticsSchema,
  async handler({ query, context, viewer, now }) {
    const db = context.database.db
    const { asOf, organisation, month, scope, group } = await resolveGroupQuestion(db, { query, viewer, now })
    const disclosed = await discloseGroup(db, {
      scope,
      code: query.figure,
      breakdown: query.breakdown,
      month,
      group,
      organisationId: organisation.id,
      asOf,
    })
    const { dto: pooled } = await computeFigureGroupStatistics(db, {
      code: query.figure,
      breakdown: query.breakdown,
      month,
      group: disclosed.group,
      asOf,
    })
    const dto = disclosed.decision.level === 'mean_only' ? keepMeanOnly(pooled) : pooled
    const members = dto.members.filter((m) => scope.canSeeNamed(m.organisationId))
    return {
      ...dto,
      group: { ...dto.group, organisationIds: members.map((m) => m.organisationId) },
      members,
      disclosure: disclosed.decision,
    }
  },
})

export const contextModelRoute = route('key figures', 'GET /api/v1/kpi/context-model', {
  operationId: 'getKeyFigureContextModel',
  summary: 'Context-adjusted comparison: OLS of a figure on context indicators across all organisations',
  access: FOR_ANY,
  query: contextModelQuerySchema,
  response: contextModelSchema,
  async handler({ query, context, viewer, now }) {
    const db = context.database.db
    const asOf = parseOptionalAsOf(query.asOf)
    const month = await resolvePeriod(db, query.period, asOf, now)
    const { confidentiality } = await findFigureDefinition(db, query.figure)
    const scope = await loadKpiScope(db, { viewer, month, confidentiality })
    const organisation = query.org ? await findOrganisationByKey(db, query.org) : undefined
    if (organisation && query.org) scope.requireNamed(organisation.id, query.org)
    const { dto } = await fitContextModel(db, {
      code: query.figure,
      breakdown: query.breakdown,
      month,
      context: parseContextList(query.context),
      organisationId: organisation?.id,
      asOf,
    })
    // The coefficients pool every organisation; single results only where the caller may see them.
    return {
      ...dto,
      observations: dto.observations.filter((o) => scope.canSeeNamed(o.organisationId)),
      excluded: dto.excluded.filter((o) => scope.canSeeNamed(o.organisationId)),
    }
  },
})

export const excellenceRoute = route('key figures', 'GET /api/v1/kpi/excellence', {
  operationId: 'getKeyFigureExcellence',
  summary: 'Examples of excellence: who leads by level, improvement, beyond context and consistently',
  access: FOR_ANY,
  query: excellenceQuerySchema,
  response: excellenceSchema,
  async handler({ query, context, viewer, now }) {
    const db = context.database.db
    const { asOf, month, scope, group } = await resolveGroupQuestion(db, { query, viewer, now })
    // Excellence shows medians, quartile thresholds and ranks of the leaders: over the members the
    // caller can see, whenever the group holds organisations outside their view.
    const visibleGroup = {
      ...group,
      organisationIds: group.organisationIds.filter((id) => !scope.isHidden(id)),
    }
    const result = await findFigureExcellence(db, {
      code: query.figure,
      breakdown: query.breakdown,
      month,
      group: visibleGroup,
      context: parseContextList(query.context),
      asOf,
    })
    const visible = <T extends { organisationId: number }>(list: T[]) =>
      list.filter((l) => scope.canSeeNamed(l.organisationId))
    return {
      ...result,
      group: {
        ...result.group,
        organisationIds: visible(
          result.group.organisationIds.map((organisationId) => ({ organisationId })),
        ).map((o) => o.organisationId),
      },
      byLevel: visible(result.byLevel),
      byImprovement: visible(result.byImprovement),
      beyondContext: visible(result.beyondContext),
      consistency: visible(result.consistency),
    }
  },
})

export const figureSummaryRoute = route('key figures', 'GET /api/v1/kpi/summary', {
  operationId: 'getKeyFigureSummary',
  summary:
    'One figure for one organisation and month: value, numerator, denominator, rank, median, expected value',
  access: FOR_ANY,
  query: figureSummaryQuerySchema,
  response: figureSummarySchema,
  cacheKey: ({ query, viewer }) => summaryCacheKey(query, viewer),
  async handler({ query, context, viewer, now }) {
    const { summarise } = await prepareFigureSummaries(context.database.db, {
      request: query,
      viewer,
      now,
      figures: [query.figure],
    })
    return summarise(query.figure)
  },
})

export const figureSummariesRoute = route('key figures', 'GET /api/v1/kpi/summaries', {
  operationId: 'getKeyFigureSummaries',
  summary:
    'Several figures (default: all official ones) for one organisation and month in one answer, as kpi/summary gives one',
  access: FOR_ANY,
  query: figureSummariesQuerySchema,
  response: figureSummariesSchema,
  cacheKey: ({ query, viewer }) => summaryCacheKey(query, viewer),
  async handler({ query, context, viewer, now }) {
    const db = context.database.db
    const { summarise, codes } = await prepareFigureSummaries(db, {
      request: query,
      viewer,
      now,
      figures: query.figures,
    })
    const outcomes = await Promise.all(
      codes.map((figure) =>
        summarise(figure).then(
          (summary) => ({ summary }),
          (error: unknown) => {
            // A figure that cannot be summarised (unknown code …) does not fail the others.
            if (!isAppError(error)) throw error
            const { code, message, key, params } = error
            return { unavailable: { figure, code, message, key, params } }
          },
        ),
      ),
    )
    return {
      summaries: outcomes.flatMap((o) => ('summary' in o ? [o.summary] : [])),
      unavailable: outcomes.flatMap((o) => ('unavailable' in o ? [o.unavailable] : [])),
    }
  },
})

/**
 * Summaries are shared between callers with the same view, except for groups that are not in the
 * data version (peer types, neighbours and sets read peer models). As of an instant they are kept
 * too (the instant is in the query): the revisions known then change only with an import batch, which
 * changes the data version. Each returning member asks as of their own last visit, so these entries
 * serve the same member's next page loads.
 */
function summaryCacheKey(query: { group: string; asOf?: string }, viewer: Viewer): string | undefined {
  if (query.group !== 'ring' && query.group !== 'all') return undefined
  return queryAndScopeKey(query, viewer)
}

export const kpiRoutes = [
  listFiguresRoute,
  createFigureRoute,
  computeFiguresRoute,
  listFigureValuesRoute,
  groupStatisticsRoute,
  contextModelRoute,
  excellenceRoute,
  figureSummaryRoute,
  figureSummariesRoute,
]
