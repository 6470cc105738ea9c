import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../test/use-test-database'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { readObservations } from '../observations/read-observations'
import { importFile } from './import-file'

const t = useTestDatabase()
const encode = (text: string) => new TextEncoder().encode(text)

/** Everything an import may touch, as one comparable value. */
async function databaseState() {
  const db = t.database.db
  const observations =
    await sql`select organisation_id, indicator_id, period, breakdown, revision, value, missing_reason, status, is_current from observation order by 1, 2, 3, 4, 5`.execute(
      db,
    )
  const batches = await sql`select count(*)::int as n from import_batch`.execute(db)
  const indicators = await sql`select count(*)::int as n from indicator`.execute(db)
  return { observations: observations.rows, batches: batches.rows, indicators: indicators.rows }
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  await createJobcentre(db, { ags5: '06435', name: 'Kommunales Center für Arbeit Main-Kinzig-Kreis' })
  await createJobcentre(db, { ags5: '01058' })
  // Wartburgkreis: after the merger on 1.7.2021 its area includes the former city of Eisenach.
  await createJobcentre(db, {
    ags5: '16063',
    areas: [{ ags5: '16063' }, { ags5: '16056', validFrom: '2021-07-01' }],
  })
})

describe('importFile', () => {
  const first =
    'org;indicator;period;value\n06435;elb;2021-01;10500\n06435;elb;2021-02;10480\n01058;elb;2021-01;4200\n'

  it('imports new values as revision 1 and reports the counts', async () => {
    const summary = await importFile(t.database, {
      fileName: 'first.csv',
      bytes: encode(first),
      now: new Date('2021-04-01T10:00:00Z'),
    })
    expect(summary.errors).toEqual([])
    expect(summary).toMatchObject({
      rowsRead: 3,
      rowsImported: 3,
      newValues: 3,
      rowsUnchanged: 0,
      rowsRejected: 0,
      isCommitted: true,
    })
    expect(summary.batchId).toBeTypeOf('number')
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await databaseState()
    const summary = await importFile(t.database, { fileName: 'first.csv', bytes: encode(first) })
    expect(summary).toMatchObject({ rowsImported: 0, rowsUnchanged: 3, batchId: null })
    expect(await databaseState()).toEqual(before)
  })

  it('records a correction as a new revision and keeps the old value for --as-of', async () => {
    const correction = 'AGS;Kennzahl;Monat;Wert\n06435;elb;Februar 2021;10.490\n'
    const summary = await importFile(t.database, {
      fileName: 'fix.csv',
      bytes: encode(correction),
      now: new Date('2021-05-15T08:00:00Z'),
    })
    expect(summary).toMatchObject({ rowsImported: 1, revisedValues: 1, newValues: 0, rowsUnchanged: 0 })
    expect(summary.changes[0]).toMatchObject({ period: '2021-02', before: 10480, after: 10490 })

    const now = await readObservations(t.database.db, {
      org: '06435',
      indicator: 'elb',
      from: '2021-02',
      to: '2021-02',
    })
    expect(now.observations).toEqual([
      expect.objectContaining({
        period: '2021-02',
        value: 10490,
        revision: 2,
        revisions: 2,
        status: 'corrected',
      }),
    ])
    const then = await readObservations(t.database.db, {
      org: '06435',
      indicator: 'elb',
      from: '2021-02',
      to: '2021-02',
      asOf: '2021-04-30',
    })
    expect(then.observations).toEqual([
      expect.objectContaining({ value: 10480, revision: 1, revisions: 1, status: 'final' }),
    ])
    const beforeAnyImport = await readObservations(t.database.db, {
      org: '06435',
      indicator: 'elb',
      asOf: '2021-03-31',
    })
    expect(beforeAnyImport.observations).toEqual([])
  })

  it('reports what a dry run would change and writes nothing', async () => {
    const before = await databaseState()
    const summary = await importFile(t.database, {
      fileName: 'dry.csv',
      bytes: encode('org;indicator;period;value\n06435;elb;2021-03;10400\n06435;elb;2021-01;10500\n'),
      isDryRun: true,
    })
    expect(summary).toMatchObject({
      isDryRun: true,
      isCommitted: false,
      rowsImported: 1,
      newValues: 1,
      rowsUnchanged: 1,
    })
    expect(summary.changes).toEqual([
      expect.objectContaining({ period: '2021-03', before: null, after: 10400 }),
    ])
    expect(await databaseState()).toEqual(before)
  })

  it('stores missing values with their reason, never as zero', async () => {
    const summary = await importFile(t.database, {
      fileName: 'gaps.csv',
      bytes: encode('org;indicator;period;value\n01058;elb;2021-02;.\n'),
    })
    expect(summary.errors).toEqual([])
    const result = await readObservations(t.database.db, {
      org: '01058',
      indicator: 'elb',
      from: '2021-02',
      to: '2021-02',
    })
    expect(result.observations[0]).toMatchObject({ value: null })
    expect(result.observations[0]!.missingReason).not.toBeNull()
  })

  it('resolves AGS keys by the validity of organisation areas across a territorial change', async () => {
    const file = 'org;indicator;period;value\n16056;elb;2021-08;900\n16063;elb;2021-08;5100\n'
    const summary = await importFile(t.database, { fileName: 'eisenach.csv', bytes: encode(file) })
    // After 1.7.2021 Eisenach belongs to the Wartburgkreis organisation: two values for one org and month.
    expect(summary.isCommitted).toBe(false)
    expect(summary.errors[0]!.message).toMatch(/already gives elb 2021-08/)
  })

  describe('a broken file writes nothing and says where and why', () => {
    const cases: [string, string, RegExp][] = [
      [
        'text in a number field',
        'org;indicator;period;value\n06435;elb;2021-06;10500\n06435;elb;2021-07;zehn\n',
        /zehn|number/i,
      ],
      ['unknown AGS', 'org;indicator;period;value\n06435;elb;2021-06;10500\n99999;elb;2021-06;1\n', /99999/],
      [
        'a district without organisation',
        'org;indicator;period;value\n06435;elb;2021-06;10500\n09676;elb;2021-06;1\n',
        /Miltenberg/,
      ],
      [
        'an unknown indicator',
        'org;indicator;period;value\n06435;elbx;2021-06;10500\n',
        /unknown indicator 'elbx'/,
      ],
      [
        'a yearly period for a monthly indicator',
        'org;indicator;period;value\n06435;elb;2021;10500\n',
        /monthly/,
      ],
    ]
    it.each(cases)('%s', async (_label, text, message) => {
      const before = await databaseState()
      const summary = await importFile(t.database, { fileName: 'broken.csv', bytes: encode(text) })
      expect(summary.isCommitted).toBe(false)
      expect(summary.rowsRejected).toBeGreaterThan(0)
      expect(summary.errors.some((e) => message.test(`${e.value} ${e.message}`))).toBe(true)
      expect(summary.errors.every((e) => typeof e.row === 'number' && typeof e.column === 'string')).toBe(
        true,
      )
      expect(await databaseState()).toEqual(before)
    })

    const fatal: [string, Uint8Array, RegExp][] = [
      [
        'a wrong column',
        encode('org;indicator;month_of_year;value\n06435;elb;2021-06;1\n'),
        /period|column/i,
      ],
      [
        'a truncated file',
        encode('org;indicator;period;value\n06435;elb;2021-06;10500\n06435;"elb;2021-07'),
        /truncated|quote|row 3/i,
      ],
      [
        'a wrong encoding forced',
        new Uint8Array([...encode('org;indicator;period;value\n06435;elb;2021-06;1'), 0xe4, 0x0a]),
        /encoding|UTF-8/i,
      ],
    ]
    it.each(fatal)('%s', async (_label, bytes, message) => {
      const before = await databaseState()
      const run = importFile(t.database, {
        fileName: 'broken.csv',
        bytes,
        encoding: _label.includes('encoding') ? 'utf-8' : undefined,
      })
      const outcome = await run.then(
        (summary) => ({ summary, error: undefined }),
        (error: Error) => ({ summary: undefined, error }),
      )
      const text = outcome.error
        ? `${outcome.error.message} ${JSON.stringify((outcome.error as { details?: unknown }).details ?? '')}`
        : JSON.stringify(outcome.summary!.errors)
      if (outcome.summary) expect(outcome.summary.isCommitted).toBe(false)
      expect(text).toMatch(message)
      expect(await databaseState()).toEqual(before)
    })
  })
})

