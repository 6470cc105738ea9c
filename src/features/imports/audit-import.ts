/**
 * The audit entry of a committed import, the same for uploads (API) and local imports (CLI): a batch
 * of values names its batch and counts; a list of organisations names its file and what it created,
 * renamed or added to the network.
 */
import { recordAudit, type AuditActor } from '../audit/record-audit'
import type { TransactionContext } from '../../db/connect'
import type { AnyImportSummary } from './run-import'

export async function auditImport(
  tx: TransactionContext,
  summary: AnyImportSummary,
  entry: { actor: AuditActor; action: string; ip?: string | null; at: Date; organisationId?: number | null },
): Promise<void> {
  const common = {
    fileName: summary.fileName,
    checksum: summary.checksum,
    rowsImported: summary.rowsImported,
  }
  if ('created' in summary) {
    await recordAudit(tx.db, {
      actor: entry.actor,
      action: `${entry.action}.organisations`,
      entity: 'organisation',
      entityId: null,
      after: {
        ...common,
        created: summary.created,
        updated: summary.updated,
        addedToNetwork: summary.addedToNetwork,
      },
      ip: entry.ip,
      at: entry.at,
    })
    return
  }
  if (summary.batchId === null) return
  await recordAudit(tx.db, {
    actor: entry.actor,
    action: entry.action,
    entity: 'import_batch',
    entityId: summary.batchId,
    after: {
      ...common,
      ...(entry.organisationId !== undefined ? { organisationId: entry.organisationId } : {}),
      newValues: summary.newValues,
      revisedValues: summary.revisedValues,
      ...('reconciliation' in summary
        ? {
            reconciledValues: summary.reconciliation.compared,
            differingValues: summary.reconciliation.differing,
          }
        : {}),
    },
    ip: entry.ip,
    at: entry.at,
  })
}
