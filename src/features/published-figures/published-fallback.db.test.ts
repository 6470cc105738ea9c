import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../test/use-test-database'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { loadShippedMapping } from '../imports/load-mapping'
import { computeFigureGroupStatistics } from '../kpi/group-statistics'
import { monthIndexOf } from '../kpi/load-series'
import { readFigureValues, resolvePeriod } from '../kpi/read-figure-values'
import { importPublishedFigures } from './import-published-figures'

const t = useTestDatabase()
const ids: number[] = []

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const districts = ['06435', '06436', '06437', '06438', '06439']
  for (const ags5 of districts) ids.push(await createJobcentre(db, { ags5, name: `JC ${ags5}` }))
  // Published K2 for March 2024: 20,0 · 22,0 · 25,0 · 18,0 · 29,0; only the last one also computed (30 %).
  const loaded = loadShippedMapping('sgb2-kennzahlen-48a')
  if (loaded.kind !== 'published-figures') throw new Error('expected the published mapping')
  const rows = ['20,0;200;1.000', '22,0;220;1.000', '25,0;250;1.000', '18,0;180;1.000', '29,0;290;1.000']
  const summary = await importPublishedFigures(t.database, {
    fileName: 'dl_48a_daten_2024-03.csv',
    bytes: new TextEncoder().encode(
      [
        'Regionalschlüssel;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status;Vergleichstyp',
        ...districts.map((ags, i) => `${ags};K2;Insgesamt;03/2024;${rows[i]};endgültig;IIIa`),
      ].join('\n'),
    ),
    mapping: loaded.mapping,
    now: new Date('2024-07-01T00:00:00Z'),
  })
  expect(summary.errors).toEqual([])
  await db
    .insertInto('kpi_value')
    .values({
      period: '2024-03-01',
      figure_code: 'K2',
      breakdown: 'total',
      organisation_id: ids[4]!,
      version: 1,
      is_change_rate: false,
      numerator: 30,
      denominator: 100,
      missing_reason: null,
      run_id: 1,
    })
    .execute()
})

describe('comparisons on published values', () => {
  it('reads published values where nothing is computed and says which source each value has', async () => {
    const table = await readFigureValues(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      organisationIds: ids,
      from: monthIndexOf('2024-02'),
      to: monthIndexOf('2024-03'),
    })
    expect(table.get(ids[0]!)![1]).toMatchObject({
      period: '2024-03',
      value: 20,
      ratio: 0.2,
      numerator: 200,
      denominator: 1000,
      missing: null,
      source: 'published',
    })
    // February has neither: missing, as before.
    expect(table.get(ids[0]!)![0]).toMatchObject({ value: null, source: 'computed' })
    // A computed value wins over the publication.
    expect(table.get(ids[4]!)![1]).toMatchObject({ value: 30, numerator: 30, source: 'computed' })
  })

  it('ranks and takes quartiles over published values (hand-computed)', async () => {
    const month = monthIndexOf('2024-03')
    const { dto } = await computeFigureGroupStatistics(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      month,
      group: { kind: 'set', label: 'four', organisationIds: ids.slice(0, 4), ringId: null },
    })
    // Sorted 18, 20, 22, 25: mean 21.25; linear quartiles h = 3p → q1 19.5, median 21, q3 22.75.
    expect(dto).toMatchObject({
      n: 4,
      mean: 21.25,
      q1: 19.5,
      median: 21,
      q3: 22.75,
      min: 18,
      max: 25,
      best: 25,
    })
    expect(dto.members.map((m) => [m.value, m.rank, m.source])).toEqual([
      [25, 1, 'published'],
      [22, 2, 'published'],
      [20, 3, 'published'],
      [18, 4, 'published'],
    ])
  })

  it('takes the default month from the publication when it is newer than any computation', async () => {
    expect(await resolvePeriod(t.database.db, undefined, undefined, new Date('2024-07-01T00:00:00Z'))).toBe(
      monthIndexOf('2024-03'),
    )
  })

  it('reads the revision known at an instant', async () => {
    const asOf = new Date('2024-06-30T00:00:00Z')
    const table = await readFigureValues(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      organisationIds: ids.slice(0, 1),
      from: monthIndexOf('2024-03'),
      to: monthIndexOf('2024-03'),
      asOf,
    })
    // Recorded on 2024-07-01: not yet known on 2024-06-30.
    expect(table.get(ids[0]!)![0]).toMatchObject({ value: null })
  })
})
