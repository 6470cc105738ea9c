import type { Kysely } from 'kysely'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { checkFigureDefinitions, evaluateFigures, listFigureBreakdowns } from '../../core/kpi'
import { formatPeriod, monthFromIndex, monthIndex } from '../../core/periods/period'
import type { FigureValueDto } from '../../contracts/kpi'
import type { DB } from '../../db/schema'
import {
  listFigureDefinitions,
  listMonthlyIndicatorCodes,
  type StoredFigureDefinition,
} from './kpi-definition.repository'
import { findLatestComputedMonth, findStoredValues } from './kpi-value.repository'
import { findLatestObservedMonth, loadMonthlySeries, monthIndexOf, monthStart } from './load-series'
import {
  findLatestPublishedMonth,
  findPublishedValues,
} from '../published-figures/published-figure.repository'

/**
 * The earliest month a computation loads: the first the period functions accept (1950-01). Before
 * the formula limits, nested windows could reach back centuries, before any date (a 500).
 */
const EARLIEST_MONTH = monthIndexOf('1950-01')

export interface FigureValuesRequest {
  code: string
  breakdown: string
  organisationIds: readonly number[]
  /** Month indexes, inclusive. */
  from: number
  to: number
  /** Compute from the revisions known at this instant instead of reading stored values. */
  asOf?: Date
}

/** Per organisation, the figure's values for every month from `from` to `to` (index 0 = from). */
export type FigureValueTable = Map<number, FigureValueDto[]>

export async function findFigureDefinition(db: Kysely<DB>, code: string): Promise<StoredFigureDefinition> {
  const versions = await listFigureDefinitions(db, { code })
  const current = versions[versions.length - 1]
  if (!current) throw notFound(message('kpi.noFigure', { code }))
  return current
}

/** A figure as answers name it: its code, names and polarity. */
export function figureRef(definition: StoredFigureDefinition) {
  const { code, nameDe, nameEn, polarity } = definition
  return { code, nameDe, nameEn, polarity }
}

export function checkBreakdown(definition: StoredFigureDefinition, breakdown: string): void {
  const allowed = listFigureBreakdowns(definition)
  if (!allowed.includes(breakdown))
    throw invalidInput(
      message('kpi.breakdownNotOfFigure', {
        code: definition.code,
        breakdowns: allowed.join(', '),
        breakdown,
      }),
      [
        detail(message('kpi.expectedOneOf', { options: allowed.join(', ') }), {
          field: 'breakdown',
          value: breakdown,
        }),
      ],
    )
}

/**
 * The month a question is about: the given one, else the latest computed (or, as of a date, loaded)
 * month, but never after the current month of `now`: the default month every member sees cannot be
 * moved beyond the present by one member's data.
 */
export async function resolvePeriod(
  db: Kysely<DB>,
  period: string | undefined,
  asOf?: Date,
  now: Date = new Date(),
): Promise<number> {
  if (period) return monthIndexOf(period)
  const present = monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1)
  if (asOf) {
    const known = await findLatestObservedMonth(db, asOf)
    if (known === undefined) throw notFound(message('kpi.noValuesKnownAt', { at: asOf.toISOString() }))
    return Math.min(known, present, monthIndex(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1))
  }
  const latest = await findLatestFigureMonth(db)
  if (latest === undefined) throw notFound(message('kpi.nothingComputed'))
  return Math.min(latest, present)
}

/**
 * The latest month with a computed or a published figure value. A network that loads the official
 * publication only has published months, no computed ones.
 */
export async function findLatestFigureMonth(db: Kysely<DB>): Promise<number | undefined> {
  const computed = await findLatestComputedMonth(db)
  const published = await findLatestPublishedMonth(db)
  const latest = Math.max(computed ?? -1, published === undefined ? -1 : monthIndexOf(published))
  return latest < 0 ? undefined : latest
}

const MISSING: FigureValueDto = {
  period: '',
  version: 0,
  value: null,
  ratio: null,
  numerator: null,
  denominator: null,
  missing: null,
  source: 'computed',
}

/**
 * Values of one figure for a set of organisations and months: read from the stored computation,
 * or, as of a past instant, computed on the fly from the revisions known then (nothing is stored).
 * Where the computation has no value (no raw series), the official publication fills in, marked
 * `source: 'published'`: this is the one place every comparison reads figure values through.
 */
