import { describe, expect, it } from 'vitest'
import { RAW_INDICATORS } from '../../features/indicators/catalogue'
import { AppError } from '../errors/app-error'
import { formatPeriod, monthFromIndex, monthIndex } from '../periods/period'
import { evaluateFigure, evaluateFigures, type MonthlySeries, type OrganisationSeries } from './evaluate'
import type { FigureDefinition } from './figure-definition'
import { OFFICIAL_FIGURES } from './official-figures'

const INDICATORS = RAW_INDICATORS.map((i) => i.code)
const START = '2020-01'
const MONTHS = 26 // 2020-01 … 2022-02

function series(f: (i: number) => number, reasons?: MonthlySeries['reasons']): MonthlySeries {
  return { values: Float64Array.from({ length: MONTHS }, (_, i) => f(i)), reasons }
}

function organisation(byBreakdown: Record<string, Record<string, MonthlySeries>>): OrganisationSeries {
  return new Map(Object.entries(byBreakdown).map(([b, s]) => [b, new Map(Object.entries(s))]))
}

function evaluate(
  code: string,
  org: OrganisationSeries,
  definitions: readonly FigureDefinition[] = OFFICIAL_FIGURES,
) {
  return evaluateFigure({
    code,
    definitions,
    indicatorCodes: INDICATORS,
    series: org,
    breakdown: 'total',
    startMonth: START,
  })
}

function custom(code: string, numerator: string, denominator: string, extra: Partial<FigureDefinition> = {}) {
  const base = OFFICIAL_FIGURES.find((f) => f.code === 'K2')!
  return { ...base, code, numerator, denominator, ...extra }
}

/** The total of `indicator` is missing because the window starts in 2019-12, before the data. */
const noHistory = (indicator: string) => ({
  reason: 'no_history',
  month: '2019-12',
  indicator,
  breakdown: 'total',
})

describe('evaluate the official figures', () => {
  // integrations(i) = i + 1, elb(i) = 100 + 10·i
  const org = organisation({
    total: {
      integrations: series((i) => i + 1),
      elb: series((i) => 100 + 10 * i),
      llu: series((i) => 1000 + 10 * i),
      elb_outflows: series((i) => (i === 12 ? 20 : 10)),
    },
  })

  it('K2 = Σ integrations over 12 months / mean ELB over 12 months', () => {
    const k2 = evaluate('K2', org)
    // offset 11 (2020-12): Σ(1…12) = 78; mean(100, 110, …, 210) = 155; 78 / 155 = 0.503225806451613
    expect(k2.numerator[11]).toBe(78)
    expect(k2.denominator[11]).toBe(155)
    expect(k2.ratio[11]).toBeCloseTo(78 / 155, 15)
    expect(k2.value[11]).toBeCloseTo(50.3225806451613, 12)
    // offset 12 (2021-01): Σ(2…13) = 90; mean(110 … 220) = 165; 90 / 165 = 54.5454…%
    expect(k2.value[12]).toBeCloseTo(54.54545454545454, 12)
    // offset 10: the window would start in 2019-12, before the data
    expect(k2.missing[10]).toEqual(noHistory('integrations'))
    expect(k2.missing[11]).toBeUndefined()
  })

  it('K1 is shown as a change rate: (ratio − 1) · 100', () => {
    const k1 = evaluate('K1', org)
    // offset 12: llu = 1120, a year earlier 1000 → ratio 1.12 → +12 %
    expect(k1.numerator[12]).toBe(1120)
    expect(k1.denominator[12]).toBe(1000)
    expect(k1.value[12]).toBeCloseTo(12, 12)
    // offset 25: 1250 / 1130 = 1.106194690265… → 10.6194690265 %
    expect(k1.value[25]).toBeCloseTo(10.619469026548673, 11)
    expect(k1.missing[11]).toEqual(noHistory('llu'))
  })

  it('K1E4 averages outflows(m) / ELB(m − 1) over 12 months', () => {
    const k1e4 = evaluate('K1E4', org)
    // offset 12: months 1…12, outflows 10 except 20 at 12; ELB(m − 1) = 100 + 10·(m − 1)
    // = (10/100 + 10/110 + … + 10/200 + 20/210) / 12
    let expected = 0
    for (let m = 1; m <= 12; m++) expected += (m === 12 ? 20 : 10) / (100 + 10 * (m - 1))
    expected /= 12
    expect(k1e4.denominator[12]).toBe(1)
    expect(k1e4.numerator[12]).toBeCloseTo(expected, 15)
    expect(k1e4.value[12]).toBeCloseTo(expected * 100, 13)
    // offset 11 needs ELB of 2019-12 for its first month
    expect(k1e4.missing[11]).toMatchObject({ reason: 'no_history', month: '2019-12', indicator: 'elb' })
  })

  it('K1E4 with constant ELB gives the textbook number', () => {
    const flat = organisation({
      total: { elb: series(() => 200), elb_outflows: series((i) => (i === 12 ? 20 : 10)) },
    })
    // (11 · 10/200 + 20/200) / 12 = (0.55 + 0.1) / 12 = 0.0541666… → 5.41666…%
    expect(evaluate('K1E4', flat).value[12]).toBeCloseTo(5.416666666666667, 13)
  })

  it('marks a window with a gap as incomplete, naming indicator, month and cause', () => {
    const gap = organisation({
      total: {
        integrations: series(
          (i) => (i === 14 ? NaN : 5),
          Array.from({ length: MONTHS }, (_, i) => (i === 14 ? 'suppressed' : undefined)),
        ),
        elb: series(() => 100),
      },
    })
    const k2 = evaluate('K2', gap)
    // every window containing offset 14 (2021-03): offsets 14 … 25
    for (let i = 14; i < MONTHS; i++) {
      expect(k2.missing[i]).toEqual({
        reason: 'incomplete_window',
        month: '2021-03',
        indicator: 'integrations',
        breakdown: 'total',
        cause: 'suppressed',
      })
      expect(Number.isNaN(k2.value[i])).toBe(true)
    }
    // offset 13: Σ = 12 · 5 = 60, mean ELB = 100 → 60 %
    expect(k2.value[13]).toBeCloseTo(60, 12)
  })

  it('propagates a data reason of the month itself and reports missing series as not delivered', () => {
    const org2 = organisation({
      total: {
        lzb: series(
          (i) => (i === 3 ? 0 : i === 4 ? NaN : 50),
          Array.from({ length: MONTHS }, (_, i) => (i === 4 ? 'not_applicable' : undefined)),
        ),
        lzb_active: series(() => 10),
      },
    })
    const k3e2 = evaluate('K3E2', org2)
    expect(k3e2.value[0]).toBeCloseTo(20, 13) // 10 / 50
    expect(k3e2.missing[3]).toEqual({ reason: 'division_by_zero', month: '2020-04' })
    expect(k3e2.missing[4]).toEqual({
      reason: 'not_applicable',
      month: '2020-05',
      indicator: 'lzb',
      breakdown: 'total',
    })
    expect(Number.isFinite(k3e2.value[3])).toBe(false)
    const k3e1 = evaluate('K3E1', org2)
    expect(k3e1.missing[20]).toMatchObject({
      reason: 'incomplete_window',
      indicator: 'lzb_integrations',
      cause: 'not_delivered',
      month: '2020-10',
    })
  })
})

