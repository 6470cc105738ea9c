/** Loaded on demand by DownloadButtons: builds an XLSX workbook with exceljs. */
import ExcelJS from 'exceljs'
import type { TableData } from './table-data'

export async function buildXlsx(data: TableData, title: string): Promise<Blob> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'benchlearn'
  // Excel limits sheet names to 31 characters and forbids a few symbols.
  const sheet = workbook.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Daten')
  sheet.columns = data.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.min(60, Math.max(10, column.header.length + 2)),
    style: column.type === 'number' ? { numFmt: '#,##0.00' } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of data.rows) sheet.addRow(row)
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}
