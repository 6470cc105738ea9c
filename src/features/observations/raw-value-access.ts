import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import type { Confidentiality } from '../networks/load-confidentiality'
import { findOrganisationByKey, organisationNotFound } from '../organisations/find-organisation'

/**
 * Who may read raw values (and their revisions) of an organisation: figures next to a name, i.e.
 * the own organisation, named ring peers, moderated rings, everything for administrators.
 * Pseudonymised peers and organisations outside the ring are left out.
 */
export function canReadRawValues(
  confidentiality: Confidentiality,
  viewer: Viewer,
  organisationId: number,
): boolean {
  const visibility = confidentiality.visibilityOf(viewer, organisationId)
  return visibility === 'full' || visibility === 'named'
}

/**
 * The organisation with this key if the viewer may read its raw values; otherwise the same answer
 * as for an unknown key, so that nobody learns which figures belong to whom.
 */
export async function findOrganisationWithRawValues(
  db: Kysely<DB>,
  options: { key: string; viewer: Viewer; confidentiality: Confidentiality },
): Promise<{ id: number; name: string }> {
  const organisation = await findOrganisationByKey(db, options.key, options.confidentiality.at)
  if (!canReadRawValues(options.confidentiality, options.viewer, organisation.id))
    throw organisationNotFound(options.key)
  return organisation
}
