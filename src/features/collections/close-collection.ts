import type { WriteCaller } from '../../core/accounts/account'
import { sql } from 'kysely'
import { conflict, invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { toCsvRow } from '../../core/spreadsheet/spreadsheet-cell'
import type { Database, TransactionContext } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { auditImport } from '../imports/audit-import'
import { importFile, type ImportSummary } from '../imports/import-file'
import { finishPendingKeyFigures } from '../kpi/finish-pending-key-figures'
import { listEntries, markClosed } from './collection.repository'
import { loadCollection, requireOpen } from './load-collection'
import { requireManager } from './read-collection-matrix'

/** Marks the collection closed in the transaction that writes its values (once: a second close fails). */
async function closeIn(
  tx: TransactionContext,
  options: { collectionId: number; actor: AuditActor; now: Date; summary: ImportSummary | null },
) {
  const row = await sql<{ status: string }>`
    select status from data_collection where id = ${options.collectionId} for update
  `.execute(tx.db)
  if (row.rows[0]?.status !== 'open')
    throw conflict(message('collection.closedAlready', { id: options.collectionId }))
  const batchId = options.summary?.batchId ?? null
  await markClosed(tx.db, { collectionId: options.collectionId, at: options.now, batchId })
  if (options.summary)
    await auditImport(tx, options.summary, {
      actor: options.actor,
      action: 'collection.import',
      at: options.now,
    })
  await recordAudit(tx.db, {
    actor: options.actor,
    action: 'collection.close',
    entity: 'data_collection',
    entityId: options.collectionId,
    after: { batchId, valuesWritten: options.summary?.rowsImported ?? 0 },
    at: options.now,
  })
}

/**
 * Closes a collection: the submitted values become observations through the importer (new values
 * as revision 1, changed ones as a new revision; one import batch, audited), then the key figures
 * that read them are recomputed. Drafts that were not submitted are not taken.
 */
export async function closeCollection(
  database: Database,
  options: WriteCaller & {
    collectionId: number
    /** False leaves the batch marked pending for a computation that follows anyway (the demo's). */
    isComputingFigures?: boolean
  },
): Promise<{ valuesWritten: number; batchId: number | null }> {
  const collection = await loadCollection(database.db, { viewer: options.viewer, id: options.collectionId })
  requireManager(options.viewer, collection)
  requireOpen(collection)
  const submitted = collection.members.filter((m) => m.status === 'submitted').map((m) => m.organisationId)
  const codeOf = new Map(collection.indicators.map((i) => [i.id, i.code]))
  const values = (
    await listEntries(database.db, { collectionId: collection.row.id, organisationIds: submitted })
  ).filter((e) => e.value !== null)
  const close = { collectionId: collection.row.id, actor: options.actor, now: options.now }
  if (values.length === 0) {
    await database.transaction((tx) => closeIn(tx, { ...close, summary: null }))
    return { valuesWritten: 0, batchId: null }
  }
  const lines = [
    'id;indicator;period;breakdown;value',
    ...values.map((e) =>
      toCsvRow([e.organisationId, codeOf.get(e.indicatorId)!, e.period, e.breakdown, e.value], {
        separator: ';',
      }),
    ),
  ]
  const summary = await importFile(database, {
    fileName: `collection-${collection.row.id}.csv`,
    bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
    encoding: 'utf-8',
    delimiter: ';',
    decimal: '.',
    createdBy: options.actor.label,
    uploadedByUserId: options.actor.userId,
    now: options.now,
    onCommitted: (tx, s) => closeIn(tx, { ...close, summary: s }),
  })
  if (!summary.isCommitted)
    throw invalidInput(
      message('collection.notWritten', { n: summary.errors.length }),
      summary.errors.map((e) => ({
        row: e.row,
        column: e.column,
        value: e.value,
        message: e.message,
        key: e.messageKey,
        params: e.params,
      })),
    )
  if (options.isComputingFigures ?? true) await finishPendingKeyFigures(database, { now: () => options.now })
  return { valuesWritten: summary.rowsImported, batchId: summary.batchId }
}
