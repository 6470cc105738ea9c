import type { Kysely } from 'kysely'
import { isAppError } from '../../core/errors/app-error'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { FigureSummaryDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import { explainExpectation } from '../../core/kpi'
import { keepMeanOnly, type DisclosureDecision } from '../../core/permissions'
import { DEFAULT_CONTEXT, fitContextModel, type ContextModelResult } from './context-model'
import { computeFigureGroupStatistics } from './group-statistics'
import { noMemo, type Memo } from './kpi-cache'
import { findFigureDefinition } from './read-figure-values'
import type { ResolvedGroup } from './resolve-group'
import { pickOrNull } from '../../core/pick-or-null'
import { message, render, type Message, type ServerMessageKey } from '../../core/messages/text'

export interface SummariseFigureRequest {
  code: string
  breakdown: string
  month: number
  organisation: { id: number; name: string }
  /** The members the statistics may pool for the caller, and what may be shown (discloseGroup). */
  group: ResolvedGroup
  decision: DisclosureDecision
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
  memo: Memo = noMemo,
): Promise<FigureSummaryDto> {
  const definition = await memo(`definition:${request.code}`, () => findFigureDefinition(db, request.code))
  // Statistics of the whole group are the same for every member of it; the caller's place is read below.
  const groupKey = `${request.group.kind}:${request.group.label}:${request.group.organisationIds.join(',')}`
  const { dto: pooled, values } = await memo(
    `group-statistics:${request.code}:${request.breakdown}:${request.month}:${groupKey}`,
    () => computeFigureGroupStatistics(db, request),
  )
  const dto = request.decision.level === 'mean_only' ? keepMeanOnly(pooled) : pooled
  const own = dto.members.find((m) => m.organisationId === request.organisation.id)
  const latest = values.get(request.organisation.id)?.at(-1)
  let context: FigureSummaryDto['context'] = null
  let contextUnavailable: { de: string; en: string } | null = null
  // The fit pools all organisations and is the same for everyone: cached without any organisation's
  // explanation (which is made here for the caller's). Domain errors (too few observations) are
  // cached as outcomes too, so a figure without a model is not refitted on every request.
  const contextList = [...(request.context ?? DEFAULT_CONTEXT)]
  const outcome = await memo(
    `context-model:${request.code}:${request.breakdown}:${request.month}:${contextList.join(',')}`,
    () =>
      fitContextModel(db, {
        code: request.code,
        breakdown: request.breakdown,
        month: request.month,
        context: contextList,
        asOf: request.asOf,
      }).then(
        (model): { model: ContextModelResult } | { error: Message } => ({ model }),
        (error: unknown) => {
          if (!isAppError(error)) throw error
          return { error: { key: error.key as ServerMessageKey, params: error.params } }
        },
      ),
  )
  const inBothLanguages = (why: Message) => ({ de: render('de', why), en: render('en', why) })
  if ('error' in outcome) contextUnavailable = inBothLanguages(outcome.error)
  else {
    const { model } = outcome
    const mine = model.dto.observations.find((o) => o.organisationId === request.organisation.id)
    if (mine) {
      const explain = (locale: 'de' | 'en') =>
        explainExpectation({
          locale,
          figureName: locale === 'de' ? definition.nameDe : definition.nameEn,
          actual: mine.actual,
          expected: mine.expected,
          lower: mine.lower,
          upper: mine.upper,
          confidence: model.fit.confidence,
          classification: mine.classification,
          contextNames: model.contextNames[locale],
          unit: definition.unit,
        })
      context = {
        predictors: model.dto.context,
        rSquared: model.dto.rSquared,
        n: model.dto.n,
        expected: mine.expected,
        lower: mine.lower,
        upper: mine.upper,
        residual: mine.residual,
        classification: mine.classification,
        explanationDe: explain('de'),
        explanationEn: explain('en'),
        source: model.dto.source,
      }
    } else {
      const excluded = model.dto.excluded.find((e) => e.organisationId === request.organisation.id)
      contextUnavailable = inBothLanguages(
        excluded
          ? { key: excluded.messageKey as ServerMessageKey, params: excluded.params }
          : message('context.noValueThisMonth'),
      )
    }
  }
  const { createdAt, ...version } = definition
  return {
    figure: { ...version, createdAt: createdAt.toISOString() },
    organisation: request.organisation,
    period: formatPeriod(monthFromIndex(request.month)),
    breakdown: request.breakdown,
    asOf: request.asOf?.toISOString() ?? null,
    ...pickOrNull(latest, ['value', 'ratio', 'numerator', 'denominator', 'missing']),
    source: latest?.source ?? 'computed',
    group: {
      kind: dto.group.kind,
      label: dto.group.label,
      n: dto.n,
      ...pickOrNull(own, ['rank', 'percentile']),
      mean: dto.mean,
      median: dto.median,
      q1: dto.q1,
      q3: dto.q3,
      best: dto.best,
      ...pickOrNull(own, ['gapToMedian', 'trend12', 'changeToPreviousYear']),
      disclosure: request.decision,
    },
    context,
    contextUnavailable,
  }
}
