import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Viewer } from '../../core/permissions'
import { formatPeriod, periodFromDate } from '../../core/periods/period'
import type { ImportChangeListDto } from '../../contracts/imports'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import {
  countBatchRevisions,
  findBatchRevisions,
  findOrganisationsRevisedByBatch,
} from '../observations/observation.repository'
import { canReadRawValues } from '../observations/raw-value-access'
import { isBatchInScope, loadImportBatchScope } from './import-batch-scope'
import { findImportBatch, findImportBatchOrigins } from './import-batch.repository'

export const IMPORT_CHANGES_DEFAULT_LIMIT = 500

export interface ListImportChangesOptions {
  viewer: Viewer
  batchId: number
  /** The day whose rings decide what the viewer sees (ISO date). */
  at: string
  limit?: number
  offset?: number
}

/**
 * The values one import revised, with the value each replaced and the import that had written it.
 * The import must be in the viewer's import history (otherwise: not found, as an unknown id); of
 * its values, only those of organisations whose raw values the viewer may read are listed.
 */
export async function listImportChanges(
  db: Kysely<DB>,
  { viewer, batchId, at, limit = IMPORT_CHANGES_DEFAULT_LIMIT, offset = 0 }: ListImportChangesOptions,
): Promise<ImportChangeListDto> {
  const found = await findImportBatch(db, batchId)
  const scope = await loadImportBatchScope(db, { viewer, at })
  if (!found || !isBatchInScope(scope, found)) throw notFound(message('import.noBatch', { batchId }))
  const confidentiality = await loadConfidentiality(db, at)
  const organisationIds = (await findOrganisationsRevisedByBatch(db, batchId)).filter((id) =>
    canReadRawValues(confidentiality, viewer, id),
  )
  const query = { batchId, organisationIds, limit, offset }
  const revisedValues = await countBatchRevisions(db, query)
  const rows = await findBatchRevisions(db, query)
  const origins = await findImportBatchOrigins(db, [...new Set(rows.map((r) => r.previous_batch_id))])
  return {
    batch: found.batch,
    revisedValues,
    offset,
    limit,
    changes: rows.map((r) => {
      const origin = origins.get(r.previous_batch_id)
      return {
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        indicator: r.indicator,
        period: formatPeriod(periodFromDate(r.period, r.frequency)),
        breakdown: r.breakdown,
        revision: r.revision,
        value: r.value,
        missingReason: r.missing_reason,
        previousValue: r.previous_value,
        previousMissingReason: r.previous_missing_reason,
        previousBatchId: r.previous_batch_id,
        previousRecordedAt: r.previous_recorded_at.toISOString(),
        previousFileName: origin && isBatchInScope(scope, origin) ? origin.fileName : null,
      }
    }),
  }
}
