/**
 * End to end: a tiny hand-made CSV for three job centres is imported, every figure computed and
 * stored, and the stored value, numerator, denominator and missing reason checked against
 * arithmetic done by hand (shown next to each expectation).
 *
 * Job centre A (06435) has simple constant series through 2020 and new values in 2021-01:
 *   llu 100 000 → 103 000, luh 50 000 → 49 000, elb 1 000 → 1 100, lzb 600 → 570,
 *   integrations 20 → 30; every other series is constant (see `constantA`).
 * Job centre B (06433) has the edge cases: elb missing in 2020-06, integrations suppressed in
 * 2020-03, lzb = 0 in 2020-12 and ae_elb = 0 all year.
 * Job centre C (06432) is A with 10 % more of everything (only for group statistics).
 */
import { describe, expect, test } from 'vitest'
import { sql } from 'kysely'
import type { AppError } from '../../core/errors/app-error'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { importFile } from '../imports/import-file'
import { computeKeyFigures } from './compute-key-figures'
import { createFigure } from './figure-catalogue'
import { computeFigureGroupStatistics } from './group-statistics'
import { readFigureValues } from './read-figure-values'
import { monthIndexOf } from './load-series'

const t = useTestDatabase()

const MONTHS_2020 = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`)
const MONTHS = [...MONTHS_2020, '2021-01']

/** A's 2020 level of every series; 2021-01 differs only where `january` says so. */
const constantA: Record<string, number> = {
  llu: 100_000,
  luh: 50_000,
  elb: 1000,
  elb_inflows: 50,
  elb_outflows: 40,
  integrations: 20,
  marginal_entries: 5,
  subsidised_entries: 2,
  continuous_after_integration: 12,
  ae_elb: 100,
  ae_integrations: 3,
  lzb: 600,
  lzb_inflows: 12,
  lzb_outflows: 18,
  lzb_integrations: 6,
  lzb_active: 90,
}
const january: Record<string, number> = { llu: 103_000, luh: 49_000, elb: 1100, lzb: 570, integrations: 30 }

function buildCsv(): string {
  const lines = ['org;indicator;period;breakdown;value']
  for (const [code, level] of Object.entries(constantA)) {
    for (const month of MONTHS) {
      const a = month === '2021-01' ? (january[code] ?? level) : level
      lines.push(`06435;${code};${month};total;${a}`)
      lines.push(`06432;${code};${month};total;${Math.round(a * 1.1 * 1000) / 1000}`)
      let b = String(a)
      if (code === 'elb' && month === '2020-06') continue
      if (code === 'integrations' && month === '2020-03') b = '*'
      if (code === 'lzb' && month === '2020-12') b = '0'
      if (code === 'ae_elb') b = '0'
      lines.push(`06433;${code};${month};total;${b}`)
    }
  }
  return `${lines.join('\n')}\n`
}

async function stored(org: number, code: string, month: string) {
  const row = await t.database.db
    .selectFrom('kpi_value')
    .select(['value', 'numerator', 'denominator', 'missing_reason', 'missing_detail', 'version'])
    .where('organisation_id', '=', org)
    .where('figure_code', '=', code)
    .where('breakdown', '=', 'total')
    .where('period', '=', `${month}-01`)
    .executeTakeFirstOrThrow()
  return row
}

describe('computing key figures from imported data', () => {
  const ids = { a: 0, b: 0, c: 0 }

  test('imports the hand-made file and computes every figure', async () => {
    const db = t.database.db
    await seedReferenceData(db)
    ids.a = await createJobcentre(db, { ags5: '06435' })
    ids.b = await createJobcentre(db, { ags5: '06433' })
    ids.c = await createJobcentre(db, { ags5: '06432' })
    const summary = await importFile(t.database, {
      fileName: 'hand-made.csv',
      bytes: new TextEncoder().encode(buildCsv()),
      now: new Date('2021-03-01T00:00:00Z'),
    })
    expect(summary.errors).toEqual([])
    const run = await computeKeyFigures(t.database)
    expect(run.kind).toBe('full')
    expect(run.figures).toBe(15)
    expect(run.organisations).toBe(3)
    // 13 months × 3 organisations × 15 figures (only the total breakdown was delivered)
    expect(run.valuesWritten).toBe(13 * 3 * 15)
  })

  test('K1, K1E1, K1E2, K3: change to the same month a year earlier, shown as (ratio − 1) · 100', async () => {
    // K1 2021-01 = 103 000 / 100 000 = 1.03 → (1.03 − 1) · 100 = 3
    expect(await stored(ids.a, 'K1', '2021-01')).toMatchObject({ numerator: 103_000, denominator: 100_000 })
    expect((await stored(ids.a, 'K1', '2021-01')).value).toBeCloseTo(3, 10)
    // K1E1 = 49 000 / 50 000 = 0.98 → −2
    const k1e1 = await stored(ids.a, 'K1E1', '2021-01')
    expect(k1e1).toMatchObject({ numerator: 49_000, denominator: 50_000 })
    expect(k1e1.value).toBeCloseTo(-2, 10)
    // K1E2 = 1 100 / 1 000 = 1.1 → 10
    expect((await stored(ids.a, 'K1E2', '2021-01')).value).toBeCloseTo(10, 10)
    // K3 = 570 / 600 = 0.95 → −5
    const k3 = await stored(ids.a, 'K3', '2021-01')
    expect(k3).toMatchObject({ numerator: 570, denominator: 600 })
    expect(k3.value).toBeCloseTo(-5, 10)
    // In 2020 there is no month twelve months back: missing, "no history", never 0.
    expect(await stored(ids.a, 'K1', '2020-06')).toMatchObject({
      value: null,
      missing_reason: 'no_history',
      missing_detail: { month: '2019-06', indicator: 'llu', breakdown: 'total' },
    })
  })

  test('K1E3, K3E3: mean of twelve monthly inflow rates (numerator = that mean, denominator = 1)', async () => {
    // K1E3 2021-01: months 2020-02 … 2021-01; eleven months 50 / 1 000 = 0.05, January 50 / 1 100
    // = 0.0454545…; mean = (11 · 0.05 + 0.0454545…) / 12 = 0.0496212… → 4.96212… %
    const k1e3 = await stored(ids.a, 'K1E3', '2021-01')
    expect(k1e3.numerator).toBeCloseTo((11 * 0.05 + 50 / 1100) / 12, 12)
    expect(k1e3.denominator).toBe(1)
    expect(k1e3.value).toBeCloseTo(4.962121212121, 9)
    // K3E3 2020-12: twelve months 12 / 600 = 0.02 → 2 %
    expect((await stored(ids.a, 'K3E3', '2020-12')).value).toBeCloseTo(2, 10)
  })

  test('K1E4, K3E4: mean of twelve monthly outflow rates on the previous month’s stock', async () => {
    // K1E4 2021-01: outflows(m) / elb(m − 1) for m = 2020-02 … 2021-01; elb(m − 1) is 1 000 in
    // each (2020-01 … 2020-12), so every rate is 40 / 1 000 = 0.04 → 4 %
    expect((await stored(ids.a, 'K1E4', '2021-01')).value).toBeCloseTo(4, 10)
    // 2020-12 would need elb of 2019-12: no history.
    expect((await stored(ids.a, 'K1E4', '2020-12')).missing_reason).toBe('no_history')
    // K3E4 2021-01: 18 / 600 = 0.03 in each month → 3 %
    expect((await stored(ids.a, 'K3E4', '2021-01')).value).toBeCloseTo(3, 10)
  })

  test('K2, K2E1 … K2E4, K3E1: twelve-month sums over mean stocks', async () => {
    // K2 2020-12: Σ integrations = 12 · 20 = 240; mean elb = 1 000 → 24 %
    expect(await stored(ids.a, 'K2', '2020-12')).toMatchObject({
      numerator: 240,
      denominator: 1000,
      value: 24,
    })
    // K2 2021-01: Σ = 11 · 20 + 30 = 250; mean elb = (11 · 1 000 + 1 100) / 12 = 1 008.333… → 24.7933… %
    const k2 = await stored(ids.a, 'K2', '2021-01')
    expect(k2.numerator).toBe(250)
    expect(k2.denominator).toBeCloseTo(12100 / 12, 10)
    expect(k2.value).toBeCloseTo((250 / (12100 / 12)) * 100, 10)
    // K2E1 2020-12: 12 · 5 = 60 / 1 000 → 6 %
    expect((await stored(ids.a, 'K2E1', '2020-12')).value).toBeCloseTo(6, 10)
    // K2E2 2020-12: 12 · 2 = 24 / 1 000 → 2.4 %
    expect((await stored(ids.a, 'K2E2', '2020-12')).value).toBeCloseTo(2.4, 10)
    // K2E3 2020-12: Σ continuous 12 · 12 = 144 / Σ integrations 240 → 60 %
    expect(await stored(ids.a, 'K2E3', '2020-12')).toMatchObject({ numerator: 144, denominator: 240 })
    expect((await stored(ids.a, 'K2E3', '2020-12')).value).toBeCloseTo(60, 10)
    // K2E4 2020-12: 12 · 3 = 36 / mean ae_elb 100 → 36 %
    expect((await stored(ids.a, 'K2E4', '2020-12')).value).toBeCloseTo(36, 10)
    // K3E1 2020-12: 12 · 6 = 72 / mean lzb 600 → 12 %
    expect((await stored(ids.a, 'K3E1', '2020-12')).value).toBeCloseTo(12, 10)
    // Before twelve months exist: no history.
    expect((await stored(ids.a, 'K2', '2020-11')).missing_reason).toBe('no_history')
  })

  test('K3E2: stock in active measures over stock in the same month', async () => {
    // 90 / 600 = 0.15 → 15 %
    expect(await stored(ids.a, 'K3E2', '2020-12')).toMatchObject({ numerator: 90, denominator: 600 })
    expect((await stored(ids.a, 'K3E2', '2020-12')).value).toBeCloseTo(15, 10)
  })

  test('a rolling figure needs all twelve months; division by zero is missing, not infinity', async () => {
    // B: integrations suppressed in 2020-03 → K2 2020-12 has an incomplete window; the detail
    // names the first gap (the numerator is checked first) and why that month is missing.
    expect(await stored(ids.b, 'K2', '2020-12')).toMatchObject({
      value: null,
      missing_reason: 'incomplete_window',
      missing_detail: { month: '2020-03', indicator: 'integrations', cause: 'suppressed' },
    })
    // K1E3 (inflows / elb) hits the missing elb month first.
    expect(await stored(ids.b, 'K1E3', '2020-12')).toMatchObject({
      missing_reason: 'incomplete_window',
      missing_detail: { month: '2020-06', indicator: 'elb', cause: 'not_delivered' },
    })
    // K3E2 2020-12: lzb = 0 → 90 / 0 is missing (division by zero), numerator kept.
    expect(await stored(ids.b, 'K3E2', '2020-12')).toMatchObject({
      value: null,
      numerator: 90,
      denominator: 0,
      missing_reason: 'division_by_zero',
    })
    // K2E4: mean ae_elb = 0 all year → division by zero, never Infinity.
    expect((await stored(ids.b, 'K2E4', '2020-12')).missing_reason).toBe('division_by_zero')
    const infinite = await sql<{ n: number }>`
      select count(*)::int as n from kpi_value where value in ('Infinity'::float8, '-Infinity'::float8) or value <> value
    `.execute(t.database.db)
    expect(infinite.rows[0]!.n).toBe(0)
  })

  test('group statistics list missing members with their reason and rank the others', async () => {
    const result = await computeFigureGroupStatistics(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      month: monthIndexOf('2020-12'),
      group: { kind: 'set', label: 'test', organisationIds: [ids.a, ids.b, ids.c], ringId: null },
    })
    // A: 24 %; C: 1.1 · 240 / (1.1 · 1 000) = 24 % as well → tie at rank 1 (then by name); B missing.
    expect(result.dto.n).toBe(2)
    expect(result.dto.missing).toBe(1)
    expect(result.dto.members.map((m) => [m.organisationId, m.rank])).toEqual([
      [ids.c, 1],
      [ids.a, 1],
      [ids.b, null],
    ])
    expect(result.dto.members[2]!.missing?.reason).toBe('incomplete_window')
    expect(result.dto.median).toBeCloseTo(24, 10)
  })

  test('a revision is recomputed incrementally and the old value stays readable as of before', async () => {
    const revised = await importFile(t.database, {
      fileName: 'revision.csv',
      bytes: new TextEncoder().encode(
        'org;indicator;period;breakdown;value\n06435;integrations;2021-01;total;42\n',
      ),
      now: new Date('2021-04-01T00:00:00Z'),
    })
    expect(revised.revisedValues).toBe(1)
    const run = await computeKeyFigures(t.database)
    expect(run.kind).toBe('incremental')
    expect(run.organisations).toBe(1)
    // Only A, only 2021-01 (the last month), and only its 15 figures were rewritten.
    expect(run.valuesWritten).toBe(15)
    // K2 2021-01 = (11 · 20 + 42) / (12 100 / 12) = 262 / 1 008.333… → 25.983… %
    expect((await stored(ids.a, 'K2', '2021-01')).numerator).toBe(262)
    const before = await readFigureValues(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      organisationIds: [ids.a],
      from: monthIndexOf('2021-01'),
      to: monthIndexOf('2021-01'),
      asOf: new Date('2021-03-15T00:00:00Z'),
    })
    expect(before.get(ids.a)![0]!.numerator).toBe(250)
    expect((await computeKeyFigures(t.database)).kind).toBe('up_to_date')
  })

  test('own figures: parsed with positions, unknown codes and cycles rejected, then computed', async () => {
    const base = {
      nameDe: 'Test',
      nameEn: 'Test',
      explanationDe: '',
      explanationEn: '',
      unit: '%',
      transform: 'percent' as const,
      polarity: 'higher_is_better' as const,
      hasSexBreakdown: false,
      validFrom: '2011-01',
      legalSource: '',
    }
    const broken = await createFigure(t.database, {
      request: { ...base, code: 'BAD', numerator: 'sum(integrations 12)', denominator: '1' },
      createdBy: 'test',
    }).then(
      () => null,
      (error: unknown) => error as AppError,
    )
    expect(broken?.message).toMatch(/BAD v1 numerator: Invalid formula "sum\(integrations 12\)": 1 problem/)
    expect(broken?.details[0]?.message).toMatch(/position \d+: expected/)
    const misspelt = await createFigure(t.database, {
      request: { ...base, code: 'BAD', numerator: 'integratons', denominator: 'elb' },
      createdBy: 'test',
    }).then(
      () => null,
      (error: unknown) => error as AppError,
    )
    expect(misspelt?.message).toMatch(/Invalid formula "integratons": 1 problem/)
    expect(misspelt?.details[0]).toMatchObject({
      key: 'formula.unknownCodeHint',
      message: expect.stringMatching(/did you mean integrations/),
    })
    await expect(
      createFigure(t.database, {
        request: { ...base, code: 'K2', numerator: 'elb', denominator: '1' },
        createdBy: 'test',
      }),
    ).rejects.toThrow(/official figure/)
    await createFigure(t.database, {
      request: {
        ...base,
        code: 'INTEGRATIONS_PER_LZB',
        numerator: 'sum(integrations, 12)',
        denominator: 'lzb',
      },
      createdBy: 'test',
    })
    // Defining a figure is a write: it is in the audit log with its definition.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_label'])
      .where('entity', '=', 'kpi_definition')
      .execute()
    expect(audit).toEqual([
      { action: 'kpi_definition.create', entity_id: 'INTEGRATIONS_PER_LZB v1', actor_label: 'test' },
    ])
    // A figure may not (indirectly) refer to itself.
    await createFigure(t.database, {
      request: { ...base, code: 'CYCLE_A', numerator: 'INTEGRATIONS_PER_LZB', denominator: '1' },
      createdBy: 'test',
    })
    await expect(
      createFigure(t.database, {
        request: {
          ...base,
          code: 'INTEGRATIONS_PER_LZB',
          numerator: 'CYCLE_A',
          denominator: '1',
          validFrom: '2020-01',
        },
        createdBy: 'test',
      }),
    ).rejects.toThrow(/cycle/)
    const run = await computeKeyFigures(t.database)
    expect(run.kind).toBe('full')
    expect(run.reason).toBe('figure definitions changed')
    // 2020-12: 240 / 600 = 0.4 → 40 %
    expect((await stored(ids.a, 'INTEGRATIONS_PER_LZB', '2020-12')).value).toBeCloseTo(40, 10)
  })
})
