/**
 * Writing an incremental run's months into stored series rows: a month at a time (arrays assigned
 * element by element) and several months (a staging table and slices) give the same rows. A stored
 * series the run did not produce again loses the months as if deleted; a series new to the table
 * is inserted.
 */
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import type { OrganisationFigureResult } from '../../core/kpi'
import { useTestDatabase } from '../../test/use-test-database'
import { writeFigureResults } from './kpi-value.repository'

const t = useTestDatabase()
const ORG = 7
const START = 1000

/** A result of `months` months from START: values 10, 11, …; the second month is missing. */
function result(code: string, months: number): OrganisationFigureResult {
  const numerator = Float64Array.from({ length: months }, (_, i) => 10 + i)
  const denominator = new Float64Array(months).fill(4)
  const missing = Array.from({ length: months }, (_, i) =>
    i === 1
      ? { reason: 'not_delivered' as const, month: '2083-05', indicator: 'elb', breakdown: 'total' }
      : undefined,
  )
  return {
    orgId: String(ORG),
    code,
    breakdown: 'total',
    startMonth: '2083-05',
    versions: new Uint16Array(months).fill(1),
    value: numerator.map((x, i) => (i === 1 ? NaN : x / 4)),
    ratio: numerator.map((x, i) => (i === 1 ? NaN : x / 4)),
    numerator: numerator.map((x, i) => (i === 1 ? NaN : x)),
    denominator,
    missing,
  }
}

async function rows(): Promise<unknown[]> {
  const result = await sql<Record<string, unknown>>`
    select figure_code, versions::text, numerators::text, denominators::text, missing, run_id
    from kpi_series_recent order by figure_code
  `.execute(t.database.db)
  return result.rows
}

/** K1 and K2 stored for months START-2 … START-1; the run produces K1 and K3 for `months` months. */
async function writeMonths(months: number): Promise<unknown[]> {
  await sql`delete from kpi_series_recent`.execute(t.database.db)
  await sql`
    insert into kpi_series_recent (figure_code, breakdown, organisation_id, versions, numerators, denominators, missing, run_id)
    select code, 'total', ${ORG}, ${`[${START - 2}:${START - 1}]={1,1}`}::smallint[],
      ${`[${START - 2}:${START - 1}]={5,6}`}::float8[], ${`[${START - 2}:${START - 1}]={2,2}`}::float8[],
      ${JSON.stringify({ [START - 1]: { reason: 'suppressed', month: '2083-04' } })}::jsonb, 1
    from (values ('K1'), ('K2')) c(code)
  `.execute(t.database.db)
  await t.database.transaction((tx) =>
    writeFigureResults(tx, {
      results: [result('K1', months), result('K3', months)],
      startMonth: START,
      runId: 2,
      ranges: new Map([[ORG, { from: START, to: START + months - 1 }]]),
      boundary: START - 10,
    }),
  )
  return rows()
}

describe('merging months into stored series', () => {
  test('one month: produced series updated, others cleared, new ones inserted', async () => {
    expect(await writeMonths(1)).toEqual([
      {
        figure_code: 'K1',
        versions: '[998:1000]={1,1,1}',
        numerators: '[998:1000]={5,6,10}',
        denominators: '[998:1000]={2,2,4}',
        missing: { [START - 1]: { reason: 'suppressed', month: '2083-04' } },
        run_id: 2,
      },
      {
        figure_code: 'K2',
        versions: '[998:1000]={1,1,NULL}',
        numerators: '[998:1000]={5,6,NULL}',
        denominators: '[998:1000]={2,2,NULL}',
        missing: { [START - 1]: { reason: 'suppressed', month: '2083-04' } },
        run_id: 1,
      },
      {
        figure_code: 'K3',
        versions: '[1000:1000]={1}',
        numerators: '[1000:1000]={10}',
        denominators: '[1000:1000]={4}',
        missing: {},
        run_id: 2,
      },
    ])
  })

  test('two months through the staging table: the same rows, the missing month with its detail', async () => {
    const written = (await writeMonths(2)) as { figure_code: string; missing: object }[]
    expect(written.map((r) => r.figure_code)).toEqual(['K1', 'K2', 'K3'])
    expect(written[0]).toMatchObject({
      versions: '[998:1001]={1,1,1,1}',
      numerators: '[998:1001]={5,6,10,NULL}',
      missing: {
        [START - 1]: { reason: 'suppressed', month: '2083-04' },
        [START + 1]: { reason: 'not_delivered', month: '2083-05', indicator: 'elb', breakdown: 'total' },
      },
    })
    expect(written[1]).toMatchObject({ versions: '[998:1001]={1,1,NULL,NULL}', run_id: 1 })
    expect(written[2]).toMatchObject({ versions: '[1000:1001]={1,1}', numerators: '[1000:1001]={10,NULL}' })
  })

  test('one month with a missing value stores its detail under the month', async () => {
    await sql`delete from kpi_series_recent`.execute(t.database.db)
    const onlySecond = result('K1', 2)
    await sql`
      insert into kpi_series_recent (figure_code, breakdown, organisation_id, versions, numerators, denominators, missing, run_id)
      values ('K1', 'total', ${ORG}, ${`[${START}:${START}]={1}`}::smallint[], ${`[${START}:${START}]={10}`}::float8[],
        ${`[${START}:${START}]={4}`}::float8[], '{}', 1)
    `.execute(t.database.db)
    await t.database.transaction((tx) =>
      writeFigureResults(tx, {
        results: [onlySecond],
        startMonth: START,
        runId: 3,
        ranges: new Map([[ORG, { from: START + 1, to: START + 1 }]]),
        boundary: START - 10,
      }),
    )
    expect(await rows()).toEqual([
      {
        figure_code: 'K1',
        versions: '[1000:1001]={1,1}',
        numerators: '[1000:1001]={10,NULL}',
        denominators: '[1000:1001]={4,4}',
        missing: {
          [START + 1]: { reason: 'not_delivered', month: '2083-05', indicator: 'elb', breakdown: 'total' },
        },
        run_id: 3,
      },
    ])
  })
})
