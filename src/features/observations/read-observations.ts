import type { Kysely } from 'kysely'
import { z } from 'zod'
import { invalidInput, notFound } from '../../core/errors/app-error'
import { parseAsOf } from '../../core/periods/as-of'
import { formatPeriod, parsePeriod, periodFromDate, periodStartDate } from '../../core/periods/period'
import type { ObservationListDto, observationsQuerySchema } from '../../contracts/observations'
import type { DB } from '../../db/schema'
import { listIndicators } from '../indicators/indicator.repository'
import { findOrganisationByKey } from '../organisations/find-organisation'
import { findObservations } from './observation.repository'

function periodBound(text: string | undefined, field: string): string | undefined {
  if (text === undefined) return undefined
  const period = parsePeriod(text)
  if (!period) throw invalidInput(`${field}: expected YYYY-MM or YYYY, got '${text}'`)
  return periodStartDate(period)
}

/** One indicator's values for one organisation, current or as known at `asOf`; used by API and CLI. */
export async function readObservations(
  db: Kysely<DB>,
  query: z.infer<typeof observationsQuerySchema>,
): Promise<ObservationListDto> {
  const organisation = await findOrganisationByKey(db, query.org)
  const indicator = (await listIndicators(db)).find((i) => i.code === query.indicator)
  if (!indicator)
    throw notFound(`no indicator with the code '${query.indicator}' (see: benchlearn indicators list)`)
  const asOf = query.asOf ? parseAsOf(query.asOf) : undefined
  const rows = await findObservations(db, {
    organisationId: organisation.id,
    indicatorId: indicator.id,
    from: periodBound(query.from, 'from'),
    to: periodBound(query.to, 'to'),
    breakdown: query.breakdown,
    asOf,
  })
  return {
    organisation,
    indicator: {
      code: indicator.code,
      unit: indicator.unit,
      frequency: indicator.frequency,
      source: indicator.source,
    },
    asOf: asOf ? asOf.toISOString() : null,
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
