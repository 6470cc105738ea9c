/**
 * Everything the confidentiality rules need about a day, loaded once per request: each
 * organisation's rings (with sharing), and the pseudonyms of the members of every ring.
 */
import type { Kysely } from 'kysely'
import {
  assignPseudonyms,
  organisationVisibility,
  type OrganisationInRings,
  type Pseudonym,
  type Viewer,
  type Visibility,
} from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findOrganisationRings } from './find-organisation-rings'

export interface Confidentiality {
  at: string
  rings: Map<number, OrganisationInRings>
  visibilityOf(viewer: Viewer, organisationId: number): Visibility
  /** The pseudonym of an organisation as seen by the viewer (from the first ring they share). */
  pseudonymFor(viewer: Viewer, organisationId: number): Pseudonym | undefined
}

async function loadSecret(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom('app_secret')
    .select('value')
    .where('name', '=', 'pseudonym_salt')
    .executeTakeFirst()
  if (!row) throw new Error('app_secret pseudonym_salt is missing (run the migrations)')
  return row.value
}

export async function loadConfidentiality(db: Kysely<DB>, at: string): Promise<Confidentiality> {
  const rings = await findOrganisationRings(db, { at })
  const ringRows = await db.selectFrom('ring').select(['id', 'name']).execute()
  const ringNames = new Map(ringRows.map((r) => [r.id, r.name]))
  const members = new Map<number, number[]>()
  for (const org of rings.values())
    for (const ring of org.rings) members.set(ring.id, [...(members.get(ring.id) ?? []), org.id])
  const secret = await loadSecret(db)
  const pseudonymCache = new Map<number, Map<number, Pseudonym>>()
  const pseudonymsOf = (ringId: number) => {
    let map = pseudonymCache.get(ringId)
    if (!map) {
      map = assignPseudonyms({
        ringId,
        ringLabel: ringNames.get(ringId) ?? `Ring ${ringId}`,
        memberIds: members.get(ringId) ?? [],
        secret,
      })
      pseudonymCache.set(ringId, map)
    }
    return map
  }
  const noRings: OrganisationInRings = { id: -1, rings: [] }
  return {
    at,
    rings,
    visibilityOf: (viewer, organisationId) =>
      organisationVisibility(viewer, rings.get(organisationId) ?? { ...noRings, id: organisationId }),
    pseudonymFor: (viewer, organisationId) => {
      const shared = rings.get(organisationId)?.rings.find((r) => viewer.ringIds.includes(r.id))
      return shared ? pseudonymsOf(shared.id).get(organisationId) : undefined
    },
  }
}
