/**
 * District boundaries: the GeoJSON importer (every feature checked, all or nothing, unknown AGS
 * listed, simplification), what each caller reads back, the CLI, and the real BKG VG5000 file from
 * ../shared/data when it is there (the test skips that part otherwise).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../cli/io'
import { main } from '../../cli/main'
import type { Viewer } from '../../core/permissions'
import { createRing, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { defaultLicence, importBoundaries, readBoundaryFile } from './import-boundaries'
import { readBoundaries } from './read-boundaries'
import { simplifyGeometry, simplifyRing } from './simplify-geometry'

const t = useTestDatabase()
const actor = { userId: null, label: 'test' }
const now = new Date('2024-03-01T12:00:00Z')
const BKG_FILE = join(import.meta.dirname, '../../../../shared/data/kreise_vg5000_20210101_ags_nuts.geojson')

type Ring = [number, number][]
const square = (x: number, y: number, side = 0.2): Ring => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
]
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
})
const collection = (...features: unknown[]) =>
  new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }))
const polygon = (ring: Ring) => ({ type: 'Polygon', coordinates: [ring] })

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('kreis_boundary')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const ids = new Map<string, number>()
beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  let networkId: number | undefined
  for (const [code, sharing, agsList] of [
    ['M1', 'named', ['06435', '06431']],
    ['M2', 'pseudonymised', ['06432', '06433']],
  ] as const) {
    const ring = await createRing(db, {
      networkId,
      code,
      sharing,
      members: agsList.map((ags5) => ({ ags5, name: `Kartentest ${ags5}`, shortName: `KT ${ags5}` })),
    })
    networkId = ring.networkId
    for (const [i, ags5] of agsList.entries()) ids.set(ags5, ring.memberIds[i]!)
  }
})

describe('reading a GeoJSON file', () => {
  it('accepts a Polygon and a MultiPolygon with 5-digit AGS as text', () => {
    const {
      features,
      errors,
      count: n,
    } = readBoundaryFile(
      collection(
        feature({ ags5: '06435', name: 'Main-Kinzig-Kreis' }, polygon(square(9, 50))),
        feature(
          { ags5: '06431' },
          { type: 'MultiPolygon', coordinates: [[square(8, 49)], [square(8.5, 49)]] },
        ),
      ),
      'ags5',
    )
    expect(errors).toEqual([])
    expect(n).toBe(2)
    expect(features.map((f) => [f.row, f.ags5, f.name])).toEqual([
      [1, '06435', 'Main-Kinzig-Kreis'],
      [2, '06431', null],
    ])
  })

  it('names the feature, property and value of every problem', () => {
    const open: Ring = square(9, 50).slice(0, 4)
    open.push([9.1, 50.1])
    const { features, errors } = readBoundaryFile(
      collection(
        feature({ ags5: '06435' }, polygon(square(9, 50))),
        feature({ AGS: '06431' }, polygon(square(9, 50))),
        feature({ ags5: 6432 }, polygon(square(9, 50))),
        feature({ ags5: '643' }, polygon(square(9, 50))),
        feature({ ags5: '06433' }, { type: 'Point', coordinates: [9, 50] }),
        feature({ ags5: '06434' }, polygon(open)),
        feature(
          { ags5: '06436' },
          polygon([
            [500000, 5600000],
            [500100, 5600000],
            [500100, 5600100],
            [500000, 5600000],
          ]),
        ),
        feature({ ags5: '06435' }, polygon(square(9, 50))),
        feature({ ags5: '06437' }, null),
        { type: 'Geometry' },
        feature(
          { ags5: '06438' },
          polygon([
            [9, 50],
            [9.1, 50],
            [9, 50],
          ] as Ring),
        ),
      ),
      'ags5',
    )
    expect(features).toEqual([])
    expect(errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'properties.ags5',
        message: expect.stringMatching(/missing.*'AGS'.*--property/),
      }),
      expect.objectContaining({ row: 3, value: '6432', message: expect.stringMatching(/leading zero/) }),
      expect.objectContaining({ row: 4, value: '643', message: expect.stringMatching(/5-digit AGS/) }),
      expect.objectContaining({ row: 5, field: 'geometry.type', value: 'Point' }),
      expect.objectContaining({
        row: 6,
        field: 'geometry.coordinates[0]',
        message: expect.stringMatching(/not closed/),
      }),
      expect.objectContaining({
        row: 7,
        field: 'geometry.coordinates[0][0]',
        message: expect.stringMatching(/WGS 84/),
      }),
      expect.objectContaining({
        row: 8,
        value: '06435',
        message: 'AGS 06435 appears twice (first in feature 1)',
      }),
      expect.objectContaining({ row: 9, field: 'geometry', message: 'the feature has no geometry' }),
      expect.objectContaining({ row: 10, field: 'type', value: 'Geometry' }),
      expect.objectContaining({ row: 11, message: expect.stringMatching(/at least 4 positions/) }),
    ])
  })

  it('refuses what is not a FeatureCollection', () => {
    expect(readBoundaryFile(new TextEncoder().encode('{"type":'), 'ags5').errors[0]!.message).toMatch(
      /not valid JSON/,
    )
    expect(readBoundaryFile(new TextEncoder().encode('{"type":"Feature"}'), 'ags5').errors[0]).toMatchObject({
      field: 'type',
      value: 'Feature',
    })
    expect(readBoundaryFile(collection(), 'ags5').errors[0]!.message).toMatch(/no features/)
  })

  it('reads the AGS from another property when told', () => {
    const { features, errors } = readBoundaryFile(
      collection(feature({ AGS: '06435' }, polygon(square(9, 50)))),
      'AGS',
    )
    expect(errors).toEqual([])
    expect(features[0]!.ags5).toBe('06435')
  })
})

describe('simplification', () => {
  it('drops points closer than the tolerance and keeps rings closed', () => {
    // A square with points every 0.001° along its edges.
    const ring: Ring = []
    for (let i = 0; i < 100; i++) ring.push([9 + i * 0.001, 50])
    for (let i = 0; i < 100; i++) ring.push([9.1, 50 + i * 0.001])
    for (let i = 0; i < 100; i++) ring.push([9.1 - i * 0.001, 50.1])
    for (let i = 0; i < 100; i++) ring.push([9, 50.1 - i * 0.001])
    ring.push([9, 50])
    const simplified = simplifyRing(ring, 0.005)!
    expect(simplified).toEqual([
      [9, 50],
      [9.1, 50],
      [9.1, 50.1],
      [9, 50.1],
      [9, 50],
    ])
  })

  it('drops islands that collapse but never the whole district', () => {
    const tiny = square(9.5, 50.5, 0.001)
    const multi = { type: 'MultiPolygon' as const, coordinates: [[square(9, 50)], [tiny]] }
    expect(simplifyGeometry(multi, 0.005)).toEqual({ type: 'Polygon', coordinates: [square(9, 50)] })
    const onlyTiny = { type: 'Polygon' as const, coordinates: [tiny] }
    expect(simplifyGeometry(onlyTiny, 0.005)).toEqual(onlyTiny)
    expect(simplifyGeometry(multi, 0)).toEqual(multi)
  })
})

describe('importing', () => {
  it('imports nothing when one feature is broken', async () => {
    const summary = await importBoundaries(t.database, {
      fileName: 'broken.geojson',
      bytes: collection(feature({ ags5: '06435' }, polygon(square(9, 50))), feature({ ags5: '06431' }, null)),
      actor,
      now,
    })
    expect(summary.isCommitted).toBe(false)
    expect(summary.featuresRead).toBe(2)
    expect(summary.errors).toEqual([expect.objectContaining({ row: 2, field: 'geometry' })])
    expect(await count()).toBe(0)
  })

  it('lists AGS the register does not know, imports the rest and replaces earlier boundaries', async () => {
    const first = await importBoundaries(t.database, {
      fileName: 'first.geojson',
      bytes: collection(feature({ ags5: '01001' }, polygon(square(9, 54)))),
      actor,
      now,
    })
    expect(first.isCommitted).toBe(true)
    const summary = await importBoundaries(t.database, {
      fileName: 'hessen.geojson',
      bytes: collection(
        ...['06435', '06431', '06432', '06433', '06411'].map((ags5, i) =>
          feature({ ags5, name: `Kreis ${ags5}` }, polygon(square(8 + i * 0.2, 50))),
        ),
        feature({ ags5: '99999' }, polygon(square(7, 50))),
      ),
      licence: 'Testgeometrie',
      actor,
      now,
    })
    expect(summary).toMatchObject({ isCommitted: true, featuresRead: 6, imported: 5, errors: [] })
    expect(summary.unmatched).toEqual([
      {
        row: 6,
        value: '99999',
        message: expect.stringMatching(/not in the district register/),
        messageKey: 'area.agsNotInRegister',
        params: { ags: '99999' },
      },
    ])
    expect(await count()).toBe(5)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('action', '=', 'kreis_boundary.import')
      .execute()
    expect(audit).toHaveLength(2)
  })

  it('gives names and rings only for organisations the caller sees by name', async () => {
    const admin: Viewer = {
      userId: 1,
      role: 'admin',
      organisationId: null,
      ringIds: [],
      moderatedRingIds: 'all',
    }
    const all = await readBoundaries(t.database.db, { viewer: admin, at: '2024-03-01' })
    expect(all.licence).toBe('Testgeometrie')
    expect(all.source).toBe('hessen.geojson')
    expect(all.districts.map((d) => [d.ags5, d.ringCode])).toEqual([
      [null, null], // Darmstadt (06411): no organisation of the network
      ['06431', 'M1'],
      ['06432', 'M2'],
      ['06433', 'M2'],
      ['06435', 'M1'],
    ])
    const ringM1 = await t.database.db
      .selectFrom('ring')
      .select('id')
      .where('code', '=', 'M1')
      .executeTakeFirstOrThrow()
    const ringM2 = await t.database.db
      .selectFrom('ring')
      .select('id')
      .where('code', '=', 'M2')
      .executeTakeFirstOrThrow()
    const member = (ags5: string, ringId: number): Viewer => ({
      userId: 2,
      role: 'member_lead',
      organisationId: ids.get(ags5)!,
      ringIds: [ringId],
      moderatedRingIds: [],
    })
    const named = await readBoundaries(t.database.db, {
      viewer: member('06435', ringM1.id),
      at: '2024-03-01',
    })
    expect(named.districts).toHaveLength(5)
    expect(named.districts.flatMap((d) => (d.ags5 ? [d.ags5] : []))).toEqual(['06431', '06435'])
    const pseudonymised = await readBoundaries(t.database.db, {
      viewer: member('06432', ringM2.id),
      at: '2024-03-01',
    })
    expect(pseudonymised.districts.flatMap((d) => (d.ags5 ? [d.organisationName] : []))).toEqual([
      'Kartentest 06432',
    ])
    expect(JSON.stringify(pseudonymised)).not.toContain('Kartentest 06433')
  })

  it('imports from the command line and reports broken files with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-boundaries-'))
    const good = join(dir, 'good.geojson')
    writeFileSync(good, collection(feature({ AGS: '06435' }, polygon(square(9, 50)))))
    const bad = join(dir, 'bad.geojson')
    writeFileSync(bad, collection(feature({ ags5: '06435' }, { type: 'LineString', coordinates: [] })))
    const lines: string[] = []
    const io: CliIo = {
      out: (text) => lines.push(text),
      err: (text) => lines.push(text),
      progress: () => undefined,
      env: {},
      cwd: dir,
    }
    // The CLI opens its own database: an embedded one in a folder of its own.
    const target = ['--data-dir', join(dir, 'data')]
    expect(await main(['boundaries', 'import', 'bad.geojson', ...target], io)).toBe(2)
    // Without LANG the CLI writes the reasons in German.
    expect(lines.join('\n')).toMatch(
      /Geoobjekt 1, geometry.type: ‚LineString‘: erwartet: ein Polygon oder MultiPolygon/,
    )
    lines.length = 0
    expect(
      await main(['boundaries', 'import', 'good.geojson', '--property', 'AGS', '--dry-run', ...target], io),
    ).toBe(0)
    expect(lines.join('\n')).toMatch(/1 Kreis geprüft \(Probelauf\)/)
  })
})

describe('the BKG VG5000 file (../shared/data)', () => {
  const hasFile = existsSync(BKG_FILE)
  if (!hasFile)
    console.warn(`the BKG import test is skipped: ${BKG_FILE} is absent (the shared data folder is missing)`)
  it.skipIf(!hasFile)('imports all 401 districts of 1.1.2021 including Eisenach, simplified', async () => {
    const summary = await importBoundaries(t.database, {
      fileName: 'kreise_vg5000_20210101_ags_nuts.geojson',
      bytes: readFileSync(BKG_FILE),
      actor,
      now,
    })
    expect(summary.errors).toEqual([])
    expect(summary.unmatched).toEqual([])
    expect(summary).toMatchObject({ isCommitted: true, featuresRead: 401, imported: 401 })
    // VG5000 is generalised already: 0.005° drops about a fifth of its 40,835 points.
    expect(summary.pointsKept).toBeLessThan(summary.pointsRead * 0.85)
    expect(summary.geometryBytes).toBeLessThan(600_000)
    const eisenach = await t.database.db
      .selectFrom('kreis_boundary')
      .select(['name', 'licence'])
      .where('ags5', '=', '16056')
      .executeTakeFirstOrThrow()
    expect(eisenach.name).toBe('Eisenach')
    expect(eisenach.licence).toBe('© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0')
  })
})

it('attributes BKG files by their name', () => {
  expect(defaultLicence('kreise_vg5000_20210101_ags_nuts.geojson')).toMatch(/BKG 2021/)
  expect(defaultLicence('VG250_KRS.geojson')).toMatch(/^© GeoBasis-DE \/ BKG \(/)
  expect(defaultLicence('mine.geojson')).toBeNull()
})
