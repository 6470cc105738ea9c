import { describe, expect, it } from 'vitest'
import { HOSTILE_TEXTS } from '../../test/hostile-cells'
import { neutraliseFormula, toCsvRow, toSpreadsheetCell } from './spreadsheet-cell'

describe('neutraliseFormula', () => {
  it.each(HOSTILE_TEXTS)('prefixes %j with an apostrophe', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`)
  })

  it.each(['Jobcenter Kreis Offenbach', "'=already text", ' =1+1', 'a=b', '', '2024-03'])(
    'leaves %j alone',
    (text) => expect(neutraliseFormula(text)).toBe(text),
  )
})

describe('toSpreadsheetCell', () => {
  it('keeps numbers, negative ones too, booleans and empty cells; neutralises text', () => {
    expect(toSpreadsheetCell(-5)).toBe(-5)
    expect(toSpreadsheetCell(0)).toBe(0)
    expect(toSpreadsheetCell(true)).toBe(true)
    expect(toSpreadsheetCell(null)).toBeNull()
    expect(toSpreadsheetCell('-5')).toBe("'-5")
  })
})

describe('toCsvRow', () => {
  it('neutralises before quoting, so a quoted cell cannot start a formula either', () => {
    expect(toCsvRow(['=1;2', -1.5, null, false], { separator: ';' })).toBe(`"'=1;2";-1.5;;false`)
    expect(toCsvRow(['@a"b', 'plain'], { separator: ',' })).toBe(`"'@a""b",plain`)
  })

  it('writes numbers with the given format and never prefixes them', () => {
    const comma = (n: number) => String(n).replace('.', ',')
    expect(toCsvRow([-21.5, '-21,5'], { separator: ';', formatNumber: comma })).toBe(`-21,5;'-21,5`)
  })

  it('quotes line breaks and the separator only', () => {
    expect(toCsvRow(['a\nb', 'c,d', 'e;f'], { separator: ';' })).toBe('"a\nb";c,d;"e;f"')
  })
})
