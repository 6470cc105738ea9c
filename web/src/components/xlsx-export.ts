/** Loaded on demand by DownloadButtons: builds an XLSX workbook with exceljs. */
import ExcelJS from 'exceljs'
import { toSpreadsheetCell } from '../../../src/core/spreadsheet/spreadsheet-cell'
import { columnDigits, type TableData } from './table-data'

export async function buildXlsx(data: TableData, title: string): Promise<Blob> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'benchlearn'
  // Excel limits sheet names to 31 characters and forbids a few symbols.
  const sheet = workbook.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Daten')
  sheet.columns = data.columns.map((column) => ({
    header: String(toSpreadsheetCell(column.header)),
    key: column.key,
    width: Math.min(60, Math.max(10, column.header.length + 2)),
    // The decimals the page shows; unrounded columns keep Excel's general format.
    style:
      column.type === 'number'
        ? {
            numFmt:
              columnDigits(column) > 6
                ? 'General'
                : `#,##0${columnDigits(column) > 0 ? '.' : ''}${'0'.repeat(columnDigits(column))}`,
          }
        : {},
  }))
  sheet.getRow(1).font = { bold: true }
  // Text a member entered must not become a formula when the workbook is opened or edited.
  for (const row of data.rows)
    sheet.addRow(Object.fromEntries(data.columns.map((c) => [c.key, toSpreadsheetCell(row[c.key] ?? null)])))
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