describe('definitions beyond the official ones', () => {
  const org = organisation({
    total: { integrations: series(() => 8), elb: series(() => 100) },
    women: { integrations: series(() => 2), elb: series(() => 40) },
  })

  it('selects breakdowns inside a formula', () => {
    const share = custom('SHARE_W', 'sum(integrations[women], 12)', 'sum(integrations, 12)')
    // 12 · 2 / (12 · 8) = 0.25
    expect(evaluate('SHARE_W', org, [share]).value[20]).toBeCloseTo(25, 13)
    const whole = custom('RATE_W', '(sum(integrations, 12) / mean(elb, 12))[women]', '1')
    // 24 / 40 = 0.6
    expect(evaluate('RATE_W', org, [whole]).value[20]).toBeCloseTo(60, 13)
  })

  it('lets figures reference other figures (by their ratio)', () => {
    const double = custom('K2X2', 'K2 * 2', '1')
    // K2 = 96 / 100 = 0.96 → 1.92 → 192 %
    expect(evaluate('K2X2', org, [...OFFICIAL_FIGURES, double]).value[20]).toBeCloseTo(192, 12)
  })

  it('rejects cycles naming them', () => {
    const a = custom('K_A', 'K_B', '1')
    const b = custom('K_B', 'K_A + 1', '1')
    expect(() => evaluate('K_A', org, [a, b])).toThrowError(/K_A → K_B → K_A/)
  })

  it('switches to a later version in the month it takes effect', () => {
    const v2 = custom('K2', 'sum(integrations, 6)', 'mean(elb, 6)', { version: 2, validFrom: '2021-01-01' })
    const k2 = evaluate('K2', org, [...OFFICIAL_FIGURES, v2])
    expect(k2.versions[11]).toBe(1)
    expect(k2.value[11]).toBeCloseTo(96, 12) // 12 · 8 / 100
    expect(k2.versions[12]).toBe(2)
    expect(k2.value[12]).toBeCloseTo(48, 12) // 6 · 8 / 100
  })

  it('marks months before the first version as not applicable', () => {
    const late = custom('LATE', 'integrations', 'elb', { validFrom: '2021-06-01' })
    const r = evaluate('LATE', org, [late])
    expect(r.missing[16]).toEqual({ reason: 'not_applicable', month: '2021-05' })
    expect(r.value[17]).toBeCloseTo(8, 13)
  })

  it('supports change() and unary minus', () => {
    const growth = organisation({ total: { elb: series((i) => 100 * 1.01 ** i) } })
    const def = custom('NEG', '-change(elb, 12)', '1')
    // change = 1.01^12 = 1.1268250301319698
    expect(evaluate('NEG', growth, [def]).ratio[15]).toBeCloseTo(-1.1268250301319698, 13)
  })

  it('rejects formulas with unknown codes before evaluating', () => {
    const bad = custom('BAD', 'sum(intgrations, 12)', 'elb')
    const run = () => evaluate('BAD', org, [bad])
    expect(run).toThrowError(AppError)
    expect(run).toThrowError(/Invalid formula "sum\(intgrations, 12\)": 1 problem/)
    const details = (() => {
      try {
        run()
      } catch (error) {
        return (error as AppError).details
      }
    })()
    expect(details?.[0]?.message).toMatch(/did you mean integrations/)
  })
})

