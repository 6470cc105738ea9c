import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../test/use-test-database'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { loadShippedMapping } from '../imports/load-mapping'
import { runImport } from '../imports/run-import'
import type { PublishedFiguresSummary } from './import-published-figures'

const t = useTestDatabase()
const encode = (text: string) => new TextEncoder().encode(text)
const HEADER =
  'Regionalschlüssel;Jobcenter;Vergleichstyp;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status'
const file = (...rows: string[]) => encode(`${HEADER}\n${rows.join('\n')}\n`)

let mainKinzig: number
let dithmarschen: number

async function publish(
  fileName: string,
  bytes: Uint8Array,
  options: { isDryRun?: boolean; now?: string } = {},
): Promise<PublishedFiguresSummary> {
  const summary = await runImport(t.database, {
    fileName,
    bytes,
    loaded: loadShippedMapping('sgb2-kennzahlen-48a'),
    isDryRun: options.isDryRun,
    now: new Date(options.now ?? '2024-05-02T08:00:00Z'),
  })
  if (!('reconciliation' in summary)) throw new Error('not a summary of published figures')
  return summary
}

/** Everything an import of published values may touch, as one comparable value. */
async function databaseState() {
  const db = t.database.db
  const values = await sql`select * from published_figure_value order by 1, 2, 3, 4, 5`.execute(db)
  const findings = await sql`select * from published_reconciliation order by 1, 2, 3, 4, 5`.execute(db)
  const batches = await sql`select count(*)::int as n from import_batch`.execute(db)
  return { values: values.rows, findings: findings.rows, batches: batches.rows }
}

async function currentValues() {
  return t.database.db
    .selectFrom('published_figure_value')
    .select([
      'organisation_id',
      'figure_code',
      'period',
      'breakdown',
      'revision',
      'value',
      'value_decimals',
      'numerator',
      'denominator',
      'missing_reason',
      'status',
      'comparison_type',
      'is_current',
    ])
    .orderBy('organisation_id')
    .orderBy('figure_code')
    .orderBy('period')
    .orderBy('revision')
    .execute()
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  mainKinzig = await createJobcentre(db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' })
  dithmarschen = await createJobcentre(db, { ags5: '01051', name: 'Jobcenter Dithmarschen' })
  // Computed K2 for January 2024: 2 345 / 10 250 = 22.878… % (published 22,9: agrees) and
  // 500 / 2 500 = 20.0 % (published 21,0 with 525: the planted difference).
  const computed = (organisation_id: number, numerator: number, denominator: number) => ({
    period: '2024-01-01',
    figure_code: 'K2',
    breakdown: 'total',
    organisation_id,
    version: 1,
    is_change_rate: false,
    numerator,
    denominator,
    missing_reason: null,
    missing_detail: null,
    run_id: 1,
  })
  await db
    .insertInto('kpi_value')
    .values([computed(mainKinzig, 2345, 10250), computed(dithmarschen, 500, 2500)])
    .execute()
})

