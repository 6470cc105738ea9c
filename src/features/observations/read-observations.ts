import type { Kysely } from 'kysely'
import { z } from 'zod'
import { invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { parseOptionalAsOf } from '../../core/periods/as-of'
import { formatPeriod, parsePeriod, periodFromDate, periodStartDate } from '../../core/periods/period'
import type {
  ObservationListDto,
  ObservationSeriesListDto,
  ObservationSeriesQuery,
  observationsQuerySchema,
} from '../../contracts/observations'
import type { DB } from '../../db/schema'
import { listIndicators, type IndicatorRow } from '../indicators/indicator.repository'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { findObservations } from './observation.repository'

function periodBound(text: string | undefined, field: string): string | undefined {
  if (text === undefined) return undefined
  const period = parsePeriod(text)
  if (!period) throw invalidInput(message('observation.periodBound', { field, text }))
  return periodStartDate(period)
}

function findIndicator(indicators: IndicatorRow[], code: string): IndicatorRow {
  const indicator = indicators.find((i) => i.code === code)
  if (!indicator) throw notFound(message('observation.noIndicator', { code }))
  return indicator
}

/** The bounds every read of values shares: from, to, breakdown, as of. */
type SeriesBounds = Omit<z.infer<typeof observationsQuerySchema>, 'org' | 'indicator'>

async function readSeries(
  db: Kysely<DB>,
  options: { organisationId: number; indicator: IndicatorRow; bounds: SeriesBounds; asOf: Date | undefined },
): Promise<Pick<ObservationListDto, 'indicator' | 'observations'>> {
  const { indicator, bounds } = options
  const rows = await findObservations(db, {
    organisationId: options.organisationId,
    indicatorId: indicator.id,
    from: periodBound(bounds.from, 'from'),
    to: periodBound(bounds.to, 'to'),
    breakdown: bounds.breakdown,
    asOf: options.asOf,
  })
  return {
    indicator: {
      code: indicator.code,
      unit: indicator.unit,
      frequency: indicator.frequency,
      source: indicator.source,
      confidentiality: indicator.confidentiality,
    },
    observations: rows.map((r) => ({
      period: formatPeriod(periodFromDate(r.period, indicator.frequency)),
      breakdown: r.breakdown,
      value: r.value,
      missingReason: r.missingReason,
      status: r.status,
      revision: r.revision,
      revisions: r.revisions,
      recordedAt: r.recordedAt.toISOString(),
      batchId: r.batchId,
      source: r.source ?? indicator.source,
    })),
  }
}

/** One indicator's values for one organisation, current or as known at `asOf`; used by API and CLI. */
export async function readObservations(
  db: Kysely<DB>,
  query: z.infer<typeof observationsQuerySchema>,
): Promise<ObservationListDto> {
  const organisation = await findOrganisationByKey(db, query.org)
  const indicator = findIndicator(await listIndicators(db), query.indicator)
  const asOf = parseOptionalAsOf(query.asOf)
  const series = await readSeries(db, { organisationId: organisation.id, indicator, bounds: query, asOf })
  return { organisation, ...series, asOf: asOf ? asOf.toISOString() : null }
}

/**
 * Several indicators' values for one organisation, in the order asked for, with the same bounds;
 * an unknown indicator fails the whole read, as it does for one.
 */
export async function readObservationSeries(
  db: Kysely<DB>,
  query: ObservationSeriesQuery,
): Promise<ObservationSeriesListDto> {
  const organisation = await findOrganisationByKey(db, query.org)
  const catalogue = await listIndicators(db)
  const indicators = query.indicators.map((code) => findIndicator(catalogue, code))
  const asOf = parseOptionalAsOf(query.asOf)
  const series = await Promise.all(
    indicators.map((indicator) =>
      readSeries(db, { organisationId: organisation.id, indicator, bounds: query, asOf }),
    ),
  )
  return { organisation, asOf: asOf ? asOf.toISOString() : null, series }
}
