import type { WriteCaller } from '../../core/accounts/account'
import { conflict } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { queueCollectionReminder } from '../mail/queue-collection-reminder'
import { markReminded } from './collection.repository'
import { loadCollection, requireOpen } from './load-collection'
import { requireManager } from './read-collection-matrix'

/**
 * Reminds organisations that have not submitted: the reminder shows on their collection page
 * and goes by mail to the people who fill its form (features/mail, in this transaction). Without a
 * list: every organisation not submitted.
 */
export async function remindCollectionMembers(
  database: Database,
  options: WriteCaller & {
    collectionId: number
    organisationIds?: readonly number[]
  },
): Promise<{ reminded: number }> {
  const collection = await loadCollection(database.db, { viewer: options.viewer, id: options.collectionId })
  requireManager(options.viewer, collection)
  requireOpen(collection)
  const late = collection.members.filter((m) => m.status !== 'submitted').map((m) => m.organisationId)
  const wanted = options.organisationIds ? late.filter((id) => options.organisationIds!.includes(id)) : late
  if (options.organisationIds && wanted.length === 0) throw conflict(message('collection.noneToRemind'))
  return database.transaction(async (tx) => {
    const reminded = await markReminded(tx.db, {
      collectionId: collection.row.id,
      organisationIds: wanted,
      at: options.now,
    })
    await queueCollectionReminder(tx.db, {
      collection: { id: collection.row.id, title: collection.row.title, deadline: collection.row.deadline },
      organisationIds: wanted,
      now: options.now,
    })
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'collection.remind',
      entity: 'data_collection',
      entityId: collection.row.id,
      after: { organisationIds: wanted },
      at: options.now,
    })
    return { reminded }
  })
}
