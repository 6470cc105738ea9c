import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
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
  if (!indicator) throw notFound(message('observation.noIndicator', { code: query.indicator }))
  const period = parsePeriod(query.period)
  if (!period || period.frequency !== indicator.frequency) {
    const monthly = indicator.frequency === 'monthly'
    throw invalidInput(
      message(monthly ? 'observation.periodMonthly' : 'observation.periodYearly', { code: indicator.code }),
      [
        detail(message(monthly ? 'observation.expectedMonth' : 'observation.expectedYear'), {
          field: 'period',
          value: query.period,
        }),
      ],
    )
  }
  const breakdown = query.breakdown ?? 'total'
  if (!indicator.breakdowns.includes(breakdown))
    throw invalidInput(
      message('observation.breakdowns', {
        code: indicator.code,
        breakdowns: indicator.breakdowns.join(', '),
      }),
      [
        detail(message('observation.oneOfBreakdowns', { breakdowns: indicator.breakdowns.join(', ') }), {
          field: 'breakdown',
          value: breakdown,
        }),
      ],
    )
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
