/**
 * The collection's form as an XLSX workbook to fill offline: one row per cell (indicator, period,
 * breakdown) with the previous period's value for reference, and the columns "value" and
 * "comment" to fill. Uploading it saves the form as a draft, as the web form does; a cell that
 * cannot be read is refused with its row and column.
 */
import { detail, invalidInput, type ErrorDetail } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { FILE_LIMITS } from '../../core/limits/input-limits'
import { toSpreadsheetCell } from '../../core/spreadsheet/spreadsheet-cell'
import { parseDecimal } from '../imports/parsing/cell-values'
import { readXlsxRows, type Cell } from '../imports/parsing/read-xlsx'
import {
  MAX_FORM_CELLS,
  type CollectionFormDto,
  type SaveCollectionFormRequest,
} from '../../contracts/collections'
import { MAX_SHORT_TEXT } from '../../contracts/common'
import type { CellOrigin } from './save-collection-form'
import type { CollectionIndicatorRow } from './collection.repository'

export const SHEET_NAME = 'Erhebung'
/** The columns of the sheet, in order; the letters are what error messages name. */
export const COLUMNS = [
  { key: 'indicator', header: 'Kennzahl / indicator', width: 22 },
  { key: 'name', header: 'Bezeichnung / name', width: 40 },
  { key: 'unit', header: 'Einheit / unit', width: 12 },
  { key: 'period', header: 'Periode / period', width: 12 },
  { key: 'breakdown', header: 'Merkmal / breakdown', width: 14 },
  { key: 'previous', header: 'Vorperiode / previous period', width: 16 },
  { key: 'value', header: 'Wert / value', width: 14 },
  { key: 'comment', header: 'Kommentar / comment', width: 50 },
] as const
type ColumnKey = (typeof COLUMNS)[number]['key']
const letter = (key: ColumnKey) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key))
const columnName = (key: ColumnKey) => `${letter(key)} (${key})`

/** The template of one organisation's form, filled with what it has saved so far. */
export async function writeCollectionWorkbook(options: {
  title: string
  form: CollectionFormDto
  indicators: readonly CollectionIndicatorRow[]
}): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(SHEET_NAME)
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  const names = new Map(options.indicators.map((i) => [i.code, i]))
  for (const cell of options.form.cells) {
    const indicator = names.get(cell.indicator)
    sheet.addRow(
      [
        cell.indicator,
        indicator ? `${indicator.nameDe} / ${indicator.nameEn}` : '',
        indicator?.unit ?? '',
        cell.period,
        cell.breakdown,
        cell.previousValue,
        cell.value,
        cell.comment,
      ].map((v) => toSpreadsheetCell(v)),
    )
  }
  const info = workbook.addWorksheet('Hinweise')
  info.addRow([toSpreadsheetCell(options.title)]).font = { bold: true }
  info.addRow([toSpreadsheetCell(`${options.form.organisation.name}`)])
  info.addRow([
    'Tragen Sie Werte in Spalte G ein, Kommentare in Spalte H; ändern Sie die Spalten A, D und E nicht.',
  ])
  info.addRow(['Fill in values in column G and comments in column H; do not change columns A, D and E.'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell).trim())

/** The cells of an uploaded workbook, as a form request; where each came from, for error messages. */
export async function readCollectionWorkbook(
  bytes: Uint8Array,
  options: { fileName: string; organisationId: number },
): Promise<{ request: SaveCollectionFormRequest; origin: CellOrigin }> {
  const sheet = await readXlsxRows(bytes, options.fileName, SHEET_NAME, FILE_LIMITS.xlsx)
  const [header, ...rows] = sheet.rows
  const expected = COLUMNS.map((c) => c.header)
  if (!header || header.row !== 1 || expected.some((h, i) => text(header.cells[i]) !== h))
    throw invalidInput(message('collection.workbookHeader', { file: options.fileName, sheet: SHEET_NAME }), [
      detail(message('collection.expectedColumns', { columns: expected.join(', ') }), {
        file: options.fileName,
        row: 1,
      }),
    ])
  const details: ErrorDetail[] = []
  const rowNumbers: number[] = []
  const cells: SaveCollectionFormRequest['cells'] = []
  for (const { row, cells: values } of rows) {
    const raw = values[letter('value').charCodeAt(0) - 65]
    let value: number | null = null
    if (typeof raw === 'number') value = raw
    else if (text(raw) !== '') {
      const t = text(raw)
      value = parseDecimal(t, t.includes(',') ? ',' : '.')
      if (Number.isNaN(value)) {
        details.push(
          detail(message('collection.notANumber', { value: t }), {
            file: options.fileName,
            row,
            column: columnName('value'),
            value: t,
          }),
        )
        continue
      }
    }
    const comment = text(values[letter('comment').charCodeAt(0) - 65])
    if (comment.length > MAX_SHORT_TEXT) {
      details.push(
        detail(message('collection.commentTooLong', { max: MAX_SHORT_TEXT }), {
          file: options.fileName,
          row,
          column: columnName('comment'),
        }),
      )
      continue
    }
    rowNumbers.push(row)
    cells.push({
      indicator: text(values[0]),
      period: text(values[letter('period').charCodeAt(0) - 65]),
      breakdown: text(values[letter('breakdown').charCodeAt(0) - 65]) || 'total',
      value,
      comment,
    })
  }
  if (cells.length > MAX_FORM_CELLS)
    details.push(
      detail(message('collection.formTooManyRows', { max: MAX_FORM_CELLS }), { file: options.fileName }),
    )
  if (details.length > 0)
    throw invalidInput(
      message('collection.workbookRejected', { file: options.fileName, n: details.length }),
      details,
    )
  const origin: CellOrigin = (index, column) => ({
    file: options.fileName,
    row: rowNumbers[index],
    column: columnName(column),
  })
  return { request: { organisationId: options.organisationId, cells }, origin }
}
