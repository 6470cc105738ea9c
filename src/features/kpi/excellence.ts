import type { Kysely } from 'kysely'
import { message, toSent } from '../../core/messages/text'
import { isAppError } from '../../core/errors/app-error'
import { combineSources, findExcellence, type ValueSource } from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { ExcellenceDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import { fitContextModel } from './context-model'
import { loadGroupHistory } from './group-statistics'
import { figureRef } from './read-figure-values'
import { findOrganisationNames, type ResolvedGroup } from './resolve-group'

export interface ExcellenceRequest {
  code: string
  breakdown: string
  month: number
  group: ResolvedGroup
  context?: readonly string[]
  asOf?: Date
}

/**
 * Who leads a figure in a group: by level, by improvement on a year earlier, beyond context
 * (largest favourable residual of the context model fitted across all organisations) and
 * consistently (top quartile of the group in at least 9 of the last 12 months).
 */
export async function findFigureExcellence(
  db: Kysely<DB>,
  request: ExcellenceRequest,
): Promise<ExcellenceDto> {
  const { definition, ids, values } = await loadGroupHistory(db, request)
  const notes: ReturnType<typeof toSent>[] = []
  let regression
  // Where the values each organisation's places rest on come from: its months with a value.
  const sourcesOf = (id: number): ValueSource[] =>
    values
      .get(id)!
      .filter((v) => v.value !== null)
      .map((v) => v.source)
  const modelSource = new Map<number, ValueSource>()
  try {
    const model = await fitContextModel(db, {
      code: request.code,
      breakdown: request.breakdown,
      month: request.month,
      context: request.context,
      asOf: request.asOf,
    })
    const inGroup = new Set(ids.map(String))
    regression = model.fit.observations.filter((o) => inGroup.has(o.id))
    for (const o of model.dto.observations) modelSource.set(o.organisationId, o.source)
    notes.push(toSent(message('kpi.beyondContextModel', { n: model.fit.n, rSquared: model.fit.rSquared })))
  } catch (error) {
    if (!isAppError(error)) throw error
    notes.push(toSent(message('kpi.noContextComparison', { reason: error.message })))
  }
  const result = findExcellence({
    polarity: definition.polarity,
    members: ids.map((id) => ({
      orgId: String(id),
      values: Float64Array.from(values.get(id)!, (v) => v.value ?? NaN),
    })),
    regression,
  })
  if (!result.isPerformanceRanking)
    notes.push(toSent(message('kpi.contextFigureNoPraise', { code: definition.code })))
  const names = await findOrganisationNames(db, ids)
  const named = (orgId: string) => ({
    organisationId: Number(orgId),
    name: names.get(Number(orgId)) ?? orgId,
    source: combineSources(sourcesOf(Number(orgId))),
  })
  return {
    figure: figureRef(definition),
    group: { kind: request.group.kind, label: request.group.label, organisationIds: ids },
    period: formatPeriod(monthFromIndex(request.month)),
    breakdown: request.breakdown,
    isPerformanceRanking: result.isPerformanceRanking,
    byLevel: result.byLevel.map(({ orgId, ...rest }) => ({ ...named(orgId), ...rest })),
    byImprovement: result.byImprovement.map(({ orgId, ...rest }) => ({ ...named(orgId), ...rest })),
    beyondContext: result.beyondContext.map(({ orgId, favourableResidual: _f, ...rest }) => ({
      ...named(orgId),
      ...rest,
      // Beyond context rests on the organisation's value in the model's month only.
      source: modelSource.get(Number(orgId)) ?? 'computed',
    })),
    consistency: result.consistency.map(({ orgId, ...rest }) => ({ ...named(orgId), ...rest })),
    source: combineSources([...ids.flatMap(sourcesOf), ...modelSource.values()]),
    notes,
  }
}
