import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { invalidInput, notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import { formatPeriod, parsePeriod, periodStartDate } from '../../core/periods/period'
import type { ValueRevisionListDto, valueRevisionsQuerySchema } from '../../contracts/observations'
import type { DB } from '../../db/schema'
import { isBatchInScope, loadImportBatchScope } from '../imports/import-batch-scope'
import { listIndicators } from '../indicators/indicator.repository'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { findRevisions } from './observation.repository'
import { classOfIndicators, findOrganisationWithRawValues } from './raw-value-access'

export interface ListValueRevisionsOptions {
  viewer: Viewer
  query: z.infer<typeof valueRevisionsQuerySchema>
  /** The day whose rings decide what the viewer sees (ISO date). */
  at: string
}

/**
 * Every revision of one value, oldest first, for whoever may read the value itself. The import
 * each revision came from is named (file, who) only when that import is in the viewer's history.
 */
export async function listValueRevisions(
  db: Kysely<DB>,
  { viewer, query, at }: ListValueRevisionsOptions,
): Promise<ValueRevisionListDto> {
  const organisation = await findOrganisationWithRawValues(db, {
    key: query.org,
    viewer,
    confidentiality: await loadConfidentiality(db, at),
    valueClass: await classOfIndicators(db, [query.indicator]),
  })
  const indicator = (await listIndicators(db)).find((i) => i.code === query.indicator)
  if (!indicator)
    throw notFound(`no indicator with the code '${query.indicator}' (see: benchlearn indicators list)`)
  const period = parsePeriod(query.period)
  if (!period || period.frequency !== indicator.frequency) {
    const expected = indicator.frequency === 'monthly' ? 'a month as YYYY-MM' : 'a year as YYYY'
    throw invalidInput(`period: ${indicator.code} is ${indicator.frequency}, expected ${expected}`, [
      { field: 'period', value: query.period, message: `expected ${expected}` },
    ])
  }
  const breakdown = query.breakdown ?? 'total'
  if (!indicator.breakdowns.includes(breakdown))
    throw invalidInput(`breakdown: ${indicator.code} has the breakdowns ${indicator.breakdowns.join(', ')}`, [
      { field: 'breakdown', value: breakdown, message: `one of ${indicator.breakdowns.join(', ')}` },
    ])
  const rows = await findRevisions(db, {
    organisationId: organisation.id,
    indicatorId: indicator.id,
    period: periodStartDate(period),
    breakdown,
  })
  const scope = await loadImportBatchScope(db, { viewer, at })
  return {
    organisation,
    indicator: { code: indicator.code, unit: indicator.unit, frequency: indicator.frequency },
    period: formatPeriod(period),
    breakdown,
    revisions: rows.map((r) => {
      const isBatchVisible = isBatchInScope(scope, { organisationId: r.batch_organisation_id })
      return {
        revision: r.revision,
        value: r.value,
        missingReason: r.missing_reason,
        status: r.status,
        recordedAt: r.recorded_at.toISOString(),
        isCurrent: r.is_current,
        batchId: r.batch_id,
        fileName: isBatchVisible ? r.file_name : null,
        createdBy: isBatchVisible ? r.created_by : null,
      }
    }),
  }
}
