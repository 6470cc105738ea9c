import { sql, type Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { importMessage } from '../imports/import-message'
import {
  classifyResidual,
  combineSources,
  explainExpectation,
  fitOls,
  type OlsResult,
  type ValueSource,
} from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { ContextModelDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import { checkBreakdown, figureRef, findFigureDefinition, readFigureValues } from './read-figure-values'
import { findOrganisationNames } from './resolve-group'

export const DEFAULT_CONTEXT = ['sgb2_rate', 'unemployment_rate', 'gdp_per_employed', 'population_density']

/** Skewed over orders of magnitude (a city has 30× the density of a rural district): enters as ln. */
const LOG_CONTEXT = new Set(['population_density'])

export const HOW_TO_READ_DE =
  'Die Kennzahl wird über alle Jobcenter auf die gewählten Rahmenbedingungen zurückgeführt (lineare Regression). ' +
  'Der erwartete Wert ist das, was ein Jobcenter mit genau diesen Rahmenbedingungen im Durchschnitt erreicht. ' +
  'Das 95-%-Prognoseintervall zeigt, wie weit einzelne Jobcenter davon üblicherweise abweichen. ' +
  '„Besser“ oder „schlechter als erwartet“ steht nur dort, wo der tatsächliche Wert außerhalb dieses Intervalls liegt; ' +
  'alles andere liegt im Rahmen des Erwartbaren. R² sagt, welcher Anteil der Unterschiede zwischen den Jobcentern durch die Rahmenbedingungen erklärt wird.'
export const HOW_TO_READ_EN =
  'The figure is related to the chosen context conditions across all job centres (linear regression). ' +
  'The expected value is what a job centre with exactly these conditions achieves on average. ' +
  'The 95% prediction interval shows how far individual job centres usually differ from it. ' +
  '"Better" or "worse than expected" is said only where the actual value lies outside that interval; ' +
  'everything else is within what can be expected. R² says which share of the differences between job centres the conditions explain.'

export interface ContextModelRequest {
  code: string
  breakdown: string
  month: number
  context?: readonly string[]
  /** Explain the result for this organisation. */
  organisationId?: number
  asOf?: Date
}

export interface ContextModelResult {
  dto: ContextModelDto
  fit: OlsResult
  contextNames: { de: string[]; en: string[] }
}

export function parseContextList(text: string | undefined): string[] {
  if (!text) return DEFAULT_CONTEXT
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (list.length === 0) throw invalidInput(message('kpi.contextListEmpty'))
  return [...new Set(list)]
}

/**
 * Regresses the figure (its value in one month, across all organisations that have one) on yearly
 * context indicators of the same year, or the latest earlier year an organisation has. Every
 * organisation gets its expected value, residual and 95 % prediction interval; better or worse
 * than expected only where the interval excludes its actual value.
 */
export async function fitContextModel(
  db: Kysely<DB>,
  request: ContextModelRequest,
): Promise<ContextModelResult> {
  const definition = await findFigureDefinition(db, request.code)
  checkBreakdown(definition, request.breakdown)
  const context = [...(request.context ?? DEFAULT_CONTEXT)]
  const indicators = await db
    .selectFrom('indicator')
    .select(['id', 'code', 'name_de', 'name_en', 'kind', 'frequency'])
    .where('code', 'in', context)
    .execute()
  for (const code of context) {
    const found = indicators.find((i) => i.code === code)
    if (!found || found.frequency !== 'yearly') {
      throw invalidInput(message('kpi.notYearlyContext', { code }), [
        detail(message('kpi.expectedYearlyContext'), { field: 'context', value: code }),
      ])
    }
  }
  const year = Math.floor(request.month / 12)
  const contextRows = await sql<{ organisation_id: number; code: string; value: number; year: number }>`
    select distinct on (o.organisation_id, o.indicator_id)
      o.organisation_id, i.code, o.value, extract(year from o.period)::int as year
    from observation o join indicator i on i.id = o.indicator_id
    where o.indicator_id = any(${indicators.map((i) => i.id)}::int[])
      and o.period <= ${`${year}-12-31`}::date and o.value is not null
      and ${request.asOf ? sql`o.recorded_at <= ${request.asOf}` : sql`o.is_current`}
    order by o.organisation_id, o.indicator_id, o.period desc, o.revision desc
  `.execute(db)
  const contextOf = new Map<number, Map<string, { value: number; year: number }>>()
  for (const r of contextRows.rows) {
    let m = contextOf.get(r.organisation_id)
    if (!m) contextOf.set(r.organisation_id, (m = new Map()))
    m.set(r.code, { value: r.value, year: r.year })
  }
  const allIds = (await db.selectFrom('organisation').select('id').execute()).map((r) => r.id)
  const values = await readFigureValues(db, {
    code: request.code,
    breakdown: request.breakdown,
    organisationIds: allIds,
    from: request.month,
    to: request.month,
    asOf: request.asOf,
  })
  const excluded: ContextModelDto['excluded'] = []
  const included: {
    id: number
    y: number
    x: number[]
    years: Record<string, number>
    source: ValueSource
  }[] = []
  for (const id of allIds) {
    const v = values.get(id)![0]!
    if (v.value === null) {
      // Organisations with no data at all (e.g. not job centres) are not worth listing.
      if (v.missing?.reason !== 'not_delivered' || v.version > 0)
        excluded.push({
          organisationId: id,
          ...importMessage(
            message('context.figureMissing', { reason: v.missing?.reason ?? 'not_delivered' }),
          ),
        })
      continue
    }
    const ctx = contextOf.get(id)
    const lacking = context.filter((c) => !ctx?.has(c) || (LOG_CONTEXT.has(c) && ctx.get(c)!.value <= 0))
    if (lacking.length > 0) {
      excluded.push({
        organisationId: id,
        ...importMessage(message('context.noContextValue', { codes: lacking.join(', ') })),
      })
      continue
    }
    const x = context.map((c) => (LOG_CONTEXT.has(c) ? Math.log(ctx!.get(c)!.value) : ctx!.get(c)!.value))
    const years = Object.fromEntries(context.map((c) => [c, ctx!.get(c)!.year]))
    included.push({ id, y: v.value, x, years, source: v.source })
  }
  const predictorNames = context.map((c) => (LOG_CONTEXT.has(c) ? `log(${c})` : c))
  const fit = fitOls({
    y: included.map((o) => o.y),
    predictors: predictorNames.map((name, j) => ({ name, values: included.map((o) => o.x[j]!) })),
    ids: included.map((o) => String(o.id)),
  })
  const names = await findOrganisationNames(
    db,
    included.map((o) => o.id),
  )
  const nameOf = (code: string, locale: 'de' | 'en') => {
    const i = indicators.find((x) => x.code === code)!
    const name = locale === 'de' ? i.name_de : i.name_en
    return LOG_CONTEXT.has(code) ? `${name} (log)` : name
  }
  const contextNames = { de: context.map((c) => nameOf(c, 'de')), en: context.map((c) => nameOf(c, 'en')) }
  const observations = fit.observations.map((o, k) => ({
    organisationId: Number(o.id),
    name: names.get(Number(o.id)) ?? o.id,
    actual: o.actual,
    expected: o.fitted,
    residual: o.residual,
    lower: o.lower,
    upper: o.upper,
    classification: classifyResidual({
      actual: o.actual,
      lower: o.lower,
      upper: o.upper,
      polarity: definition.polarity,
    }),
    contextYear: included[k]!.years,
    source: included[k]!.source,
  }))
  const mine = observations.find((o) => o.organisationId === request.organisationId)
  const explain = (locale: 'de' | 'en') =>
    explainExpectation({
      locale,
      figureName: locale === 'de' ? definition.nameDe : definition.nameEn,
      actual: mine!.actual,
      expected: mine!.expected,
      lower: mine!.lower,
      upper: mine!.upper,
      confidence: fit.confidence,
      classification: mine!.classification,
      contextNames: contextNames[locale],
      unit: definition.unit,
    })
  return {
    fit,
    contextNames,
    dto: {
      figure: figureRef(definition),
      period: formatPeriod(monthFromIndex(request.month)),
      breakdown: request.breakdown,
      asOf: request.asOf?.toISOString() ?? null,
      context: predictorNames,
      n: fit.n,
      excluded,
      confidence: fit.confidence,
      coefficients: fit.coefficients,
      rSquared: fit.rSquared,
      adjustedRSquared: fit.adjustedRSquared,
      residualStandardError: fit.residualStandardError,
      observations,
      source: combineSources(included.map((o) => o.source)),
      howToReadDe: HOW_TO_READ_DE,
      howToReadEn: HOW_TO_READ_EN,
      organisation: mine
        ? { organisationId: mine.organisationId, explanationDe: explain('de'), explanationEn: explain('en') }
        : null,
    },
  }
}
