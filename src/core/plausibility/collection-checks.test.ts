import { describe, expect, it } from 'vitest'
import { message, render } from '../messages/text'
import {
  breakdownDifference,
  cellKey,
  changeBeyondThreshold,
  checkCollectedValues,
  checkRange,
  previousPeriod,
  robustZScore,
  type CollectedIndicator,
} from './collection-checks'

const caseload: CollectedIndicator = {
  code: 'caseload_staff',
  unit: 'persons',
  allowedMin: 0,
  allowedMax: 400,
  breakdowns: ['total'],
}
const objections: CollectedIndicator = {
  code: 'objections',
  unit: 'persons',
  allowedMin: null,
  allowedMax: null,
  breakdowns: ['total', 'women', 'men'],
}

describe('the allowed range', () => {
  it('blocks values outside the range and negative counts, naming the limit', () => {
    expect(checkRange(caseload, 150)).toBeNull()
    expect(checkRange(caseload, 0)).toBeNull()
    expect(checkRange(caseload, 400)).toBeNull()
    expect(checkRange(caseload, 401)).toEqual({
      code: 'above_maximum',
      text: message('collection.aboveMaximum', { code: 'caseload_staff', value: 401, max: 400 }),
    })
    expect(render('en', checkRange(caseload, 401)!.text)).toBe(
      'caseload_staff: 401 is above the allowed maximum 400',
    )
    expect(render('de', checkRange(caseload, 4000)!.text)).toBe(
      'caseload_staff: 4.000 liegt über dem erlaubten Höchstwert 400',
    )
    expect(checkRange({ ...caseload, allowedMin: 10 }, 9.5)?.code).toBe('below_minimum')
    expect(checkRange(objections, -1)?.code).toBe('negative')
    expect(checkRange(objections, Number.NaN)?.code).toBe('not_finite')
    expect(checkRange({ ...objections, unit: '%' }, -1)).toBeNull()
  })
})

describe('the change against the previous period', () => {
  it('warns beyond the threshold in either direction, not at it', () => {
    expect(changeBeyondThreshold(130, 100, 30)).toBeNull()
    expect(changeBeyondThreshold(131, 100, 30)).toBeCloseTo(31)
    expect(changeBeyondThreshold(69, 100, 30)).toBeCloseTo(-31)
    expect(changeBeyondThreshold(-50, -100, 30)).toBeCloseTo(50)
  })
  it('says nothing without a previous value or from zero', () => {
    expect(changeBeyondThreshold(500, null, 30)).toBeNull()
    expect(changeBeyondThreshold(500, 0, 30)).toBeNull()
  })
  it('knows the period before a year and a month', () => {
    expect(previousPeriod('2025')).toBe('2024')
    expect(previousPeriod('2025-01')).toBe('2024-12')
  })
})

describe('robust outliers against the group', () => {
  const group = [100, 102, 98, 105, 95, 101]
  it('scores by median and MAD (hand-computed)', () => {
    // median 100.5; deviations 0.5 0.5 1.5 2.5 4.5 5.5 → MAD 2; 1.4826 · 2 = 2.9652
    expect(robustZScore(130, group, 5)).toBeCloseTo(29.5 / 2.9652, 6)
    expect(robustZScore(100.5, group, 5)).toBe(0)
  })
  it('uses the mean absolute deviation when most values are equal', () => {
    // median 10, MAD 0; mean absolute deviation (0+0+0+0+5)/5 = 1 → (15 − 10) / 1.2533
    expect(robustZScore(15, [10, 10, 10, 10, 15], 5)).toBeCloseTo(5 / 1.2533, 6)
  })
  it('does not judge against a small group or one without spread', () => {
    expect(robustZScore(1000, [1, 2, 3, 4], 5)).toBeNull()
    expect(robustZScore(1000, [7, 7, 7, 7, 7], 5)).toBeNull()
  })
})

describe('breakdowns that do not add up', () => {
  it('gives the difference beyond rounding', () => {
    expect(breakdownDifference(100, [60, 40])).toBeNull()
    expect(breakdownDifference(100, [60, 40.4])).toBeNull()
    expect(breakdownDifference(100, [60, 45])).toBe(5)
    expect(breakdownDifference(10_000, [5000, 5009])).toBeNull()
    expect(breakdownDifference(10_000, [5000, 5011])).toBe(11)
  })
  it('waits until every part and the total are there', () => {
    expect(breakdownDifference(100, [60, null])).toBeNull()
    expect(breakdownDifference(null, [60, 45])).toBeNull()
  })
})

describe('a whole form', () => {
  const previous = new Map([
    [cellKey({ indicator: 'caseload_staff', period: '2025', breakdown: 'total' }), 140],
    [cellKey({ indicator: 'objections', period: '2025', breakdown: 'men' }), 20],
  ])
  /** The values of 2025: the staff caseload, and the objections in total, of women and of men. */
  const values2025 = (caseload: number, objections: Record<'total' | 'women' | 'men', number | null>) => [
    { indicator: 'caseload_staff', period: '2025', breakdown: 'total', value: caseload },
    ...Object.entries(objections).map(([breakdown, value]) => ({
      indicator: 'objections',
      period: '2025',
      breakdown,
      value,
    })),
  ]
  const group = new Map([
    [cellKey({ indicator: 'caseload_staff', period: '2025', breakdown: 'total' }), [140, 150, 145, 155, 160]],
  ])

  it('finds an error, a change, an outlier, a sum that does not add up and a value missing again', () => {
    const findings = checkCollectedValues({
      indicators: [caseload, objections],
      values: values2025(390, { total: 50, women: 30, men: null }),
      previous,
      group,
    })
    expect(findings.map((f) => `${f.severity}:${f.code}:${f.indicator}/${f.breakdown}`)).toEqual([
      'warning:change:caseload_staff/total',
      'warning:outlier:caseload_staff/total',
      'warning:missing_again:objections/men',
    ])
    expect(findings[0]!.message).toBe('caseload_staff 2025: +178.6 % against 2024 (140); more than ±30 %')
    expect(findings[2]!.message).toBe('objections 2025: no value, but 2024 had one (20)')
  })

  it('blocks a value out of range and checks the breakdown sum once all parts are there', () => {
    const findings = checkCollectedValues({
      indicators: [caseload, objections],
      values: values2025(4000, { total: 50, women: 30, men: 25 }),
      previous: new Map(),
      group: new Map(),
    })
    expect(findings).toMatchObject([
      {
        severity: 'error',
        code: 'above_maximum',
        indicator: 'caseload_staff',
        period: '2025',
        breakdown: 'total',
        message: 'caseload_staff: 4,000 is above the allowed maximum 400',
        key: 'collection.aboveMaximum',
      },
      {
        severity: 'warning',
        code: 'breakdown_sum',
        indicator: 'objections',
        period: '2025',
        breakdown: 'total',
        message: 'objections 2025: women + men = 55, but the total is 50',
        key: 'collection.breakdownSum',
      },
    ])
  })

  it('takes a plausible form as it is', () => {
    expect(
      checkCollectedValues({
        indicators: [caseload],
        values: [{ indicator: 'caseload_staff', period: '2025', breakdown: 'total', value: 150 }],
        previous,
        group,
      }),
    ).toEqual([])
  })
})
