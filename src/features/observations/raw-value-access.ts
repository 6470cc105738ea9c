import type { Kysely } from 'kysely'
import { combineConfidentiality, type ConfidentialityClass, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { listIndicators } from '../indicators/indicator.repository'
import type { Confidentiality } from '../networks/load-confidentiality'
import { findOrganisationByKey, organisationNotFound } from '../organisations/find-organisation'

/**
 * Who may read raw values (and their revisions) of an organisation: figures next to a name, i.e.
 * the own organisation, named ring peers, moderated rings, everything for administrators; and
 * public values (published by an office) of organisations outside the caller's rings.
 * Pseudonymised peers stay left out, also for public values (docs/security.md).
 */
export function canReadRawValues(
  confidentiality: Confidentiality,
  viewer: Viewer,
  organisationId: number,
  valueClass: ConfidentialityClass = 'network',
): boolean {
  const visibility = confidentiality.visibilityOf(viewer, organisationId)
  if (valueClass === 'public' && visibility === 'none') return true
  return visibility === 'full' || visibility === 'named'
}

/** The class of a read of several indicators: public only if every one is (unknown codes count as network). */
export async function classOfIndicators(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<ConfidentialityClass> {
  const classes = new Map((await listIndicators(db)).map((i) => [i.code, i.confidentiality]))
  return combineConfidentiality(codes.map((code) => classes.get(code) ?? 'network'))
}

/**
 * The organisation with this key if the viewer may read its raw values of `valueClass`; otherwise
 * the same answer as for an unknown key, so that nobody learns which figures belong to whom.
 */
export async function findOrganisationWithRawValues(
  db: Kysely<DB>,
  options: {
    key: string
    viewer: Viewer
    confidentiality: Confidentiality
    valueClass: ConfidentialityClass
  },
): Promise<{ id: number; name: string }> {
  const organisation = await findOrganisationByKey(db, options.key, options.confidentiality.at)
  if (!canReadRawValues(options.confidentiality, options.viewer, organisation.id, options.valueClass))
    throw organisationNotFound(options.key)
  return organisation
}