describe('importing published figure values', () => {
  it('a dry run reports values and reconciliation and writes nothing', async () => {
    const before = await databaseState()
    const summary = await publish(
      'dl_48a_daten_2024-01.csv',
      file(
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;01/2024;22,9;2.345;10.250;vorläufig',
        '01051;Dithmarschen;Ib;K2;Insgesamt;Jan 2024;21,0;525;2.500;vorläufig',
      ),
      { isDryRun: true },
    )
    expect(summary).toMatchObject({ isDryRun: true, isCommitted: false, newValues: 2, batchId: null })
    expect(summary.reconciliation).toMatchObject({ compared: 2, differing: 1 })
    expect(await databaseState()).toEqual(before)
  })

  it('imports values exactly, in German conventions, and names exactly the planted difference', async () => {
    const summary = await publish(
      'dl_48a_daten_2024-01.csv',
      file(
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;01/2024;22,9;2.345;10.250;vorläufig',
        '01051;Dithmarschen;Ib;K2;Insgesamt;Jan 2024;21,0;525;2.500;vorläufig',
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;2024-02;23,1;2.400;10.389,6;vorläufig',
        '06435;Main-Kinzig-Kreis;IIIa;K2E1;Insgesamt;01/2024;–;.;1.234,5;',
      ),
    )
    expect(summary.errors).toEqual([])
    expect(summary).toMatchObject({ rowsRead: 4, newValues: 4, revisedValues: 0, isCommitted: true })
    expect(summary.batchId).toBeTypeOf('number')
    expect(summary.reconciliation).toEqual({
      compared: 2,
      differing: 1,
      findings: [
        {
          organisationId: dithmarschen,
          name: 'Jobcenter Dithmarschen',
          figure: 'K2',
          period: '2024-01',
          breakdown: 'total',
          published: { value: 21, numerator: 525, denominator: 2500 },
          computed: { value: 20, numerator: 500, denominator: 2500 },
          differs: ['value', 'numerator'],
          tolerance: 0.05,
        },
      ],
    })
    const rows = await currentValues()
    expect(rows).toEqual([
      expect.objectContaining({
        organisation_id: mainKinzig,
        figure_code: 'K2',
        period: '2024-01-01',
        revision: 1,
        value: 22.9,
        value_decimals: 1,
        numerator: 2345,
        denominator: 10250,
        status: 'provisional',
        comparison_type: 'IIIa',
        is_current: true,
      }),
      expect.objectContaining({
        organisation_id: mainKinzig,
        figure_code: 'K2',
        period: '2024-02-01',
        value: 23.1,
        numerator: 2400,
        denominator: 10389.6,
      }),
      expect.objectContaining({
        organisation_id: mainKinzig,
        figure_code: 'K2E1',
        value: null,
        missing_reason: 'not_applicable',
        numerator: null,
        denominator: 1234.5,
        status: 'final',
      }),
      expect.objectContaining({
        organisation_id: dithmarschen,
        figure_code: 'K2',
        value: 21,
        numerator: 525,
        denominator: 2500,
      }),
    ])
    // The report is stored with the batch and read back by the route's use case.
    const stored = await t.database.db
      .selectFrom('published_reconciliation')
      .select(['organisation_id', 'differs'])
      .where('batch_id', '=', summary.batchId!)
      .execute()
    expect(stored).toEqual([{ organisation_id: dithmarschen, differs: ['value', 'numerator'] }])
  })

  it('keeps revisions: a provisional month becoming final and a corrected value', async () => {
    const summary = await publish(
      'dl_48a_daten_2024-02.csv',
      file(
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;01/2024;22,9;2.345;10.250;endgültig',
        '01051;Dithmarschen;Ib;K2;Insgesamt;01/2024;20,0;500;2.500;korrigiert',
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;2024-02;23,1;2.400;10.389,6;vorläufig',
      ),
      { now: '2024-06-03T08:00:00Z' },
    )
    expect(summary.errors).toEqual([])
    expect(summary).toMatchObject({ newValues: 0, revisedValues: 2, rowsUnchanged: 1 })
    expect(summary.reconciliation).toEqual({ compared: 2, differing: 0, findings: [] })
    const january = (await currentValues()).filter((r) => r.figure_code === 'K2' && r.period === '2024-01-01')
    expect(january.map((r) => [r.organisation_id, r.revision, r.value, r.status, r.is_current])).toEqual([
      [mainKinzig, 1, 22.9, 'provisional', false],
      [mainKinzig, 2, 22.9, 'final', true],
      [dithmarschen, 1, 21, 'provisional', false],
      [dithmarschen, 2, 20, 'corrected', true],
    ])
  })

  it('rejects the whole file and names every bad row; nothing is written', async () => {
    const before = await databaseState()
    const summary = await publish(
      'dl_48a_daten_kaputt.csv',
      file(
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;03/2024;22,9;2.345;10.250;vorläufig',
        '06435;Main-Kinzig-Kreis;IIIa;K9;Insgesamt;03/2024;1,0;1;100;',
        '09162;München;IIa;K2;Insgesamt;03/2024;25,0;10.000;40.000;',
        '06435;Main-Kinzig-Kreis;IIIa;K3;Insgesamt;13/2024;1,0;1;100;',
        '06435;Main-Kinzig-Kreis;IIIa;K3;Insgesamt;03/2024;1,2,3;1;100;',
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;März 2024;22,9;2.345;10.250;',
        '06435;Main-Kinzig-Kreis;IIIa;K2;Ausländer;03/2024;22,9;2.345;10.250;',
        '06435;Main-Kinzig-Kreis;IIIa;K2;Insgesamt;04/2024;22,9;2.345;10.250;vielleicht',
      ),
    )
    expect(summary).toMatchObject({ isCommitted: false, batchId: null, rowsRejected: 7 })
    expect(summary.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [5, 'Berichtsmonat', '13/2024'],
      [6, 'Wert', '1,2,3'],
      [9, 'Status', 'vielleicht'],
      [3, 'Kennzahl', 'K9'],
      [4, 'Regionalschlüssel', '09162'],
      [7, 'Regionalschlüssel', '06435'],
      [8, 'Merkmal', 'Ausländer'],
    ])
    const message = (row: number) => summary.errors.find((e) => e.row === row)!.message
    expect(message(3)).toMatch(/^unknown figure code 'K9'; expected one of K1, K1E1, /)
    expect(message(4)).toMatch(/München.*not in the register of organisations/)
    expect(message(5)).toMatch(/is not a month; expected a month/)
    expect(message(6)).toMatch(/is not a number; expected a number such as 1\.234,5 \(decimal comma\)/)
    expect(message(7)).toBe('row 2 already gives K2 March 2024 (total) for KCA Main-Kinzig-Kreis')
    // Every row error carries its catalogue key: German readers get it in German.
    expect(summary.errors.every((e) => e.messageKey !== undefined)).toBe(true)
    expect(message(8)).toBe('K2 has the breakdowns total, women, men')
    expect(await databaseState()).toEqual(before)
  })

  it('refuses an upload for one organisation: the publication covers every job centre', async () => {
    await expect(
      runImport(t.database, {
        fileName: 'x.csv',
        bytes: file('06435;x;IIIa;K2;Insgesamt;01/2024;22,9;2.345;10.250;'),
        loaded: loadShippedMapping('sgb2-kennzahlen-48a'),
        onlyOrganisation: { id: mainKinzig, name: 'KCA' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })
})
