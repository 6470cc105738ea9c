import { describe, expect, it } from 'vitest'
import { safeFileName, sortRows, toCsv, type TableData } from './table-data'

const data: TableData = {
  columns: [
    { key: 'name', header: 'Jobcenter' },
    { key: 'value', header: 'Wert; in %', type: 'number' },
  ],
  rows: [
    { name: 'KCA "Main-Kinzig"', value: 21.5 },
    { name: 'Jobcenter Enzkreis', value: null },
    { name: 'Jobcenter Bodenseekreis', value: 3 },
  ],
}

describe('toCsv', () => {
  it('writes German CSV with semicolons, decimal commas, quoting and a BOM', () => {
    expect(toCsv(data, 'de')).toBe(
      '\uFEFFJobcenter;"Wert; in %"\r\n"KCA ""Main-Kinzig""";21,5\r\nJobcenter Enzkreis;\r\nJobcenter Bodenseekreis;3\r\n',
    )
  })

  it('writes English CSV with commas and decimal points', () => {
    expect(toCsv(data, 'en').split('\r\n')[1]).toBe('"KCA ""Main-Kinzig""",21.5')
  })
})

describe('sortRows', () => {
  it('sorts numbers and puts missing values last in both directions', () => {
    const column = data.columns[1]!
    expect(sortRows(data.rows, column, 'ascending', 'de').map((r) => r.value)).toEqual([3, 21.5, null])
    expect(sortRows(data.rows, column, 'descending', 'de').map((r) => r.value)).toEqual([21.5, 3, null])
  })

  it('sorts text by German collation', () => {
    const rows = [{ name: 'Würzburg' }, { name: 'Wittmund' }, { name: 'Ärzte' }, { name: 'Bonn' }]
    const sorted = sortRows(rows, { key: 'name', header: 'Name' }, 'ascending', 'de')
    expect(sorted.map((r) => r.name)).toEqual(['Ärzte', 'Bonn', 'Wittmund', 'Würzburg'])
  })
})

describe('safeFileName', () => {
  it('keeps letters, digits, dots and dashes', () => {
    expect(safeFileName('SGB II-Quote – Vergleichsring 7 (2024)')).toBe('sgb-ii-quote-vergleichsring-7-2024')
    expect(safeFileName('Größe')).toBe('grosse')
  })
})
