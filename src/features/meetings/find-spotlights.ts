/**
 * Data spotlights for a ring, from the key-figure engine: year-on-year changes (group statistics),
 * results outside the context model's prediction interval, and consistent leaders (excellence).
 * The selection rule lives in src/core/benchlearning/spotlights.ts.
 */
import type { Kysely } from 'kysely'
import {
  selectSpotlights,
  type ChangeCandidate,
  type LeaderCandidate,
  type ResidualCandidate,
  type Spotlight,
} from '../../core/benchlearning'
import { isAppError } from '../../core/errors/app-error'
import { message, reasonOf, type Message } from '../../core/messages/text'
import { combineSources } from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { DB } from '../../db/schema'
import { fitContextModel } from '../kpi/context-model'
import { findFigureExcellence } from '../kpi/excellence'
import { computeFigureGroupStatistics, HISTORY_MONTHS } from '../kpi/group-statistics'
import { monthIndexOf, monthStart } from '../kpi/load-series'
import { resolvePeriod } from '../kpi/read-figure-values'
import { listMemberIds } from '../networks/network.repository'
import { listRingRefs } from './meeting.repository'

/** The figures the platform looks at for spotlights: integration, long-term, benefits, stock. */
export const SPOTLIGHT_FIGURES = ['K2', 'K3E1', 'K1', 'K3'] as const

export interface RingSpotlights {
  spotlights: Spotlight[]
  /** "2025-06": the month of the key figures used, or null when none are computed. */
  period: string | null
  /** Why spotlights are missing, for the moderator. */
  notes: Message[]
}

function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1))
}

export async function findRingSpotlights(
  db: Kysely<DB>,
  options: { ringId: number; period?: string; figures?: readonly string[]; perKind?: number },
): Promise<RingSpotlights> {
  const notes: Message[] = []
  let month: number
  try {
    month = options.period ? monthIndexOf(options.period) : await resolvePeriod(db, undefined)
  } catch (error) {
    if (!isAppError(error)) throw error
    return { spotlights: [], period: null, notes: [message('spotlight.note.none', reasonOf(error))] }
  }
  const period = formatPeriod(monthFromIndex(month))
  const ids = await listMemberIds(db, { ringId: options.ringId }, monthStart(month))
  const ring = (await listRingRefs(db)).get(options.ringId)
  if (ids.length < 2) return { spotlights: [], period, notes: [message('spotlight.note.tooFewMembers')] }
  const group = {
    kind: 'ring' as const,
    label: `${ring?.code ?? ''} ${ring?.name ?? ''}`.trim(),
    organisationIds: ids,
    ringId: options.ringId,
  }
  const changes: ChangeCandidate[] = []
  const residuals: ResidualCandidate[] = []
  const leaders: LeaderCandidate[] = []
  for (const code of options.figures ?? SPOTLIGHT_FIGURES) {
    try {
      const stats = await computeFigureGroupStatistics(db, { code, breakdown: 'total', month, group })
      const { nameDe, nameEn, polarity } = stats.dto.figure
      const figure = { code, nameDe, nameEn, polarity }
      const withChange = stats.dto.members.filter((m) => m.value !== null && m.changeToPreviousYear !== null)
      const spread = standardDeviation(withChange.map((m) => m.changeToPreviousYear!))
      // The change compares the month with the same month a year earlier: both values count.
      const changeSource = (id: number) => {
        const series = stats.values.get(id)!
        return combineSources([series[HISTORY_MONTHS - 1]!.source, series[HISTORY_MONTHS - 13]!.source])
      }
      for (const m of withChange)
        changes.push({
          figure,
          organisationId: m.organisationId,
          name: m.name,
          value: m.value!,
          valuePreviousYear: m.value! - m.changeToPreviousYear!,
          ringSpread: spread,
          period,
          source: changeSource(m.organisationId),
        })
      try {
        const model = await fitContextModel(db, { code, breakdown: 'total', month })
        for (const o of model.dto.observations)
          if (ids.includes(o.organisationId))
            residuals.push({
              figure,
              organisationId: o.organisationId,
              name: o.name,
              actual: o.actual,
              expected: o.expected,
              lower: o.lower,
              upper: o.upper,
              period,
              // The expectation rests on every value the model was fitted on.
              source: combineSources([o.source, model.dto.source]),
            })
      } catch (error) {
        if (!isAppError(error)) throw error
        notes.push(message('spotlight.note.noContextModel', { code, ...reasonOf(error) }))
      }
      const excellence = await findFigureExcellence(db, { code, breakdown: 'total', month, group })
      for (const leader of excellence.byLevel.filter((l) => l.rank === 1)) {
        const consistency = excellence.consistency.find((c) => c.organisationId === leader.organisationId)
        leaders.push({
          figure,
          organisationId: leader.organisationId,
          name: leader.name,
          value: leader.value,
          rank: leader.rank,
          n: leader.n,
          groupMedian: leader.groupMedian,
          monthsInTopQuartile: consistency?.monthsInTopQuartile ?? 0,
          monthsConsidered: consistency?.monthsConsidered ?? 0,
          period,
          source: leader.source,
        })
      }
    } catch (error) {
      if (!isAppError(error)) throw error
      notes.push(message('spotlight.note.figure', { code, ...reasonOf(error) }))
    }
  }
  return {
    spotlights: selectSpotlights({ changes, residuals, leaders, perKind: options.perKind }),
    period,
    notes,
  }
}