describe('values that cannot be true', () => {
  const now = new Date('2024-03-15T10:00:00Z')
  const cases: [string, string, { row: number; column: string; value: string; message: RegExp }][] = [
    [
      'a month after the present',
      '06435;elb;2099-12;10',
      {
        row: 3,
        column: 'period',
        value: '2099-12',
        message: /in the future: elb can be reported up to 2024-03/,
      },
    ],
    [
      'the next month',
      '06435;elb;2024-04;10',
      { row: 3, column: 'period', value: '2024-04', message: /up to 2024-03, the current month/ },
    ],
    [
      'a month before SGB II',
      '06435;elb;2004-12;10',
      {
        row: 3,
        column: 'period',
        value: '2004-12',
        message: /before 2005-01, the earliest plausible period/,
      },
    ],
    [
      'a negative count',
      '06435;elb;2023-02;-5',
      { row: 3, column: 'value', value: '-5', message: /elb counts persons and cannot be negative/ },
    ],
    [
      'a number that overflows to Infinity',
      `06435;elb;2023-02;1${'0'.repeat(400)}`,
      { row: 3, column: 'value', value: 'Infinity', message: /not a finite number/ },
    ],
  ]
  for (const [what, line, expected] of cases) {
    it(`refuses ${what} in a dry run and a real run alike, writing nothing`, async () => {
      const bytes = encode(`org;indicator;period;value\n06435;elb;2023-01;10\n${line}\n`)
      const before = await databaseState()
      for (const isDryRun of [true, false]) {
        const summary = await importFile(t.database, { fileName: 'odd.csv', bytes, now, isDryRun })
        expect(summary.errors).toEqual([
          expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
        ])
        expect(summary).toMatchObject({ isCommitted: false, rowsImported: 0, batchId: null })
        expect(await databaseState()).toEqual(before)
      }
    })
  }

  it('accepts a value for the current month', async () => {
    const summary = await importFile(t.database, {
      fileName: 'present.csv',
      bytes: encode('org;indicator;period;value\n06435;elb;2024-03;10\n'),
      now,
      isDryRun: true,
    })
    expect(summary.errors).toEqual([])
    expect(summary.newValues).toBe(1)
  })
})
