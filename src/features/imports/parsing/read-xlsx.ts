import type { CellValue } from 'exceljs'
import { AppError, detail } from '../../../core/errors/app-error'
import { message } from '../../../core/messages/text'
import { XLSX_LIMITS, type XlsxLimits } from '../../../core/limits/input-limits'
import { checkXlsxDirectory, verifyXlsxEntries } from './check-xlsx-archive'
import { isoDate } from '../../../core/periods/dates'

/** A cell as the parser sees it: text, or a number typed by the spreadsheet. */
export type Cell = string | number

export interface SheetRows {
  sheetName: string
  /** Rows with their spreadsheet row number; empty rows are left out. */
  rows: { row: number; cells: Cell[] }[]
}

function cellToValue(value: CellValue): Cell {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return isoDate(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return value.text
  if ('error' in value) return value.error
  if ('result' in value) return value.result === undefined ? '' : cellToValue(value.result)
  return ''
}

/**
 * Reads one worksheet of an .xlsx file into rows of cells (exceljs does the unzipping, after the
 * archive has passed the limits of check-xlsx-archive.ts).
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<SheetRows> {
  verifyXlsxEntries(bytes, checkXlsxDirectory(bytes, fileName, limits), fileName, limits)
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); JSZip underneath accepts one.
    await workbook.xlsx.load(bytes.slice().buffer)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('invalid_input', message('import.xlsxUnreadable', { file: fileName, reason }), [
      detail(message('import.reason', { reason }), { file: fileName }),
    ])
  }
  const names = workbook.worksheets.map((w) => w.name)
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet)
  if (!worksheet) {
    const text =
      sheet === undefined
        ? message('import.workbookEmpty', { file: fileName })
        : names.length === 0
          ? message('import.worksheetNotFoundEmpty', { file: fileName, sheet })
          : message('import.worksheetNotFound', { file: fileName, sheet, names: names.join(', ') })
    throw new AppError('invalid_input', text, [
      detail(message('import.worksheetsFound', { names: names.join(', ') }), {
        file: fileName,
        field: 'sheet',
        value: sheet ?? '',
      }),
    ])
  }
  const rows: SheetRows['rows'] = []
  worksheet.eachRow((row, rowNumber) => {
    const values = row.values
    const cells: Cell[] = []
    if (Array.isArray(values)) {
      // exceljs rows are 1-based sparse arrays: index 0 is always empty.
      for (let c = 1; c < values.length; c++) cells.push(cellToValue(values[c] as CellValue))
    }
    rows.push({ row: rowNumber, cells })
  })
  return { sheetName: worksheet.name, rows }
}
