/**
 * Incremental computations give the values of a full one, value by value: three job centres with
 * every raw series and breakdown are imported and computed in full, then months arrive one import
 * at a time (new months, a revision of an old month, a job centre that stops delivering), each
 * computed incrementally, and every stored value (through the kpi_value view and through
 * findStoredValues, the readers' path) is compared with a full recomputation of the same data.
 * New months go into the short recent rows (migration 0018); after two years of them they are
 * folded into kpi_series, which the last case crosses.
 */
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { formatPeriod, monthFromIndex, monthIndex } from '../../core/periods/period'
import { createRandom } from '../../core/random'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { RAW_INDICATORS } from '../indicators/catalogue'
import { importFile } from '../imports/import-file'
import { computeKeyFigures } from './compute-key-figures'
import { findStoredValues } from './kpi-value.repository'

const t = useTestDatabase()
const AGS = ['06435', '06433', '06432']
const FIRST = monthIndex(2019, 1)
const random = createRandom(16)

/** Long CSV rows of every series and breakdown for the given job centres and months. */
function csv(agsList: readonly string[], months: readonly number[]): Uint8Array {
  const lines = ['org;indicator;period;breakdown;value']
  for (const ags of agsList)
    for (const indicator of RAW_INDICATORS)
      for (const breakdown of indicator.breakdowns)
        for (const m of months) {
          const level = indicator.code === 'llu' || indicator.code === 'luh' ? 100_000 : 1000
          const value = Math.round(level * (0.5 + random()))
          lines.push(`${ags};${indicator.code};${formatPeriod(monthFromIndex(m))};${breakdown};${value}`)
        }
  return new TextEncoder().encode(`${lines.join('\n')}\n`)
}

let imports = 0
async function importMonths(agsList: readonly string[], months: readonly number[]): Promise<void> {
  imports++
  const summary = await importFile(t.database, {
    fileName: `import-${imports}.csv`,
    bytes: csv(agsList, months),
    now: new Date(Date.UTC(2030, 0, imports)),
  })
  expect(summary.errors).toEqual([])
}

/** Every stored value in a fixed order, without the run that wrote it. */
async function storedFigures(): Promise<string> {
  const rows = await sql<Record<string, unknown>>`
    select figure_code, breakdown, organisation_id, period::text, version, value, numerator, denominator,
           missing_reason, missing_detail
    from kpi_value order by figure_code, breakdown, organisation_id, period
  `.execute(t.database.db)
  return JSON.stringify(rows.rows)
}

/** The same values as the readers get them, one figure and breakdown at a time. */
async function readerValues(organisationIds: number[]): Promise<string> {
  const figures = await sql<{ figure_code: string; breakdown: string }>`
    select distinct figure_code, breakdown from kpi_value order by figure_code, breakdown
  `.execute(t.database.db)
  const all = []
  for (const f of figures.rows) {
    const rows = await findStoredValues(t.database.db, {
      code: f.figure_code,
      breakdown: f.breakdown,
      organisationIds,
      from: FIRST - 12,
      to: FIRST + 120,
    })
    rows.sort((a, b) => a.organisationId - b.organisationId || a.period - b.period)
    all.push(f, rows)
  }
  return JSON.stringify(all)
}

/**
 * The raw values a run keeps for the next one (migrations 0020, 0021) are the current values of
 * observation, entry by entry, from the run's input_from_month on.
 */
