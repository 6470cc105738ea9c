/** A data collection's reminder by mail, to the people of the reminded organisations who fill its form. */
import type { Kysely } from 'kysely'
import { PERMISSIONS } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findUsersOfOrganisations } from './outbox.repository'
import { queueMailForUsers } from './queue-mail'

export async function queueCollectionReminder(
  db: Kysely<DB>,
  options: {
    collection: { id: number; title: string; deadline: string }
    organisationIds: readonly number[]
    now: Date
  },
): Promise<number> {
  const userIds = await findUsersOfOrganisations(db, {
    organisationIds: options.organisationIds,
    roles: PERMISSIONS.fillCollections,
  })
  const { collection } = options
  return queueMailForUsers(db, {
    kind: 'collection_reminder',
    preference: 'collection_reminder',
    userIds,
    payloadFor: () => ({
      collectionId: collection.id,
      title: collection.title,
      deadline: collection.deadline,
    }),
    now: options.now,
  })
}
