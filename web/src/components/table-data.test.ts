import { describe, expect, it } from 'vitest'
import { HOSTILE_TEXTS, startsFormula } from '../../../src/test/hostile-cells'
import { forDownload, safeFileName, sortRows, toCsv, type TableData } from './table-data'

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

describe('downloads', () => {
  const precise: TableData = {
    columns: [
      { key: 'name', header: 'Jobcenter' },
      { key: 'rate', header: 'Quote', type: 'number', digits: 1 },
    ],
    rows: [
      { name: 'A', rate: 28.716915468449493 },
      { name: 'B', rate: -0.04 },
      { name: 'C', rate: null },
    ],
  }

  it('round numbers as the page shows them, without "-0"', () => {
    expect(toCsv(forDownload(precise), 'de')).toBe('\uFEFFJobcenter;Quote\r\nA;28,7\r\nB;0\r\nC;\r\n')
  })

  it('add the unrounded values as a column of their own only when asked', () => {
    const withRaw = forDownload(precise, (header) => `${header} (ungerundet)`)
    expect(withRaw.columns.map((column) => column.header)).toEqual([
      'Jobcenter',
      'Quote',
      'Quote (ungerundet)',
    ])
    expect(toCsv(withRaw, 'en').split('\r\n')[1]).toBe('A,28.7,28.716915468449493')
  })
})

/** A table with hostile text in every text column and the header, and negative numbers. */
const hostileTable: TableData = {
  columns: [
    { key: 'file', header: '=Datei' },
    { key: 'note', header: 'Hinweis' },
    { key: 'value', header: 'Wert', type: 'number' },
  ],
  rows: HOSTILE_TEXTS.map((text, i) => ({ file: text, note: `${text} (${i})`, value: -1.5 - i })),
}

describe('toCsv against formulas', () => {
  it.each(['de', 'en'] as const)(
    'neutralises hostile text in every text column (%s), numbers stay',
    (locale) => {
      const lines = toCsv(hostileTable, locale).slice(1).split('\r\n').slice(0, -1)
      const separator = locale === 'de' ? ';' : ','
      // Split outside quotes; a quoted cell's content is what a spreadsheet reads.
      const cells = (line: string) =>
        [...line.matchAll(new RegExp(`("(?:[^"]|"")*"|[^${separator}"]*)(?:${separator}|$)`, 'g'))]
          .map((m) => m[1]!)
          .slice(0, 3)
          .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell))
      expect(cells(lines[0]!)[0]).toBe("'=Datei")
      HOSTILE_TEXTS.forEach((text, i) => {
        const [file, note, value] = cells(lines[i + 1]!)
        expect(file).toBe(`'${text}`)
        expect(startsFormula(note!)).toBe(false)
        expect(value).toBe(locale === 'de' ? `-${1.5 + i}`.replace('.', ',') : `-${1.5 + i}`)
      })
    },
  )
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