async function expectKeptInputsCurrent(): Promise<void> {
  const run = await sql<{ m: string | null }>`
    select input_from_month::text as m from kpi_run order by id desc limit 1
  `.execute(t.database.db)
  const from = run.rows[0]!.m
  expect(from).not.toBeNull()
  const entries = (rows: { o: number; i: number; b: string; days: string; values: string }[]) =>
    rows
      .flatMap((r) => {
        const values = r.values.split(',')
        return r.days.split(',').map((d, k) => `${r.o}|${r.i}|${r.b}|${d}|${values[k]}`)
      })
      .filter((e) => Number(e.split('|')[3]) >= Date.parse(from!) / 86_400_000)
      .sort()
  // An organisation's parts in order (migration 0023): a later line's month replaces an earlier one's.
  const keptRows = await sql<{ o: number; series: string }>`
    select organisation_id as o, series from kpi_input_kept order by organisation_id, part
  `.execute(t.database.db)
  const latest = new Map<string, { o: number; i: number; b: string; days: string; values: string }>()
  for (const { o, series } of keptRows.rows)
    for (const line of series.split('\n')) {
      const [i, days, values, b] = line.split('|')
      const valueList = values!.split(',')
      days!.split(',').forEach((d, k) =>
        latest.set(`${o}|${i}|${b}|${d}`, {
          o,
          i: Number(i),
          b: decodeURIComponent(b!),
          days: d,
          values: valueList[k]!,
        }),
      )
    }
  const kept = [...latest.values()]
  const current = await sql<{ o: number; i: number; b: string; days: string; values: string }>`
    select o.organisation_id as o, o.indicator_id as i, o.breakdown as b,
      (o.period - date '1970-01-01')::text as days,
      coalesce(o.value::text, case o.missing_reason
        when 'suppressed' then 's' when 'not_applicable' then 'a' else '' end) as values
    from observation o join indicator i on i.id = o.indicator_id and i.frequency = 'monthly'
    where o.is_current and o.period >= ${from}::date
  `.execute(t.database.db)
  const expected = entries(current.rows)
  expect(expected.length).toBeGreaterThan(100)
  expect(entries(kept)).toEqual(expected)
}

async function expectIncrementalEqualsFull(organisationIds: number[]): Promise<void> {
  const run = await computeKeyFigures(t.database)
  expect(run.kind).toBe('incremental')
  await expectKeptInputsCurrent()
  const incremental = await storedFigures()
  const incrementalReaders = await readerValues(organisationIds)
  expect(incremental.length).toBeGreaterThan(10_000)
  expect((await computeKeyFigures(t.database, { isFull: true })).kind).toBe('full')
  // Compared as whole texts first (fast), then row by row for a readable difference.
  if (incremental !== (await storedFigures())) {
    const a = JSON.parse(incremental) as unknown[]
    const b = JSON.parse(await storedFigures()) as unknown[]
    const at = a.findIndex((row, k) => JSON.stringify(row) !== JSON.stringify(b[k]))
    expect(a.slice(at, at + 3)).toEqual(b.slice(at, at + 3))
  }
  if (incrementalReaders !== (await readerValues(organisationIds)))
    expect(JSON.parse(incrementalReaders)).toEqual(JSON.parse(await readerValues(organisationIds)))
}

/** The most kept parts of an organisation (migration 0023). */
const mostKeptParts = async () =>
  (
    await sql<{ n: number }>`
      select coalesce(max(n), 0)::int as n from (select count(*) as n from kpi_input_kept group by organisation_id) p
    `.execute(t.database.db)
  ).rows[0]!.n

