import type { Kysely } from 'kysely'
import { organisationVisibility, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from '../networks/find-organisation-rings'

/**
 * Which import batches a caller may see in the import history: administrators and moderators of
 * every ring all of them; others the uploads made for the organisations they see in full (members:
 * their own). Batches of several organisations (official files loaded by an administrator) carry no
 * organisation and are only in the first group's history.
 */
export type ImportBatchScope = { isAll: true } | { isAll: false; organisationIds: number[] }

export async function loadImportBatchScope(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<ImportBatchScope> {
  const { viewer } = options
  if (viewer.role === 'admin' || (viewer.role === 'moderator' && viewer.moderatedRingIds === 'all'))
    return { isAll: true }
  const rings = await findOrganisationRings(db, { at: options.at })
  const organisationIds = [...rings.values()]
    .filter((o) => organisationVisibility(viewer, o) === 'full')
    .map((o) => o.id)
  return { isAll: false, organisationIds }
}

export function isBatchInScope(scope: ImportBatchScope, batch: { organisationId: number | null }): boolean {
  if (scope.isAll) return true
  return batch.organisationId !== null && scope.organisationIds.includes(batch.organisationId)
}