describe('rolling windows against a naive implementation', () => {
  it('agree on random data with gaps', () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const n = 200
    const values = Float64Array.from({ length: n }, () => (random() < 0.05 ? NaN : random() * 1000))
    const org = organisation({
      total: { integrations: { values }, elb: { values: new Float64Array(n).fill(1) } },
    })
    const def = custom('W', 'sum(integrations, 7)', 'mean(elb, 7)')
    const r = evaluateFigure({
      code: 'W',
      definitions: [def],
      indicatorCodes: INDICATORS,
      series: org,
      breakdown: 'total',
      startMonth: START,
    })
    for (let i = 0; i < n; i++) {
      let sum = 0
      let isComplete = i >= 6
      for (let j = Math.max(0, i - 6); j <= i; j++) {
        if (Number.isNaN(values[j]!)) isComplete = false
        sum += values[j]!
      }
      if (isComplete) expect(r.numerator[i]).toBeCloseTo(sum, 9)
      else expect(r.missing[i]).toBeDefined()
    }
  })
})

describe('evaluateFigures (bulk)', () => {
  it('evaluates every figure × organisation × breakdown, sex-split figures only where defined', () => {
    const full = (value: number) =>
      Object.fromEntries(INDICATORS.map((code) => [code, series(() => value)])) as Record<
        string,
        MonthlySeries
      >
    const orgs = new Map([
      ['a', organisation({ total: full(100), women: full(50), men: full(50) })],
      ['b', organisation({ total: full(80) })],
    ])
    const results = evaluateFigures({
      definitions: OFFICIAL_FIGURES,
      indicatorCodes: INDICATORS,
      startMonth: START,
      series: orgs,
    })
    // a: 2 figures total only + 13 × 3 breakdowns = 41; b: 15 total
    expect(results.filter((r) => r.orgId === 'a')).toHaveLength(41)
    expect(results.filter((r) => r.orgId === 'b')).toHaveLength(15)
    const k2 = results.find((r) => r.orgId === 'b' && r.code === 'K2')!
    expect(k2.value[25]).toBeCloseTo(1200, 10) // 12 · 80 / 80
  })

  it('leaves the history months out of the results, the months after them as without history', () => {
    // A second version of K2 from 2021-06 on, and K1 defined only from 2020-03 on (not applicable before).
    const definitions = [
      ...OFFICIAL_FIGURES.map((f) => (f.code === 'K1' ? { ...f, validFrom: '2020-03-01' } : f)),
      {
        ...OFFICIAL_FIGURES.find((f) => f.code === 'K2')!,
        version: 2,
        validFrom: '2021-06-01',
        numerator: 'sum(integrations, 12) * 2',
      },
    ]
    const orgs = new Map([
      [
        'a',
        organisation({
          total: Object.fromEntries(
            INDICATORS.map((code, k) => [code, series((i) => (i === 20 ? NaN : 100 + k + 3 * i))]),
          ),
        }),
      ],
    ])
    const options = { definitions, indicatorCodes: INDICATORS, startMonth: START, series: orgs }
    const all = evaluateFigures(options)
    for (const history of [0, 1, 13, 20, 26]) {
      const later = evaluateFigures({ ...options, historyMonths: history })
      expect(later).toHaveLength(all.length)
      for (const [k, r] of later.entries()) {
        const whole = all[k]!
        expect(r.startMonth).toBe(formatPeriod(monthFromIndex(monthIndex(2020, 1) + history)))
        expect([...r.value]).toEqual([...whole.value.subarray(history)])
        expect([...r.numerator]).toEqual([...whole.numerator.subarray(history)])
        expect([...r.denominator]).toEqual([...whole.denominator.subarray(history)])
        expect([...r.versions]).toEqual([...whole.versions.subarray(history)])
        expect(r.missing).toEqual(whole.missing.slice(history))
      }
    }
  })
})
