import type { Kysely } from 'kysely'
import { isAppError } from '../../core/errors/app-error'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { FigureSummaryDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import { fitContextModel } from './context-model'
import { computeFigureGroupStatistics } from './group-statistics'
import { findFigureDefinition } from './read-figure-values'
import type { ResolvedGroup } from './resolve-group'

export interface SummariseFigureRequest {
  code: string
  breakdown: string
  month: number
  organisation: { id: number; name: string }
  group: ResolvedGroup
  context?: readonly string[]
  asOf?: Date
}

/**
 * Everything about one figure for one organisation in one month: value with numerator and
 * denominator, its place in the group, and what its context would lead one to expect.
 */
export async function summariseFigure(
  db: Kysely<DB>,
  request: SummariseFigureRequest,
): Promise<FigureSummaryDto> {
  const definition = await findFigureDefinition(db, request.code)
  const { dto, values } = await computeFigureGroupStatistics(db, request)
  const own = dto.members.find((m) => m.organisationId === request.organisation.id)
  const latest = values.get(request.organisation.id)?.at(-1)
  let context: FigureSummaryDto['context'] = null
  let contextUnavailable: string | null = null
  try {
    const model = await fitContextModel(db, {
      code: request.code,
      breakdown: request.breakdown,
      month: request.month,
      context: request.context,
      organisationId: request.organisation.id,
      asOf: request.asOf,
    })
    const mine = model.dto.observations.find((o) => o.organisationId === request.organisation.id)
    if (mine && model.dto.organisation) {
      context = {
        predictors: model.dto.context,
        rSquared: model.dto.rSquared,
        n: model.dto.n,
        expected: mine.expected,
        lower: mine.lower,
        upper: mine.upper,
        residual: mine.residual,
        classification: mine.classification,
        explanationDe: model.dto.organisation.explanationDe,
        explanationEn: model.dto.organisation.explanationEn,
      }
    } else {
      contextUnavailable =
        model.dto.excluded.find((e) => e.organisationId === request.organisation.id)?.reason ??
        'the organisation has no value in this month'
    }
  } catch (error) {
    if (!isAppError(error)) throw error
    contextUnavailable = error.message
  }
  const { createdAt, ...version } = definition
  return {
    figure: { ...version, createdAt: createdAt.toISOString() },
    organisation: request.organisation,
    period: formatPeriod(monthFromIndex(request.month)),
    breakdown: request.breakdown,
    asOf: request.asOf?.toISOString() ?? null,
    value: latest?.value ?? null,
    ratio: latest?.ratio ?? null,
    numerator: latest?.numerator ?? null,
    denominator: latest?.denominator ?? null,
    missing: latest?.missing ?? null,
    group: {
      kind: dto.group.kind,
      label: dto.group.label,
      n: dto.n,
      rank: own?.rank ?? null,
      percentile: own?.percentile ?? null,
      median: dto.median,
      q1: dto.q1,
      q3: dto.q3,
      best: dto.best,
      gapToMedian: own?.gapToMedian ?? null,
      trend12: own?.trend12 ?? null,
      changeToPreviousYear: own?.changeToPreviousYear ?? null,
    },
    context,
    contextUnavailable,
  }
}
