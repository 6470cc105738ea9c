import { describe, expect, it } from 'vitest'
import {
  formatChange,
  formatCount,
  formatDate,
  formatEuros,
  formatFixed,
  formatNumber,
  formatPercent,
  formatPercentagePoints,
  formatPeriod,
  formatRange,
  formatSigned,
  interpolate,
  pluralCategory,
  roundAsShown,
  withUnit,
} from './format'

// Written out by hand: "\u2212" is the minus sign, "\u00a0" the no-break space.
describe('numbers', () => {
  it('writes decimals and thousands per language', () => {
    expect(formatNumber('de', 1234.56)).toBe('1.234,6')
    expect(formatNumber('en', 1234.56)).toBe('1,234.6')
    expect(formatNumber('de', 28.716915468449493, 2)).toBe('28,72')
    expect(formatNumber('en', 28.716915468449493, 2)).toBe('28.72')
  })

  it('writes negative numbers with the minus sign, and never "-0"', () => {
    expect(formatNumber('de', -3.6)).toBe('\u22123,6')
    expect(formatNumber('en', -3.6)).toBe('\u22123.6')
    expect(formatNumber('de', -0.04)).toBe('0')
    expect(formatNumber('en', -0)).toBe('0')
    expect(formatFixed('de', -0.04, 1)).toBe('0,0')
  })

  it('keeps a fixed number of decimals when asked, so 26 and 26,0 do not both appear', () => {
    expect(formatFixed('de', 26, 1)).toBe('26,0')
    expect(formatFixed('en', 26, 1)).toBe('26.0')
    expect(formatNumber('de', 26)).toBe('26')
  })
})

describe('percentages and changes', () => {
  it('puts a no-break space before the percent sign', () => {
    expect(formatPercent('de', 26)).toBe('26,0\u00a0%')
    expect(formatPercent('en', 26)).toBe('26.0\u00a0%')
    expect(formatPercent('de', -0.7)).toBe('\u22120,7\u00a0%')
  })

  it('signs changes with plus, minus sign or ±0', () => {
    expect(formatChange('de', 3.54)).toBe('+3,5\u00a0%')
    expect(formatChange('en', -0.7)).toBe('\u22120.7\u00a0%')
    expect(formatChange('de', -0.04)).toBe('±0\u00a0%')
    expect(formatChange('de', 0.04)).toBe('±0\u00a0%')
    expect(formatSigned('en', -12.345, 2)).toBe('\u221212.35')
  })

  it('writes percentage points per language', () => {
    expect(formatPercentagePoints('de', 1.23)).toBe('+1,2\u00a0Pp.')
    expect(formatPercentagePoints('en', -0.4)).toBe('\u22120.4\u00a0pp')
    expect(formatPercentagePoints('de', -0.01)).toBe('±0\u00a0Pp.')
  })

  it('writes a range of negative numbers readably', () => {
    expect(formatRange('de', -3.6, -0.04)).toBe('\u22123,6\u00a0– 0,0')
    expect(formatRange('en', -3.6, -1.25)).toBe('\u22123.6\u00a0– \u22121.3')
  })
})

describe('downloads', () => {
  it('round to the shown precision, without "-0"', () => {
    expect(roundAsShown(28.716915468449493, 1)).toBe(28.7)
    expect(roundAsShown(-0.04, 1)).toBe(0)
    expect(Object.is(roundAsShown(-0.04, 1), -0)).toBe(false)
    expect(roundAsShown(-3.65, 1)).toBe(-3.6)
    expect(roundAsShown(1234.5, 0)).toBe(1235)
  })
})

describe('plurals', () => {
  it('picks the singular for one only', () => {
    const votes = { one: '{count} Stimme', other: '{count} Stimmen' }
    expect(formatCount('de', 1, votes)).toBe('1 Stimme')
    expect(formatCount('de', 0, votes)).toBe('0 Stimmen')
    expect(formatCount('de', 1200, votes)).toBe('1.200 Stimmen')
    expect(formatCount('en', 1, { one: '{count} vote', other: '{count} votes' })).toBe('1 vote')
    expect(pluralCategory('en', 2)).toBe('other')
  })

  it('picks plural words inside catalogue texts', () => {
    const text = '{votes} {votes|Stimme|Stimmen} aus {organisations} {organisations|Jobcenter|Jobcentern}'
    expect(interpolate(text, { votes: 1, organisations: 1 })).toBe('1 Stimme aus 1 Jobcenter')
    expect(interpolate(text, { votes: '1.200', organisations: 3 })).toBe('1.200 Stimmen aus 3 Jobcentern')
    expect(interpolate('{n|value|values}', {})).toBe('{n|value|values}')
  })
})

describe('dates and periods', () => {
  it('never shows ISO dates', () => {
    expect(formatDate('de', '2027-01-11')).toBe('11.01.2027')
    expect(formatDate('en', '2027-01-11')).toBe('11 Jan 2027')
    expect(formatPeriod('de', '2026-11')).toBe('November 2026')
    expect(formatPeriod('en', '2026-11')).toBe('November 2026')
  })
})

describe('units', () => {
  it('keep a number and its unit on one line', () => {
    expect(withUnit('1.234', 'Personen')).toBe('1.234\u00a0Personen')
    expect(withUnit('12', '')).toBe('12')
    expect(interpolate('Hochladen: {percent} %', { percent: '40' })).toBe('Hochladen: 40\u00a0%')
    expect(interpolate('{points} Pp. besser', { points: '1,2' })).toBe('1,2\u00a0Pp. besser')
    expect(interpolate('{name} kam', { name: 'Anna' })).toBe('Anna kam')
  })
})

describe('euros', () => {
  it('write negative amounts with the minus sign, small and compact', () => {
    expect(formatEuros('en', -5_300_000)).toBe('\u2212€5.3m')
    expect(formatEuros('en', 1_100_000)).toBe('€1.1m')
    expect(formatEuros('de', -5_300_000)).toBe('\u22125,3\u00a0Mio.\u00a0€')
    expect(formatEuros('de', -1234)).toBe('\u22121.234\u00a0€')
    expect(formatEuros('de', 0)).toBe('0\u00a0€')
  })
})
