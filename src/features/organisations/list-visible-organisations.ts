import type { Kysely } from 'kysely'
import type { OrganisationDto } from '../../contracts/organisations'
import { canUploadFor, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { listOrganisations } from './organisation.repository'

/**
 * The organisations the viewer may see on a day: in full (own, moderated rings, administrators),
 * by name (peers in a 'named' ring), under a pseudonym (peers in a 'pseudonymised' ring). Others are
 * left out: outside their ring, members see organisations only pooled in aggregates.
 */
export async function listVisibleOrganisations(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<OrganisationDto[]> {
  const { viewer, at } = options
  const confidentiality = await loadConfidentiality(db, at)
  const organisations = await listOrganisations(db, { at })
  const result: OrganisationDto[] = []
  for (const o of organisations) {
    const visibility = confidentiality.visibilityOf(viewer, o.id)
    if (visibility === 'none') continue
    const abilities = {
      canViewFigures: true,
      canSeeName: visibility !== 'pseudonymised',
      canUploadData: visibility === 'full' && canUploadFor(viewer, o.id),
      // Neighbours by context show the organisation's context values: only for full visibility
      // (GET /api/v1/peers/neighbours answers 404 otherwise).
      canViewNeighbours: visibility === 'full',
    }
    if (visibility !== 'pseudonymised') {
      result.push({ ...o, isPseudonymised: false, abilities })
      continue
    }
    const pseudonym = confidentiality.pseudonymFor(viewer, o.id)
    if (!pseudonym) continue
    result.push({
      id: pseudonym.id,
      name: pseudonym.name,
      shortName: pseudonym.shortName,
      kind: o.kind,
      carrierType: o.carrierType,
      landCode: null,
      nuts3: null,
      validFrom: o.validFrom,
      validTo: o.validTo,
      isDemo: o.isDemo,
      areas: [],
      sites: [],
      partners: [],
      ring: o.ring,
      isPseudonymised: true,
      abilities,
    })
  }
  // Pseudonyms sort by their own name, so that the list order gives no hint of the real names.
  return result.sort((a, b) => a.name.localeCompare(b.name, 'de'))
}
