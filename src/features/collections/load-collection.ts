/**
 * A collection with its indicators and the organisations asked, as one caller may see it: the
 * starting point of every use case of this feature. A collection the caller may not see is "not
 * found", the same answer as one that does not exist.
 */
import type { Kysely } from 'kysely'
import { conflict, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canSeeCollection, type CollectionInRings, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import {
  findCollectionRow,
  listCollectionIndicators,
  listCollectionMembers,
  type CollectionIndicatorRow,
  type CollectionMemberRow,
  type CollectionRow,
} from './collection.repository'

export interface LoadedCollection {
  row: CollectionRow
  indicators: CollectionIndicatorRow[]
  members: CollectionMemberRow[]
  /** What the permission rules need (core/permissions/collections.ts). */
  rules: CollectionInRings
}

export function toRules(row: CollectionRow, members: readonly CollectionMemberRow[]): CollectionInRings {
  return { ringIds: row.ringIds, organisationIds: members.map((m) => m.organisationId) }
}

export async function loadCollection(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number },
): Promise<LoadedCollection> {
  const row = await findCollectionRow(db, options.id)
  if (!row) throw notFound(message('collection.none', { id: options.id }))
  const members = (await listCollectionMembers(db, [row.id])).get(row.id)!
  const rules = toRules(row, members)
  if (!canSeeCollection(options.viewer, rules)) throw notFound(message('collection.none', { id: options.id }))
  const indicators = (await listCollectionIndicators(db, [row.id])).get(row.id)!
  return { row, indicators, members, rules }
}

/** Refuses a change to a collection that is closed. */
export function requireOpen(collection: LoadedCollection): void {
  if (collection.row.status === 'closed')
    throw conflict(message('collection.closed', { id: collection.row.id }))
}

export function findMember(collection: LoadedCollection, organisationId: number): CollectionMemberRow {
  const member = collection.members.find((m) => m.organisationId === organisationId)
  if (!member) throw notFound(message('collection.notAsked', { organisationId, id: collection.row.id }))
  return member
}