const recentRows = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from kpi_series_recent`.execute(t.database.db)).rows[0]!
    .n

describe('incremental key figures', () => {
  const ids: number[] = []
  const months = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k)

  test('a new month, computed incrementally, equals a full computation', async () => {
    await seedReferenceData(t.database.db)
    for (const ags5 of AGS) ids.push(await createJobcentre(t.database.db, { ags5 }))
    await importMonths(AGS, months(FIRST, 14))
    expect((await computeKeyFigures(t.database)).kind).toBe('full')
    expect(await recentRows()).toBe(0)
    await importMonths(AGS, [FIRST + 14])
    const run = await computeKeyFigures(t.database)
    expect(run.kind).toBe('incremental')
    // Only the new month was written, into the recent rows; its raw values were appended to the kept ones.
    expect(run.lastMonth).toBe(formatPeriod(monthFromIndex(FIRST + 14)))
    expect(await recentRows()).toBe(run.valuesWritten)
    expect(await mostKeptParts()).toBe(2)
    await importMonths(AGS, [FIRST + 15])
    await expectIncrementalEqualsFull(ids)
  })

  test('revisions of old months, a silent job centre and new months equal a full computation', async () => {
    // After the full run above every month is in kpi_series again; three new months go to the recent rows.
    await importMonths(AGS, [FIRST + 16])
    expect((await computeKeyFigures(t.database)).kind).toBe('incremental')
    await importMonths(AGS.slice(0, 2), [FIRST + 17])
    expect((await computeKeyFigures(t.database)).kind).toBe('incremental')
    // A revision straddles the boundary: months before it in kpi_series, later ones in the recent rows.
    await importMonths(AGS.slice(1), [FIRST + 5, FIRST + 16])
    await importMonths(AGS.slice(0, 1), [FIRST + 18])
    await expectIncrementalEqualsFull(ids)
  })

  test('recent rows folded into kpi_series after two years keep every value', async () => {
    const last = FIRST + 18
    for (let k = 1; k <= 26; k++) {
      await importMonths(AGS.slice(0, 2), [last + k])
      if (k < 26) expect((await computeKeyFigures(t.database)).kind).toBe('incremental')
    }
    // The 25th month after the boundary folded the recent rows into kpi_series before it was written.
    const recentMonths = await sql<{ n: number }>`
      select max(array_upper(versions, 1) - array_lower(versions, 1) + 1)::int as n from kpi_series_recent
    `.execute(t.database.db)
    expect(recentMonths.rows[0]!.n).toBe(1)
    // 25 months appended, yet an organisation's parts were rewritten as one when they grew to 4-6.
    expect(await mostKeptParts()).toBeLessThanOrEqual(6)
    await expectIncrementalEqualsFull(ids)
  }, 120_000)

  test('suppressed values and their revisions in the kept months equal a full computation', async () => {
    // Month by month from the kept raw values (migration 0020): a suppressed value arrives, is revised
    // to a number while another becomes suppressed, then a month with nothing but a revision.
    const last = FIRST + 18 + 26
    const lines = (rows: string[]) =>
      new TextEncoder().encode(`${['org;indicator;period;breakdown;value', ...rows].join('\n')}\n`)
    const at = (k: number) => formatPeriod(monthFromIndex(last + k))
    const importLines = async (rows: string[]) => {
      imports++
      const summary = await importFile(t.database, {
        fileName: `import-${imports}.csv`,
        bytes: lines(rows),
        now: new Date(Date.UTC(2030, 0, imports)),
      })
      expect(summary.errors).toEqual([])
    }
    await importMonths(AGS, [last + 1])
    await importLines([`${AGS[0]};elb;${at(1)};total;*`, `${AGS[1]};integrations;${at(1)};women;*`])
    expect((await computeKeyFigures(t.database)).kind).toBe('incremental')
    await expectKeptInputsCurrent()
    await importMonths(AGS, [last + 2])
    await importLines([`${AGS[0]};elb;${at(1)};total;1234`, `${AGS[1]};elb;${at(2)};total;*`])
    await expectIncrementalEqualsFull(ids)
    await importLines([`${AGS[1]};elb;${at(2)};total;999`])
    await expectIncrementalEqualsFull(ids)
  }, 120_000)

  test('a job centre whose first values arrive is computed in full, then month by month', async () => {
    const last = FIRST + 18 + 26 + 2
    await importMonths(AGS, [last + 1])
    expect((await computeKeyFigures(t.database)).kind).toBe('incremental')
    const newcomer = '06434'
    ids.push(await createJobcentre(t.database.db, { ags5: newcomer }))
    await importMonths([...AGS, newcomer], [last + 2])
    // Its earlier months need figures too ("not delivered"), as a full computation gives them.
    const run = await computeKeyFigures(t.database)
    expect(run.kind).toBe('full')
    expect(run.reason).toBe(`first values of organisation(s) ${ids.at(-1)}`)
    await importMonths([...AGS, newcomer], [last + 3])
    await expectIncrementalEqualsFull(ids)
  }, 120_000)
})
