import type { Kysely } from 'kysely'
import {
  computeChangeToPreviousYear,
  computeGroupStatistics,
  computeTrend12,
  type GroupStatistics,
} from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { GroupStatisticsDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import {
  checkBreakdown,
  figureRef,
  findFigureDefinition,
  readFigureValues,
  type FigureValueTable,
} from './read-figure-values'
import { findOrganisationNames, type ResolvedGroup } from './resolve-group'
import { pickOrNull } from '../../core/pick-or-null'

/** The month and the twelve before it: enough for the 12-month trend and the change to a year earlier. */
export const HISTORY_MONTHS = 13

export interface GroupStatisticsRequest {
  code: string
  breakdown: string
  month: number
  group: ResolvedGroup
  asOf?: Date
}

export interface GroupStatisticsResult {
  /** Statistics over every member of the group: callers apply the disclosure rules (discloseGroup). */
  dto: Omit<GroupStatisticsDto, 'disclosure'>
  stats: GroupStatistics
  values: FigureValueTable
}

/**
 * The figure's current definition (it must have the breakdown) and the values of every member of
 * the group in the HISTORY_MONTHS months up to the request's month.
 */
export async function loadGroupHistory(db: Kysely<DB>, request: GroupStatisticsRequest) {
  const definition = await findFigureDefinition(db, request.code)
  checkBreakdown(definition, request.breakdown)
  const ids = request.group.organisationIds
  const values = await readFigureValues(db, {
    code: request.code,
    breakdown: request.breakdown,
    organisationIds: ids,
    from: request.month - HISTORY_MONTHS + 1,
    to: request.month,
    asOf: request.asOf,
  })
  return { definition, ids, values }
}

/**
 * Descriptive statistics, ranks (by polarity, ties share a rank), percentiles, z-scores, gaps,
 * 12-month trend and change to a year earlier for one figure in one group and month. Members
 * without a value are listed with the reason and take no part in any statistic.
 */
export async function computeFigureGroupStatistics(
  db: Kysely<DB>,
  request: GroupStatisticsRequest,
): Promise<GroupStatisticsResult> {
  const { definition, ids, values } = await loadGroupHistory(db, request)
  const latest = HISTORY_MONTHS - 1
  const stats = computeGroupStatistics({
    polarity: definition.polarity,
    values: ids.map((id) => {
      const v = values.get(id)![latest]!
      return { orgId: String(id), value: v.value, reason: v.missing?.reason }
    }),
  })
  const names = await findOrganisationNames(db, ids)
  const ranked = new Map(stats.members.map((m) => [Number(m.orgId), m]))
  const members = ids
    .map((id) => {
      const series = values.get(id)!
      const v = series[latest]!
      const m = ranked.get(id)
      const display = series.map((x) => x.value ?? NaN)
      return {
        organisationId: id,
        name: names.get(id) ?? String(id),
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        missing: v.missing,
        source: v.source,
        ...pickOrNull(m, ['rank', 'percentile', 'zScore', 'gapToBest', 'gapToMedian']),
        trend12: computeTrend12(display)?.slope ?? null,
        changeToPreviousYear: computeChangeToPreviousYear(display),
      }
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name))
  return {
    stats,
    values,
    dto: {
      figure: figureRef(definition),
      group: { kind: request.group.kind, label: request.group.label, organisationIds: ids },
      period: formatPeriod(monthFromIndex(request.month)),
      breakdown: request.breakdown,
      asOf: request.asOf?.toISOString() ?? null,
      isPerformanceRanking: stats.isPerformanceRanking,
      n: stats.n,
      missing: stats.missing.length,
      mean: stats.mean,
      median: stats.median,
      q1: stats.q1,
      q3: stats.q3,
      min: stats.min,
      max: stats.max,
      standardDeviation: stats.standardDeviation,
      best: stats.best,
      members,
    },
  }
}
