/**
 * Tabular data as the accessible tables, the chart table alternatives and the CSV/XLSX downloads
 * share it: columns with a header and a type, rows as plain values.
 */
import { roundAsShown } from '../../../src/core/format/format'
import { toCsvRow, type CsvRowOptions } from '../../../src/core/spreadsheet/spreadsheet-cell'

export type CellValue = string | number | null

export interface TableColumn {
  key: string
  header: string
  /** Numbers align right, sort numerically and are written as numbers to XLSX. */
  type?: 'text' | 'number'
  /** Decimal places for display (numbers only): at most these, unless `isFixed`. */
  digits?: number
  /** Every value of the column with exactly `digits` decimals ("26,0" beside "0,3", not "26"). */
  isFixed?: boolean
}

export type TableRow = Record<string, CellValue>

export interface TableData {
  columns: TableColumn[]
  rows: TableRow[]
}

/** Sorts rows by a column; missing values last in both directions, text by locale collation. */
export function sortRows(
  rows: readonly TableRow[],
  column: TableColumn,
  direction: 'ascending' | 'descending',
  locale: string,
): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  return [...rows].sort((a, b) => {
    const x = a[column.key] ?? null
    const y = b[column.key] ?? null
    if (x === null && y === null) return 0
    if (x === null) return 1
    if (y === null) return -1
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y)
    return sign * collator.compare(String(x), String(y))
  })
}

/** Decimal places a number column is shown with (DataTable's default too). */
export function columnDigits(column: TableColumn): number {
  return column.digits ?? 2
}

/**
 * The table as a download: numbers rounded as the page shows them (no 17-digit floats, no "-0").
 * With `rawHeader`, every number column is followed by a column of the unrounded values, headed
 * `rawHeader(header)`: full precision only where the reader asked for it.
 */
export function forDownload(data: TableData, rawHeader?: (header: string) => string): TableData {
  const columns: TableColumn[] = []
  for (const column of data.columns) {
    columns.push(column)
    if (rawHeader && column.type === 'number')
      columns.push({
        key: `${column.key}\u0000raw`,
        header: rawHeader(column.header),
        type: 'number',
        digits: 15,
      })
  }
  const rows = data.rows.map((row) => {
    const rounded: TableRow = { ...row }
    for (const column of data.columns) {
      const value = row[column.key]
      if (column.type !== 'number' || typeof value !== 'number') continue
      rounded[column.key] = roundAsShown(value, columnDigits(column))
      if (rawHeader) rounded[`${column.key}\u0000raw`] = value
    }
    return rounded
  })
  return { columns, rows }
}

/**
 * CSV that spreadsheet programs open correctly in the reader's locale: German uses ";" and a
 * decimal comma (what German Excel expects), English "," and a decimal point; a BOM marks UTF-8.
 */
export function toCsv(data: TableData, locale: 'de' | 'en'): string {
  // Text cells are neutralised against formulas there (src/core/spreadsheet), numbers stay numbers.
  const options: CsvRowOptions =
    locale === 'de'
      ? { separator: ';', formatNumber: (value) => String(value).replace('.', ',') }
      : { separator: ',' }
  const lines = [
    toCsvRow(
      data.columns.map((c) => c.header),
      options,
    ),
    ...data.rows.map((row) =>
      toCsvRow(
        data.columns.map((c) => row[c.key] ?? null),
        options,
      ),
    ),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** A file name without characters file systems reject. */
export function safeFileName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'export'
  )
}