export async function readFigureValues(
  db: Kysely<DB>,
  request: FigureValuesRequest,
): Promise<FigureValueTable> {
  const { from, to } = request
  const months = to - from + 1
  const table: FigureValueTable = new Map()
  const label = (i: number) => formatPeriod(monthFromIndex(from + i))
  for (const id of request.organisationIds)
    table.set(
      id,
      Array.from({ length: months }, (_, i) => ({
        ...MISSING,
        period: label(i),
        missing: { reason: 'not_delivered' as const, month: label(i) },
      })),
    )
  if (request.asOf) await computeAsOf(db, request, table)
  else await readStored(db, request, table)
  await fillFromPublication(db, request, table)
  return table
}

async function readStored(db: Kysely<DB>, request: FigureValuesRequest, table: FigureValueTable) {
  const { from } = request
  const label = (i: number) => formatPeriod(monthFromIndex(from + i))
  const rows = await findStoredValues(db, request)
  for (const r of rows) {
    const list = table.get(r.organisationId)
    if (!list) continue
    const i = r.period - from
    list[i] = {
      period: label(i),
      version: r.version,
      value: r.value,
      ratio: r.value === null || r.numerator === null || !r.denominator ? null : r.numerator / r.denominator,
      numerator: r.numerator,
      denominator: r.denominator,
      missing: r.missingReason
        ? {
            reason: r.missingReason,
            month: r.missingDetail?.month ?? label(i),
            ...(r.missingDetail?.indicator ? { indicator: r.missingDetail.indicator } : {}),
            ...(r.missingDetail?.breakdown ? { breakdown: r.missingDetail.breakdown } : {}),
            ...(r.missingDetail?.cause
              ? { cause: r.missingDetail.cause as NonNullable<FigureValueDto['missing']>['reason'] }
              : {}),
          }
        : null,
      source: 'computed',
    }
  }
}

/** Published values for the cells the computation left without a value. */
async function fillFromPublication(db: Kysely<DB>, request: FigureValuesRequest, table: FigureValueTable) {
  const published = await findPublishedValues(db, {
    figure: request.code,
    breakdown: request.breakdown,
    organisationIds: request.organisationIds,
    from: monthStart(request.from),
    to: monthStart(request.to),
    asOf: request.asOf,
  })
  if (published.length === 0) return
  const definition = await findFigureDefinition(db, request.code)
  for (const p of published) {
    const list = table.get(p.organisationId)
    const i = monthIndexOf(p.period) - request.from
    const cell = list?.[i]
    if (!list || !cell || cell.value !== null || p.value === null) continue
    list[i] = {
      period: cell.period,
      version: definition.version,
      value: p.value,
      // The ratio behind the published value (value = ratio · 100, or (ratio − 1) · 100 for change rates).
      ratio: definition.transform === 'change_rate' ? p.value / 100 + 1 : p.value / 100,
      numerator: p.numerator,
      denominator: p.denominator,
      missing: null,
      source: 'published',
    }
  }
}

async function computeAsOf(
  db: Kysely<DB>,
  request: FigureValuesRequest,
  table: FigureValueTable,
): Promise<void> {
  const definitions = await listFigureDefinitions(db)
  const indicatorCodes = await listMonthlyIndicatorCodes(db)
  const checked = checkFigureDefinitions({ definitions, vocabulary: { indicatorCodes } })
  const reach = Math.max(
    1,
    ...checked.filter((c) => c.definition.code === request.code).map((c) => c.requiredHistory),
  )
  const loadFrom = Math.max(request.from - reach + 1, EARLIEST_MONTH)
  const loaded = await loadMonthlySeries(db, {
    organisationIds: request.organisationIds,
    fromMonth: loadFrom,
    toMonth: request.to,
    asOf: request.asOf,
  })
  const results = evaluateFigures({
    definitions,
    indicatorCodes,
    startMonth: formatPeriod(monthFromIndex(loadFrom)),
    months: request.to - loadFrom + 1,
    series: new Map([...loaded.series].map(([id, s]) => [String(id), s])),
    codes: [request.code],
    breakdowns: [request.breakdown],
  })
  const offset = request.from - loadFrom
  for (const r of results) {
    const list = table.get(Number(r.orgId))
    if (!list) continue
    for (let i = 0; i < list.length; i++) {
      const j = i + offset
      const missing = r.missing[j]
      const finite = (x: number) => (Number.isFinite(x) ? x : null)
      list[i] = {
        period: list[i]!.period,
        version: r.versions[j]!,
        value: missing ? null : r.value[j]!,
        ratio: missing ? null : r.ratio[j]!,
        numerator: finite(r.numerator[j]!),
        denominator: finite(r.denominator[j]!),
        missing: missing ? { ...missing } : null,
        source: 'computed',
      }
    }
  }
}
