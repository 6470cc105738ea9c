import type { Kysely } from 'kysely'
import type { CollectionDto } from '../../contracts/collections'
import { canSeeCollection, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import {
  findRings,
  listCollectionIndicators,
  listCollectionMembers,
  listCollectionRows,
} from './collection.repository'
import { toCollectionDto } from './collection-dto'
import { loadCollection, toRules } from './load-collection'

/** The collections the caller takes part in or manages, newest deadline first. */
export async function listCollections(
  db: Kysely<DB>,
  options: { viewer: Viewer; today: string },
): Promise<{ collections: CollectionDto[] }> {
  const rows = await listCollectionRows(db)
  const members = await listCollectionMembers(
    db,
    rows.map((r) => r.id),
  )
  const visible = rows.filter((r) => canSeeCollection(options.viewer, toRules(r, members.get(r.id)!)))
  const indicators = await listCollectionIndicators(
    db,
    visible.map((r) => r.id),
  )
  const rings = await findRings(db, [...new Set(visible.flatMap((r) => r.ringIds))])
  return {
    collections: visible.map((row) =>
      toCollectionDto(
        {
          row,
          members: members.get(row.id)!,
          indicators: indicators.get(row.id)!,
          rules: toRules(row, members.get(row.id)!),
        },
        { viewer: options.viewer, today: options.today, rings },
      ),
    ),
  }
}

export async function readCollection(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number; today: string },
): Promise<CollectionDto> {
  const collection = await loadCollection(db, options)
  const rings = await findRings(db, collection.row.ringIds)
  return toCollectionDto(collection, { viewer: options.viewer, today: options.today, rings })
}
