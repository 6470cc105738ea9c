import { describe, expect, it } from 'vitest'
import { implausiblePeriod, implausibleValue, type PlausibilityIndicator } from './plausible-values'

const elb: PlausibilityIndicator = { code: 'elb', kind: 'raw', frequency: 'monthly', unit: 'persons' }
const population: PlausibilityIndicator = {
  code: 'population',
  kind: 'context',
  frequency: 'yearly',
  unit: 'persons',
}
const balance: PlausibilityIndicator = { code: 'migration', kind: 'context', frequency: 'yearly', unit: '‰' }
const now = new Date('2026-12-02T04:00:00Z')

describe('plausible periods', () => {
  it('accepts the current month and year, refuses the next one with the limit', () => {
    expect(implausiblePeriod(elb, { frequency: 'monthly', year: 2026, month: 12 }, now)).toBeNull()
    expect(implausiblePeriod(elb, { frequency: 'monthly', year: 2027, month: 1 }, now)).toBe(
      '2027-01 is in the future: elb can be reported up to 2026-12, the current month',
    )
    expect(implausiblePeriod(elb, { frequency: 'monthly', year: 2099, month: 12 }, now)).toMatch(/future/)
    expect(implausiblePeriod(population, { frequency: 'yearly', year: 2026 }, now)).toBeNull()
    expect(implausiblePeriod(population, { frequency: 'yearly', year: 2027 }, now)).toBe(
      '2027 is in the future: population can be reported up to 2026, the current year',
    )
  })

  it('refuses periods before the kind could be measured (SGB II since 2005, context since 1990)', () => {
    expect(implausiblePeriod(elb, { frequency: 'monthly', year: 2005, month: 1 }, now)).toBeNull()
    expect(implausiblePeriod(elb, { frequency: 'monthly', year: 2004, month: 12 }, now)).toBe(
      '2004-12 is before 2005-01, the earliest plausible period of raw indicators such as elb',
    )
    expect(implausiblePeriod(population, { frequency: 'yearly', year: 1990 }, now)).toBeNull()
    expect(implausiblePeriod(population, { frequency: 'yearly', year: 1989 }, now)).toMatch(/before 1990/)
  })
})

describe('plausible values', () => {
  it('refuses negative counts but not negative values of other units', () => {
    expect(implausibleValue(elb, 0)).toBeNull()
    expect(implausibleValue(elb, -5)).toBe('elb counts persons and cannot be negative')
    expect(implausibleValue(balance, -5)).toBeNull()
  })

  it('refuses numbers that are not finite', () => {
    for (const value of [Infinity, -Infinity, NaN, Number('1e309')])
      expect(implausibleValue(balance, value)).toMatch(/not a finite number/)
    expect(implausibleValue(elb, 1e300)).toBeNull()
  })
})
