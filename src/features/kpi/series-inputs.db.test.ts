/**
 * The kept raw values (migration 0021: one row per organisation, a line per series) read back as
 * they were written: values, suppressed and not-applicable months, months outside the range left
 * out, breakdowns with the line and field separators in them, and indicators no longer monthly
 * skipped.
 */
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { monthIndex } from '../../core/periods/period'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { layOutSeries, listMonthlyIndicators, parseMonths, type ParsedSeriesRow } from './load-series'
import { keepSeriesInputs, loadSeriesFromInputs } from './series-inputs'

const t = useTestDatabase()

/** Days since 1970-01-01 of the first day of a month index. */
const dayOf = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000

function row(options: {
  organisationId: number
  indicatorId: number
  breakdown: string
  entries: [month: number, value: string][]
}): ParsedSeriesRow {
  const days = options.entries.map(([m]) => dayOf(m)).join(',')
  return {
    row: {
      organisation_id: options.organisationId,
      indicator_id: options.indicatorId,
      breakdown: options.breakdown,
      days,
      values: options.entries.map(([, v]) => v).join(','),
    },
    months: parseMonths(days),
  }
}

describe('kept raw values', () => {
  test('read back per organisation as written', async () => {
    const db = t.database.db
    await seedReferenceData(db)
    const a = await createJobcentre(db, { ags5: '06435' })
    const b = await createJobcentre(db, { ags5: '06433' })
    const codeOf = await listMonthlyIndicators(db)
    const [elb, other] = [...codeOf.keys()]
    const m = monthIndex(2024, 1)
    const odd = 'a|b\n"c",d%'
    await t.database.transaction((tx) =>
      keepSeriesInputs(tx, {
        fromMonth: m,
        loaded: layOutSeries(
          [
            row({
              organisationId: a,
              indicatorId: elb!,
              breakdown: 'total',
              entries: [
                [m, '10'],
                [m + 1, '12.5'],
              ],
            }),
            row({
              organisationId: a,
              indicatorId: elb!,
              breakdown: odd,
              entries: [
                [m, 's'],
                [m + 1, 'a'],
              ],
            }),
            row({ organisationId: a, indicatorId: other!, breakdown: 'total', entries: [[m + 1, '-3']] }),
            row({
              organisationId: b,
              indicatorId: elb!,
              breakdown: 'total',
              entries: [
                [m - 1, '7'],
                [m, ''],
              ],
            }),
          ],
          codeOf,
          {},
        ),
      }),
    )
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from kpi_input_kept`.execute(db)).rows[0]!.n,
    ).toBe(2)

    const loaded = await loadSeriesFromInputs(db, {
      organisationIds: [a, b],
      fromMonth: m,
      toMonth: m + 1,
      pending: [],
    })
    expect(loaded.startMonth).toBe(m)
    const series = (org: number, breakdown: string, id: number) =>
      loaded.series.get(org)?.get(breakdown)?.get(codeOf.get(id)!)
    expect([...series(a, 'total', elb!)!.values]).toEqual([10, 12.5])
    expect([...series(a, 'total', other!)!.values]).toEqual([NaN, -3])
    const suppressed = series(a, odd, elb!)!
    expect([...suppressed.values]).toEqual([NaN, NaN])
    expect(suppressed.reasons).toEqual(['suppressed', 'not_applicable'])
    // b's month before the range is ignored; its delivered-empty month stays missing.
    expect([...series(b, 'total', elb!)!.values]).toEqual([NaN, NaN])

    // The pending batches' values replace the kept ones month by month, reasons included.
    const revised = await loadSeriesFromInputs(db, {
      organisationIds: [a],
      fromMonth: m,
      toMonth: m + 1,
      pending: [
        {
          organisation_id: a,
          series: `${elb}|${dayOf(m + 1)}|a|total\n${elb}|${dayOf(m)}|4|${encodeURIComponent(odd)}`,
        },
      ],
    })
    const own = (breakdown: string) => revised.series.get(a)!.get(breakdown)!.get(codeOf.get(elb!)!)!
    expect([...own('total').values]).toEqual([10, NaN])
    expect(own('total').reasons).toEqual([undefined, 'not_applicable'])
    expect([...own(odd).values]).toEqual([4, NaN])
    expect(own(odd).reasons).toEqual([undefined, 'not_applicable'])

    // An indicator that is no longer monthly is left out, as the query on observation does.
    await sql`update indicator set frequency = 'yearly' where id = ${other!}`.execute(db)
    const after = await loadSeriesFromInputs(db, {
      organisationIds: [a],
      fromMonth: m,
      toMonth: m + 1,
      pending: [],
    })
    expect(after.series.get(a)?.get('total')?.has(codeOf.get(other!)!)).toBe(false)
    expect([...after.series.get(a)!.get('total')!.get(codeOf.get(elb!)!)!.values]).toEqual([10, 12.5])
  })
})
