import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { HOSTILE_TEXTS } from '../../../src/test/hostile-cells'
import type { TableData } from './table-data'
import { buildXlsx } from './xlsx-export'

const table: TableData = {
  columns: [
    { key: 'file', header: '=Datei' },
    { key: 'value', header: 'Wert', type: 'number' },
  ],
  rows: HOSTILE_TEXTS.map((text, i) => ({ file: text, value: -1.5 - i })),
}

describe('buildXlsx', () => {
  it('writes hostile text as neutralised text and negative numbers as numbers', async () => {
    const blob = await buildXlsx(table, 'Importe')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await blob.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe("'=Datei")
    HOSTILE_TEXTS.forEach((text, i) => {
      const file = sheet.getCell(`A${i + 2}`)
      expect(file.type).toBe(ExcelJS.ValueType.String)
      // XML turns a carriage return into a line feed when read back; what counts is the apostrophe.
      expect(file.value).toBe(`'${text}`.replace(/\r/g, '\n'))
      expect(sheet.getCell(`B${i + 2}`).value).toBe(-1.5 - i)
    })
  })
})
