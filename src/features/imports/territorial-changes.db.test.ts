/**
 * Old district keys in import files (docs/territories.md): each reform since 2000 that the issue
 * lists, reported with its successor and, for pure mergers when the mapping asks, attributed to the
 * successor's organisation as the hand-computed sum of its predecessors.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { readObservations } from '../observations/read-observations'
import { importFile } from './import-file'
import type { ColumnMapping } from './parsing/types'

const t = useTestDatabase()
const encode = (text: string) => new TextEncoder().encode(text)
const mapping = (extra: Partial<ColumnMapping>): ColumnMapping => ({
  name: 'territories',
  format: 'long',
  key: { column: 'org', type: 'ags' },
  ...extra,
})
const file = (rows: string[]) => encode(`org;indicator;period;value\n${rows.join('\n')}\n`)

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  for (const ags5 of ['03241', '15083', '14521', '05334', '13076', '03159'])
    await createJobcentre(db, { ags5, name: `Jobcenter ${ags5}` })
  await createJobcentre(db, {
    ags5: '16063',
    name: 'Jobcenter Wartburgkreis',
    areas: [{ ags5: '16063' }, { ags5: '16056', validFrom: '2021-07-01' }],
  })
})

// Each listed reform: predecessors with a value each, the successor and the sum computed by hand.
const REFORMS = [
  {
    reform: 'Region Hannover 2001',
    indicator: 'population',
    period: '2000',
    parts: [
      ['03201', 515_001],
      ['03253', 598_002],
    ],
    successor: '03241',
    sum: 1_113_003,
  },
  {
    reform: 'Sachsen-Anhalt 2007',
    indicator: 'elb',
    period: '2006-06',
    parts: [
      ['15355', 7_100],
      ['15362', 6_200],
    ],
    successor: '15083',
    sum: 13_300,
  },
  {
    reform: 'Sachsen 2008',
    indicator: 'elb',
    period: '2008-01',
    parts: [
      ['14171', 5_001],
      ['14181', 4_002],
      ['14188', 3_003],
      ['14191', 6_004],
    ],
    successor: '14521',
    sum: 18_010,
  },
  {
    reform: 'Städteregion Aachen 2009',
    indicator: 'elb',
    period: '2009-05',
    parts: [
      ['05313', 21_000],
      ['05354', 19_500],
    ],
    successor: '05334',
    sum: 40_500,
  },
  {
    reform: 'Mecklenburg-Vorpommern 2011',
    indicator: 'elb',
    period: '2011-01',
    parts: [
      ['13054', 8_250],
      ['13060', 7_750],
    ],
    successor: '13076',
    sum: 16_000,
  },
  {
    reform: 'Göttingen/Osterode 2016',
    indicator: 'elb',
    period: '2016-01',
    parts: [
      ['03152', 12_345],
      ['03156', 4_321],
    ],
    successor: '03159',
    sum: 16_666,
  },
  {
    reform: 'Eisenach 2021',
    indicator: 'elb',
    period: '2021-01',
    parts: [
      ['16056', 3_100],
      ['16063', 6_900],
    ],
    successor: '16063',
    sum: 10_000,
  },
] as const

describe('old district keys', () => {
  it.each(REFORMS)('$reform: an old key is reported with its successor, nothing written', async (r) => {
    const old = r.parts.find(([ags]) => ags !== r.successor)!
    const summary = await importFile(t.database, {
      fileName: 'old-key.csv',
      bytes: file([`${old[0]};${r.indicator};${r.period};${old[1]}`]),
      mapping: mapping({}),
    })
    expect(summary.isCommitted).toBe(false)
    expect(summary.errors).toHaveLength(1)
    const [error] = summary.errors
    expect(error!.message).toMatch(
      new RegExp(`^${old[0]} .+ \\(until \\d{1,2} \\w+ \\d{4}\\) → ${r.successor} `),
    )
    expect(error!.message).not.toMatch(/not a German district/)
    expect(error).toMatchObject({
      row: 2,
      column: 'org',
      value: old[0],
      messageKey: 'import.territorialChange',
    })
    expect(String(error!.params!.successors).startsWith(r.successor)).toBe(true)
  })

  it.each(REFORMS)('$reform: a pure merger is attributed as the sum when the mapping asks', async (r) => {
    const summary = await importFile(t.database, {
      fileName: 'merger.csv',
      bytes: file(r.parts.map(([ags, value]) => `${ags};${r.indicator};${r.period};${value}`)),
      mapping: mapping({ territorialChanges: 'attribute' }),
    })
    expect(summary.errors).toEqual([])
    expect(summary).toMatchObject({ isCommitted: true, newValues: 1 })
    const notice = summary.notices.find((n) => n.kind === 'territorial_attributed')!
    expect(notice).toMatchObject({ messageKey: 'import.territorialAttributed', count: 1 })
    expect(String(notice.params!.successor).startsWith(r.successor)).toBe(true)
    const read = await readObservations(t.database.db, {
      org: r.successor,
      indicator: r.indicator,
      breakdown: 'total',
    })
    expect(read.observations.find((o) => o.period === r.period)?.value).toBe(r.sum)
  })
})

describe('what is not attributed', () => {
  it('refuses a sum when a predecessor is missing, and names it', async () => {
    const summary = await importFile(t.database, {
      fileName: 'half.csv',
      bytes: file(['03152;elb;2015-01;100']),
      mapping: mapping({ territorialChanges: 'attribute' }),
    })
    expect(summary.isCommitted).toBe(false)
    expect(summary.errors).toEqual([
      expect.objectContaining({
        row: 2,
        value: '03152',
        messageKey: 'import.attributionMissing',
        params: expect.objectContaining({ missing: '03156 Osterode am Harz' }),
      }),
    ])
  })

  it('refuses rates: a percentage does not add up without its weights', async () => {
    const summary = await importFile(t.database, {
      fileName: 'rates.csv',
      bytes: file(['03152;sgb2_rate;2015;7,1', '03156;sgb2_rate;2015;8,4']),
      mapping: mapping({ territorialChanges: 'attribute', decimal: ',' }),
    })
    expect(summary.isCommitted).toBe(false)
    expect(summary.errors.map((e) => e.messageKey)).toEqual(['import.attributionNotAdditive'])
  })

  it('reports splits with every successor and never attributes them', async () => {
    const summary = await importFile(t.database, {
      fileName: 'split.csv',
      bytes: file(['15151;elb;2006-06;5000', '13052;elb;2011-01;4000']),
      mapping: mapping({ territorialChanges: 'attribute', unmatchedKeys: 'report' }),
    })
    expect(summary.errors).toEqual([])
    expect(summary.newValues).toBe(0)
    const messages = summary.notices.filter((n) => n.kind === 'territorial_change').map((n) => n.message)
    expect(messages).toEqual([
      '15151 Anhalt-Zerbst (until 30 Jun 2007) → split between 15001 Dessau-Roßlau, 15082 Anhalt-Bitterfeld, 15086 Jerichower Land, 15091 Wittenberg; not attributed',
      '13052 Demmin (until 3 Sept 2011) → split between 13071 Mecklenburgische Seenplatte, 13075 Vorpommern-Greifswald; not attributed',
    ])
    expect(
      summary.notices.every(
        (n) => n.kind !== 'territorial_change' || n.messageKey === 'import.territorialSplit',
      ),
    ).toBe(true)
  })
})
