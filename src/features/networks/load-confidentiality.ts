/**
 * Everything the confidentiality rules need about a day: each organisation's rings (with sharing),
 * and the pseudonyms of the members of every ring. Remembered per data version and day.
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
import { changeWatchOf } from '../../db/change-watch'
import { readDataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'
import { LruCache } from '../../core/memo/lru-cache'
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

/** Days × versions: a handful are live at a time (today and the days people ask about). */
const MAX_REMEMBERED = 50
const remembered = new WeakMap<Kysely<DB>, LruCache<Promise<Confidentiality>>>()

/**
 * The rules' facts for day `at`. Organisations, rings, memberships and the pseudonym salt are all in
 * the data version, so the facts are read once per version and day and shared by the requests (the
 * object is read-only; viewers are applied per call). Inside a transaction, which may see its own
 * uncommitted changes, they are read afresh.
 */
export async function loadConfidentiality(db: Kysely<DB>, at: string): Promise<Confidentiality> {
  if (!changeWatchOf(db)) return readConfidentiality(db, at)
  const version = await readDataVersion(db)
  let cache = remembered.get(db)
  if (!cache) remembered.set(db, (cache = new LruCache<Promise<Confidentiality>>(MAX_REMEMBERED)))
  return cache.getOrCompute(`${version.data}|${at}`, () => readConfidentiality(db, at))
}

async function readConfidentiality(db: Kysely<DB>, at: string): Promise<Confidentiality> {
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
