/**
 * The boundaries for the map of rings, as the caller may see them. Every imported district is
 * returned, so that the map shows the whole country and the set of shapes says nothing about who
 * belongs to the network. Key, name, organisation and ring are attached only to districts of
 * organisations the caller sees by name (`full` or `named`: administrators and moderators their
 * rings, members their own organisation and the peers of a ring that shares by name). Districts of
 * pseudonymised peers and of organisations outside the caller's rings stay anonymous outlines: which
 * ring an outside job centre belongs to is not a figure, but the rings list hides it from members
 * as well, and the map does not say more than that list (docs/map-of-rings.md).
 */
import type { Kysely } from 'kysely'
import { boundaryGeometrySchema, type BoundaryListDto } from '../../contracts/areas'
import { organisationVisibility, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { findOrganisationRings } from '../networks/find-organisation-rings'
import { listRingsAt } from '../networks/network.repository'

export async function readBoundaries(
  db: Kysely<DB>,
  options: { viewer: Viewer; at: string },
): Promise<BoundaryListDto> {
  const { viewer, at } = options
  const boundaries = await db
    .selectFrom('kreis_boundary')
    .select(['ags5', 'name', 'geometry', 'source', 'licence', 'imported_at'])
    .orderBy('ags5')
    .execute()
  if (boundaries.length === 0) return { at, source: null, licence: null, importedAt: null, districts: [] }

  const areas = await db
    .selectFrom('organisation_area as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.ags5', 'o.id', 'o.name'])
    .where(validOn('a', at))
    .orderBy('o.id')
    .execute()
  const ringsOf = await findOrganisationRings(db, { at })
  const seesByName = (organisationId: number) => {
    const visibility = organisationVisibility(
      viewer,
      ringsOf.get(organisationId) ?? { id: organisationId, rings: [] },
    )
    return visibility === 'full' || visibility === 'named'
  }
  // Each organisation's ring: one the caller belongs to or moderates first, else the first by code.
  const isCallersRing = (ringId: number) =>
    viewer.ringIds.includes(ringId) ||
    (viewer.role === 'moderator' &&
      (viewer.moderatedRingIds === 'all' || viewer.moderatedRingIds.includes(ringId)))
  const ringOf = new Map<number, { code: string; name: string; isCallers: boolean }>()
  for (const ring of await listRingsAt(db, at)) {
    const isCallers = isCallersRing(ring.id)
    for (const member of ring.members) {
      const current = ringOf.get(member.organisationId)
      if (!current || (isCallers && !current.isCallers))
        ringOf.set(member.organisationId, { code: ring.code, name: ring.name, isCallers })
    }
  }
  const organisationOf = new Map<string, { id: number; name: string }>()
  for (const area of areas) {
    if (!organisationOf.has(area.ags5) && seesByName(area.id))
      organisationOf.set(area.ags5, { id: area.id, name: area.name })
  }

  const latest = boundaries.reduce((a, b) => (b.imported_at > a.imported_at ? b : a))
  return {
    at,
    source: latest.source,
    licence: latest.licence,
    importedAt: new Date(latest.imported_at).toISOString(),
    districts: boundaries.map((b) => {
      const geometry = boundaryGeometrySchema.parse(b.geometry)
      const organisation = organisationOf.get(b.ags5)
      if (!organisation)
        return {
          ags5: null,
          name: null,
          organisationId: null,
          organisationName: null,
          ringCode: null,
          ringName: null,
          geometry,
        }
      const ring = ringOf.get(organisation.id)
      return {
        ags5: b.ags5,
        name: b.name,
        organisationId: organisation.id,
        organisationName: organisation.name,
        ringCode: ring?.code ?? null,
        ringName: ring?.name ?? null,
        geometry,
      }
    }),
  }
}
