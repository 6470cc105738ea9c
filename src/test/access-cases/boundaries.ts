/**
 * Access cases of the district-boundary routes for src/server/access.db.test.ts (spread in there).
 * Upload: administrators only (403 for everyone else). Reading: every signed-in person gets every
 * district's outline; key, name, organisation and ring only for districts of organisations the
 * caller sees by name (the generic scan in the test catches keys and names that leak).
 */
import { expect } from 'vitest'
import { importBoundaries } from '../../features/areas/import-boundaries'
import type { AccessCase, AccessWorld } from './access-case'
import { multipartFile } from '../multipart'

type Case = AccessCase

/** A district no organisation of the world serves (Darmstadt). */
const UNSERVED_AGS = '06411'

/** A small square per district, side by side, as a FeatureCollection. */
function squares(agsList: readonly string[]): string {
  const features = agsList.map((ags5, i) => {
    const x = 8 + (i % 5) * 0.2
    const y = 50 + Math.floor(i / 5) * 0.2
    const ring = [
      [x, y],
      [x + 0.2, y],
      [x + 0.2, y + 0.2],
      [x, y + 0.2],
      [x, y],
    ]
    return { type: 'Feature', properties: { ags5 }, geometry: { type: 'Polygon', coordinates: [ring] } }
  })
  return JSON.stringify({ type: 'FeatureCollection', features })
}

export function createBoundaryAccessCases(world: AccessWorld): Record<string, Case> {
  const file = () => squares([...world.allOrgs().map((o) => o.ags), UNSERVED_AGS])
  let prepared: Promise<unknown> | undefined
  const prepare = () =>
    (prepared ??= importBoundaries(world.database(), {
      fileName: 'squares.geojson',
      bytes: new TextEncoder().encode(file()),
      tolerance: 0,
      actor: { userId: null, label: 'test' },
      now: new Date('2024-03-01T12:00:00Z'),
    }))

  return {
    importBoundaries: {
      targets: ['none'],
      call: async () => {
        await prepare()
        return {
          method: 'POST',
          url: '/api/v1/areas/boundaries?tolerance=0',
          ...multipartFile('squares.geojson', file(), 'application/geo+json'),
        }
      },
      expect: ({ caller }, r) => {
        if (world.roleOf(caller) !== 'admin') return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(200)
        expect(r.json()).toMatchObject({ isCommitted: true, imported: world.allOrgs().length + 1 })
      },
    },
    listBoundaries: {
      targets: ['none'],
      call: async () => {
        await prepare()
        return { method: 'GET', url: '/api/v1/areas/boundaries' }
      },
      expect: ({ caller }, r) => {
        expect(r.statusCode).toBe(200)
        const districts: { ags5: string | null; name: string | null; ringCode: string | null }[] =
          r.json().districts
        // Every district as an outline, whoever asks.
        expect(districts).toHaveLength(world.allOrgs().length + 1)
        const named = districts.flatMap((d) => (d.ags5 ? [d.ags5] : [])).sort()
        const expected = world
          .allOrgs()
          .filter((o) => ['full', 'named'].includes(world.expectedVisibility(caller, o)))
          .map((o) => o.ags)
          .sort()
        expect(named, `${caller} sees these districts by key`).toEqual(expected)
        for (const d of districts) {
          if (d.ags5 === null) expect(d.name ?? d.ringCode).toBeNull()
          else expect(d.ringCode).toMatch(/^T[12]$/)
        }
      },
    },
  }
}
