import type { Kysely } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Viewer } from '../../core/permissions'
import type { ReconciliationDto } from '../../contracts/published-figures'
import type { DB } from '../../db/schema'
import { isBatchInScope, loadImportBatchScope } from '../imports/import-batch-scope'
import { findImportBatch } from '../imports/import-batch.repository'
import { findOrganisationNames } from '../kpi/resolve-group'
import { findReconciliation } from './published-figure.repository'
import { toFindingDto } from './reconcile-staged'

/**
 * The reconciliation report stored with an import of published values. The import must be in the
 * viewer's import history (a publication covers every job centre, so: administrators and moderators
 * of every ring); otherwise, and for an import that was no publication, not found.
 */
export async function loadBatchReconciliation(
  db: Kysely<DB>,
  options: { viewer: Viewer; batchId: number; at: string },
): Promise<ReconciliationDto> {
  const found = await findImportBatch(db, options.batchId)
  const scope = await loadImportBatchScope(db, { viewer: options.viewer, at: options.at })
  if (!found || !isBatchInScope(scope, found))
    throw notFound(message('published.noImportInHistory', { batchId: options.batchId }))
  const report = await findReconciliation(db, options.batchId)
  if (!report) throw notFound(message('published.noPublishedImport', { batchId: options.batchId }))
  const names = await findOrganisationNames(db, [...new Set(report.findings.map((f) => f.organisationId))])
  return {
    compared: report.compared,
    differing: report.findings.length,
    findings: report.findings.map((f) => toFindingDto(f, names.get(f.organisationId) ?? '')),
  }
}
