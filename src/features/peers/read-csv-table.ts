/**
 * Reads a small CSV table (bytes → header and rows with their row numbers), with the importer's
 * decoder and tokenizer: UTF-8 or Windows-1252, `;`, `,` or tab, quoted fields.
 */
import { detail, invalidInput, type ErrorDetail } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { parseDecimal } from '../imports/parsing/cell-values'
import { detectDelimiter, tokenizeCsv } from '../imports/parsing/csv-tokenizer'
import { decodeText } from '../imports/parsing/decode-text'

export interface CsvTable {
  header: string[]
  /** Data rows; `row` is 1-based as a spreadsheet shows it (the header is row 1). */
  rows: { row: number; fields: string[] }[]
}

export function readCsvTable(bytes: Uint8Array, fileName: string): CsvTable {
  const { text } = decodeText(bytes, fileName)
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.slice(0, Math.max(0, body.indexOf('\n')) || body.length)
  const delimiter = detectDelimiter(firstLine)
  let header: string[] | undefined
  const rows: CsvTable['rows'] = []
  const result = tokenizeCsv(body, {
    fileName,
    delimiter,
    onRow: (fields, info) => {
      if (!header) header = fields.map((f) => f.trim())
      else if (fields.some((f) => f.trim() !== '')) rows.push({ row: info.row, fields: fields.slice() })
    },
  })
  if (result.unterminatedQuote)
    throw invalidInput(message('peers.csvQuoteNotClosed', { file: fileName }), [
      detail(message('peers.csvQuoteNeverCloses', { field: result.unterminatedQuote.field }), {
        file: fileName,
        row: result.unterminatedQuote.row,
      }),
    ])
  if (!header || header.every((h) => h === ''))
    throw invalidInput(message('peers.csvEmpty', { file: fileName }))
  return { header, rows }
}

/** A numeric table: first column ids, the other columns numbers (decimal point or comma). */
export interface NumericTable {
  ids: string[]
  columns: string[]
  values: number[][]
}

/**
 * Reads a table whose first column is an id and whose other columns are numbers. Every bad cell
 * is reported with row, column and value; nothing is returned while any is bad.
 */
export function readNumericTable(bytes: Uint8Array, fileName: string): NumericTable {
  const { header, rows } = readCsvTable(bytes, fileName)
  if (header.length < 2)
    throw invalidInput(message('peers.csvColumns', { file: fileName, count: header.length }))
  const columns = header.slice(1).map((h, j) => h || `column ${j + 2}`)
  // A decimal comma only when the separator is not a comma: "1,5" in a ';' file is 1.5.
  const isCommaDecimal = rows.some((r) => r.fields.slice(1).some((f) => /^-?\d+,\d+$/.test(f.trim())))
  const errors: ErrorDetail[] = []
  const seen = new Map<string, number>()
  const ids: string[] = []
  const values: number[][] = []
  for (const { row, fields } of rows) {
    const id = (fields[0] ?? '').trim()
    if (id === '')
      errors.push(
        detail(message('peers.csvExpectedId'), {
          file: fileName,
          row,
          column: header[0] || 'column 1',
          value: '',
        }),
      )
    else if (seen.has(id))
      errors.push(
        detail(message('peers.csvIdTwice', { earlier: seen.get(id)! }), {
          file: fileName,
          row,
          column: header[0] || 'column 1',
          value: id,
        }),
      )
    seen.set(id, row)
    if (fields.length !== header.length)
      errors.push(
        detail(message('peers.csvFieldCount', { expected: header.length, found: fields.length }), {
          file: fileName,
          row,
          column: '',
          value: String(fields.length),
        }),
      )
    const numbers = columns.map((column, j) => {
      const text = (fields[j + 1] ?? '').trim()
      const value = text === '' ? Number.NaN : parseDecimal(text, isCommaDecimal ? ',' : '.')
      if (!Number.isFinite(value))
        errors.push(
          detail(text === '' ? message('peers.csvExpectedNumberEmpty') : message('peers.csvExpectedNumber'), {
            file: fileName,
            row,
            column,
            value: text,
          }),
        )
      return value
    })
    ids.push(id)
    values.push(numbers)
  }
  if (errors.length > 0)
    throw invalidInput(
      message('peers.csvBadCells', { file: fileName, count: errors.length }),
      errors.slice(0, 100),
    )
  if (ids.length === 0) throw invalidInput(message('peers.csvNoRows', { file: fileName }))
  return { ids, columns, values }
}
