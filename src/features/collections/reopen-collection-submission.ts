import type { CollectionDto } from '../../contracts/collections'
import { conflict } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { lockCollection, markReopened } from './collection.repository'
import { findMember, loadCollection, requireOpen } from './load-collection'
import { readCollection } from './list-collections'
import { requireManager } from './read-collection-matrix'
import { isoDate } from '../../core/periods/dates'

/** Gives a submitted form back to its organisation as a draft (for a correction the moderator asked for). */
export async function reopenCollectionSubmission(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; now: Date; collectionId: number; organisationId: number },
): Promise<CollectionDto> {
  const collection = await loadCollection(database.db, { viewer: options.viewer, id: options.collectionId })
  requireManager(options.viewer, collection)
  requireOpen(collection)
  if (findMember(collection, options.organisationId).status !== 'submitted')
    throw conflict(message('collection.nothingToReopen', { organisationId: options.organisationId }))
  await database.transaction(async (tx) => {
    await lockCollection(tx.db, collection.row.id)
    await markReopened(tx.db, collection.row.id, options.organisationId, options.now)
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'collection.form.reopen',
      entity: 'data_collection',
      entityId: collection.row.id,
      after: { organisationId: options.organisationId },
      at: options.now,
    })
  })
  return readCollection(database.db, {
    viewer: options.viewer,
    id: collection.row.id,
    today: isoDate(options.now),
  })
}
