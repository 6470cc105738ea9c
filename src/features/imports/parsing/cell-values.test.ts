import { describe, expect, it } from 'vitest'
import { decimalEvidence, normaliseBreakdown, parseDecimal, parseStatus, scaleValue } from './cell-values'

describe('parseDecimal', () => {
  it.each([
    ['1.234.567,89', ',', 1234567.89],
    ['-12,5', ',', -12.5],
    ['\u22123,5', ',', -3.5],
    [',5', ',', 0.5],
    ['1 234,5', ',', 1234.5],
    ['1.234', ',', 1234],
    ['42', ',', 42],
    ['1,234,567.89', '.', 1234567.89],
    ['12.5', '.', 12.5],
    ['1.5e3', '.', 1500],
    ['+7', '.', 7],
  ] as const)('%s with decimal %s is %d', (text, decimal, expected) => {
    expect(parseDecimal(text, decimal)).toBe(expected)
  })

  it.each([
    ['1.5', ','],
    ['12.34,5', ','],
    ['1,5', '.'],
    ['-', ','],
    ['.', '.'],
    ['abc', ','],
    ['0x10', '.'],
    ['Infinity', '.'],
    ['', ','],
  ] as const)('%s with decimal %s is not a number', (text, decimal) => {
    expect(parseDecimal(text, decimal)).toBeNaN()
  })
})

describe('decimalEvidence', () => {
  it('tells comma, point and the ambiguous 1.234 apart', () => {
    expect(
      ['12,5', '1.234.567', '1.234,5', '12.5', '1,234,567', '1.234', '1,234', '42'].map(decimalEvidence),
    ).toEqual([',', ',', ',', '.', '.', 'ambiguous', 'ambiguous', undefined])
  })
})

describe('aliases', () => {
  it('reads German and English status and sex words', () => {
    expect(['vorläufig', 'Endgültig', 'korrigiert', 'final', '', 'maybe'].map(parseStatus)).toEqual([
      'provisional',
      'final',
      'corrected',
      'final',
      null,
      undefined,
    ])
    expect(['Frauen', 'Männer', 'Insgesamt', '', 'weiblich', 'u25'].map(normaliseBreakdown)).toEqual([
      'women',
      'men',
      'total',
      'total',
      'women',
      'u25',
    ])
  })

  it('scales without float noise', () => {
    expect(scaleValue(1.1, 1000)).toBe(1100)
  })
})
