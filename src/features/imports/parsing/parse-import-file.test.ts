import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../core/errors/app-error'
import { validateMapping, type ColumnMapping } from './mapping-schema'
import { MAX_LISTED_ERRORS } from './read-rows'
import { parseImportFile } from './parse-import-file'
import type { ParseOptions, ParseResult } from './types'

const FIXTURES = join(import.meta.dirname, 'fixtures')

function fixture(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name))
}

function parseFixture(name: string, options: Partial<ParseOptions> = {}): Promise<ParseResult> {
  return parseImportFile(fixture(name), { fileName: name, ...options })
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the parse to fail')
}

const utf8 = (text: string) => new TextEncoder().encode(text)

/** A mapping given as its JSON, checked as the file `<name>.json`. */
const mappingOf = (json: { name: string } & Record<string, unknown>) =>
  validateMapping(json, `${json.name}.json`)

/** Parses `text` as the UTF-8 file `fileName`, with `mapping` when one is given. */
const parseText = (text: string, fileName: string, mapping?: ColumnMapping) =>
  parseImportFile(utf8(text), { fileName, ...(mapping ? { mapping } : {}) })

describe('long CSV', () => {
  it('reads the default layout with breakdown, status and statistics symbols', async () => {
    const result = await parseFixture('long-utf8.csv')
    expect(result).toMatchObject({
      format: 'long',
      fileType: 'csv',
      encoding: 'utf-8',
      hasBom: false,
      delimiter: ';',
      decimal: ',',
      rowsRead: 4,
      errors: [],
    })
    expect(result.records[0]).toEqual({
      row: 2,
      keyColumn: 'org',
      orgKey: '06435',
      orgKeyNormalised: '06435',
      keyType: 'auto',
      indicator: 'integrations',
      indicatorColumn: 'indicator',
      period: '2021-05',
      breakdown: 'total',
      value: 123,
      missingReason: null,
      status: 'final',
      valueColumn: 'value',
    })
    expect(result.records.map((r) => [r.breakdown, r.status, r.value, r.missingReason])).toEqual([
      ['total', 'final', 123, null],
      ['women', 'provisional', 60, null],
      ['total', null, 4321, null],
      ['total', null, null, 'suppressed'],
    ])
    // an 8-digit key in an "org" column is recognised as AGS for duplicate detection
    expect(result.records[3]).toMatchObject({ orgKey: '01001000', orgKeyNormalised: '01001' })
    expect(result.notices.map((n) => n.kind)).toEqual(['decimal_assumed', 'missing_symbols'])
  })

  it('reads a Windows-1252 Excel export with CRLF, German headers and a line break inside quotes', async () => {
    const result = await parseFixture('long-windows-1252.csv')
    expect(result.encoding).toBe('windows-1252')
    expect(result.notices[0]).toMatchObject({ kind: 'encoding' })
    expect(result.decimal).toBe(',')
    expect(result.errors).toEqual([])
    expect(result.rowsRead).toBe(6)
    expect(
      result.records.map((r) => [
        r.row,
        r.orgKeyNormalised,
        r.indicator,
        r.period,
        r.breakdown,
        r.value,
        r.status,
      ]),
    ).toEqual([
      [2, '08336', 'integrations', '2023-01', 'total', 1234, 'provisional'],
      [3, '08336', 'integrations', '2023-01', 'women', 567, 'provisional'],
      [4, '08336', 'integrations', '2023-01', 'men', 667, 'final'],
      [5, '06433', 'elb', '2023-01', 'total', 12345.5, 'corrected'],
      [6, '06433', 'elb', '2023-02', 'total', null, null],
      [7, '06433', 'elb', '2023-03', 'total', null, null],
    ])
    expect(result.records[4]).toMatchObject({ orgKey: '6433', keyColumn: 'AGS', keyType: 'ags' })
    expect(result.records.slice(4).map((r) => r.missingReason)).toEqual(['not_applicable', 'not_applicable'])
  })

  it('strips a UTF-8 byte-order mark and reads thousands dots with a decimal comma', async () => {
    const result = await parseFixture('long-utf8-bom.csv')
    expect(result).toMatchObject({ encoding: 'utf-8', hasBom: true, decimal: ',' })
    expect(result.records.map((r) => [r.keyColumn, r.indicator, r.value])).toEqual([
      ['org', 'llu', 1234567.89],
      ['org', 'luh', 987654.5],
    ])
  })

  it('reads German header aliases, symbols, empty cells and the p flag of provisional values', async () => {
    const result = await parseFixture('decimal-comma.csv')
    expect(result.errors).toEqual([])
    expect(result.records.map((r) => [r.indicator, r.value, r.missingReason, r.status])).toEqual([
      ['llu', 1234567.89, null, null],
      ['luh', -12.5, null, null],
      ['elb', 42, null, null],
      ['lzb', null, 'not_delivered', null],
      ['lzb_active', null, 'not_delivered', null],
      ['integrations', 123, null, 'provisional'],
    ])
    expect(result.records[0]).toMatchObject({
      keyColumn: 'Kennziffer',
      keyType: 'ags',
      orgKeyNormalised: '06435',
    })
    const empty = result.notices.find((n) => n.kind === 'empty_cells')
    expect(empty).toMatchObject({ count: 1 })
    expect(empty?.message).toContain('Wert: 1 empty cells')
  })

  it('reads comma-separated files with a decimal point and thousands commas', async () => {
    const result = await parseFixture('decimal-point.csv')
    expect(result).toMatchObject({ delimiter: ',', decimal: '.' })
    expect(result.records.map((r) => r.value)).toEqual([1234567.89, 12.5])
  })

  it('lets the caller override the decimal separator and the delimiter', async () => {
    const result = await parseFixture('decimal-comma.csv', { decimal: '.' })
    expect(result.decimal).toBe('.')
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'Wert', value: '1.234.567,89' })
    expect(result.errors[0]?.message).toContain('decimal point')

    const error = await rejection(parseFixture('long-utf8.csv', { delimiter: ',' }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('org;indicator;period;value;breakdown;status')
  })

  it('maps "-" to zero when a mapping says so, and skips empty cells when asked', async () => {
    const mapping = mappingOf({
      name: 'counts',
      format: 'long',
      key: { column: 'AGS', type: 'ags' },
      empty: 'skip',
      symbols: { '-': 'zero' },
    })
    const result = await parseText(
      'AGS;Kennzahl;Jahr;Wert\n06435;elb;2021;-\n06435;lzb;2021;\n',
      'counts.csv',
      mapping,
    )
    expect(result.records.map((r) => [r.indicator, r.value, r.missingReason])).toEqual([['elb', 0, null]])
    expect(result.notices.find((n) => n.kind === 'empty_cells')?.message).toContain('skipped')
    expect(result.mapping).toBe(mapping)
  })

  it('reads a missing-reason column and rejects a value together with a reason', async () => {
    const text =
      'org;indicator;period;value;missing_reason\n06435;elb;2021-01;;geheim\n06435;elb;2021-02;5;\n06435;elb;2021-03;5;suppressed\n'
    const result = await parseText(text, 'm.csv')
    expect(result.records.map((r) => [r.period, r.value, r.missingReason])).toEqual([
      ['2021-01', null, 'suppressed'],
      ['2021-02', 5, null],
    ])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ row: 4, column: 'value' })
  })

  it('reports progress about every percent, ending with the full size', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `06435;elb;${1950 + Math.floor(i / 100)}-${(i % 12) + 1};${i}`,
    )
    const bytes = utf8(
      `org;indicator;breakdown;period;value\n${rows.map((r, i) => r.replace('elb;', `elb;b${Math.floor(i / 12) % 9};`)).join('\n')}\n`,
    )
    const calls: number[] = []
    const result = await parseImportFile(bytes, {
      fileName: 'p.csv',
      onProgress: (done, total) => {
        expect(total).toBe(bytes.length)
        calls.push(done)
      },
    })
    expect(result.records).toHaveLength(5000)
    expect(calls.length).toBeGreaterThanOrEqual(90)
    expect(calls.length).toBeLessThanOrEqual(110)
    expect(calls.at(-1)).toBe(bytes.length)
    expect([...calls].sort((a, b) => a - b)).toEqual(calls)
  })
})

describe('wide tables', () => {
  it('needs to be told the indicator of a table with one column per period', async () => {
    const error = await rejection(parseFixture('wide-periods.csv'))
    expect(error.message).toContain('which indicator')
  })

  it('reads one column per period', async () => {
    const result = await parseFixture('wide-periods.csv', { indicator: 'elb' })
    expect(result.format).toBe('wide-periods')
    expect(result.errors).toEqual([])
    expect(
      result.records.map((r) => [r.orgKeyNormalised, r.valueColumn, r.period, r.value, r.missingReason]),
    ).toEqual([
      ['06435', 'Jan 2023', '2023-01', 1234, null],
      ['06435', 'Feb 2023', '2023-02', 1250, null],
      ['06435', '2023-03', '2023-03', null, 'not_delivered'],
      ['08336', 'Jan 2023', '2023-01', 987, null],
      ['08336', 'Feb 2023', '2023-02', null, 'suppressed'],
      ['08336', '2023-03', '2023-03', 1001, null],
    ])
    expect(result.notices.find((n) => n.kind === 'ignored_columns')?.keys).toEqual(['Name', 'Bemerkung'])
  })

  it('applies a mapping with indicator, breakdown, scale and year range to period columns', async () => {
    const mapping = mappingOf({
      name: 'wide',
      format: 'wide-periods',
      key: { column: 'ags', type: 'ags' },
      indicator: 'llu',
      breakdown: 'women',
      scale: 1000,
      years: { from: 2021 },
    })
    const result = await parseText('AGS;2020;2021;2022\n06435;1,1;1,2;\n', 'w.csv', mapping)
    expect(result.records.map((r) => [r.period, r.breakdown, r.value])).toEqual([
      ['2021', 'women', 1200],
      ['2022', 'women', null],
    ])
    expect(result.notices.find((n) => n.kind === 'outside_years')?.keys).toEqual(['2020'])
  })

  it('detects a tab-separated table with one column per known indicator code', async () => {
    const result = await parseFixture('wide-indicators.tsv')
    expect(result).toMatchObject({ format: 'wide-indicators', delimiter: '\t', decimal: ',' })
    expect(result.records.map((r) => [r.period, r.indicator, r.value, r.missingReason])).toEqual([
      ['2021', 'sgb2_rate', 8.1, null],
      ['2021', 'population_density', 300.2, null],
      ['2021', 'unemployment_rate', 5, null],
      ['2022', 'sgb2_rate', 7.9, null],
      ['2022', 'population_density', 301, null],
      ['2022', 'unemployment_rate', null, 'not_delivered'],
    ])
  })

  it('passes the indicators a mapping declares through to the caller', async () => {
    const definition = {
      code: 'staff',
      nameDe: 'Personal',
      nameEn: 'Staff',
      unit: 'FTE',
      frequency: 'yearly',
      breakdowns: ['total'],
      kind: 'context',
      source: 'own survey',
      licence: 'internal',
      definitionDe: 'Vollzeitäquivalente',
      definitionEn: 'Full-time equivalents',
    }
    const mapping = mappingOf({
      name: 'staff',
      format: 'wide-indicators',
      key: { column: 'id', type: 'id' },
      period: { fixed: '2023' },
      columns: [{ column: 'VZÄ', indicator: 'staff' }],
      indicators: [definition],
      unmatchedKeys: 'report',
    })
    const result = await parseText('id,VZÄ\nkca-mkk,400.5\n', 's.csv', mapping)
    expect(result.indicators).toEqual([definition])
    expect(result.records[0]).toMatchObject({
      orgKey: 'kca-mkk',
      keyType: 'id',
      period: '2023',
      value: 400.5,
    })
    expect(result.notices.some((n) => n.kind === 'unknown_indicators')).toBe(false)
  })
})

describe('XLSX', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Hinweise').addRow(['Quelle: eigene Berechnung'])
    const sheet = wb.addWorksheet('Daten')
    sheet.addRow(['AGS', 'Kennzahl', 'Monat', 'Wert'])
    sheet.addRow([6435, 'elb', new Date(Date.UTC(2021, 4, 31)), 1234.5])
    sheet.addRow(['08336', 'elb', 'Mai 2021', '.'])
    sheet.addRow(['08336', 'elb', 'Juni 2021', { formula: '1+1', result: 2 }])
    sheet.addRow([])
    sheet.addRow(['06433', 'elb', 'Mai 2021', 'viel'])
    return new Uint8Array(await wb.xlsx.writeBuffer())
  }

  it('reads the sheet a mapping names, with typed numbers, dates, formulas and leading zeros lost', async () => {
    const mapping = mappingOf({
      name: 'x',
      format: 'long',
      sheet: 'Daten',
      key: { column: 'AGS', type: 'ags' },
    })
    const result = await parseImportFile(await workbook(), { fileName: 'kennzahlen.xlsx', mapping })
    expect(result).toMatchObject({ fileType: 'xlsx', format: 'long', rowsRead: 4 })
    expect(
      result.records.map((r) => [r.row, r.orgKey, r.orgKeyNormalised, r.period, r.value, r.missingReason]),
    ).toEqual([
      [2, '6435', '06435', '2021-05', 1234.5, null],
      [3, '08336', '08336', '2021-05', null, 'suppressed'],
      [4, '08336', '08336', '2021-06', 2, null],
    ])
    expect(result.errors).toEqual([expect.objectContaining({ row: 6, column: 'Wert', value: 'viel' })])
  })

  it('reads the first sheet by default and names the sheets when the wanted one is missing', async () => {
    const bytes = await workbook()
    const error = await rejection(parseImportFile(bytes, { fileName: 'k.xlsx' }))
    expect(error.message).toContain('Quelle: eigene Berechnung')
    const mapping = mappingOf({
      name: 'x',
      format: 'long',
      sheet: 'Tabelle1',
      key: { column: 'AGS', type: 'ags' },
    })
    const missing = await rejection(parseImportFile(bytes, { fileName: 'k.xlsx', mapping }))
    expect(missing.message).toContain('worksheet "Tabelle1" not found; the workbook has: Hinweise, Daten')
  })
})

describe('broken files', () => {
  it('rejects a file whose required column is missing, listing expected and found headers', async () => {
    const error = await rejection(parseFixture('broken-wrong-column.csv'))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('broken-wrong-column.csv')
    expect(error.message).toContain('Found: Kreis, Kennzahl, Monat, Anzahl')
    expect(error.details[0]).toMatchObject({ file: 'broken-wrong-column.csv', row: 1, column: 'org' })
  })

  it('rejects a mapped file that lacks a mapped value column', async () => {
    const mapping = mappingOf({
      name: 'inkar',
      format: 'wide-indicators',
      key: { column: 'kennziffer', type: 'ags' },
      period: { column: 'zeitbezug' },
      columns: [{ column: 'q_SGBII', indicator: 'sgb2_rate' }],
    })
    const error = await rejection(
      parseText('kennziffer,zeitbezug,q_bip_et\n01001000,2020,1\n', 'w.csv', mapping),
    )
    expect(error.details.map((d) => d.column)).toEqual(['q_SGBII'])
    expect(error.message).toContain('(mapping "inkar")')
  })

  it('reports text in a number field with file, row, column, value and what was expected', async () => {
    const result = await parseFixture('broken-text-in-number.csv')
    expect(result.records.map((r) => r.value)).toEqual([12, 1.5])
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'value',
        value: 'zwölf',
        message: expect.stringMatching(
          /^broken-text-in-number\.csv, row 3, column "value": "zwölf" is not a number; expected/,
        ),
        messageKey: 'import.notANumberPoint',
        params: { text: 'zwölf', example: '1,234.5', symbols: '- – — . / *' },
      },
    ])
  })

  it('reports unknown period notations', async () => {
    const result = await parseFixture('broken-unknown-period.csv')
    expect(result.records).toHaveLength(1)
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'period', 'Q1/2021'],
      [4, 'period', '2021-13'],
    ])
    expect(result.errors[0]?.message).toContain('expected a month such as 2021-05')
  })

  it('names the row of a quote that never closes (file cut off)', async () => {
    const result = await parseFixture('broken-truncated-quote.csv')
    expect(result.records.map((r) => r.row)).toEqual([2, 3])
    expect(result.errors).toEqual([expect.objectContaining({ row: 4, column: 'name' })])
    expect(result.errors[0]?.message).toContain('truncated')
  })

  it('reports a missing quote that swallows the next line instead of reading shifted fields', async () => {
    const text =
      'org;name;indicator;period;value\n08336;"Lörrach;elb;2021-01;13\n06433;"Groß-Gerau";elb;2021-01;14\n'
    const result = await parseText(text, 'q.csv')
    expect(result.records).toEqual([])
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'name' })])
    expect(result.errors[0]?.message).toContain('a quote is missing')
  })

  it('names the last row when it has fewer fields than the header (file cut off)', async () => {
    const result = await parseFixture('broken-truncated-row.csv')
    expect(result.records).toHaveLength(2)
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 4, column: 'status', value: '06435;elb;2021-03;1' }),
    ])
    expect(result.errors[0]?.message).toContain('the last row has 4 of 5 fields')
  })

  it('reports rows with the wrong number of fields, tolerating empty trailing ones', async () => {
    const result = await parseFixture('broken-field-count.csv')
    expect(result.records.map((r) => r.row)).toEqual([2, 5, 6])
    expect(result.errors.map((e) => [e.row, e.message.replace(/^.*?: /, '')])).toEqual([
      [3, 'expected 4 fields as in the header, found 5; is a value containing ";" missing its quotes?'],
      [4, 'expected 4 fields as in the header, found 3'],
    ])
  })

  it('rejects bytes that are not UTF-8 when UTF-8 is forced, and reads them as Windows-1252 otherwise', async () => {
    const error = await rejection(parseFixture('broken-wrong-encoding.csv', { encoding: 'utf-8' }))
    expect(error.message).toContain('line 1')
    expect(error.message).toContain('0xE4')
    expect(error.message).toContain('windows-1252')
    const detected = await parseFixture('broken-wrong-encoding.csv')
    expect(detected.notices.find((n) => n.kind === 'ignored_columns')?.keys).toEqual(['Träger'])
  })

  it('rejects mojibake when UTF-8 is forced and UTF-8 bytes when Windows-1252 is forced', async () => {
    const mojibake = await rejection(parseFixture('broken-mojibake.csv', { encoding: 'utf-8' }))
    expect(mojibake.message).toContain('line 2 contains "Ã¶"')
    const forced = await rejection(parseFixture('long-utf8.csv', { encoding: 'windows-1252' }))
    expect(forced.message).toContain('the file is UTF-8')
  })

  it('rejects an empty file and a file with only a header', async () => {
    await expect(parseImportFile(new Uint8Array(), { fileName: 'e.csv' })).rejects.toThrow(
      'e.csv: the file is empty',
    )
    await expect(parseText('\r\n \n', 'e.csv')).rejects.toThrow('the file is empty')
    await expect(parseFixture('broken-header-only.csv')).rejects.toThrow(
      'has a header (row 1) but no data rows',
    )
  })

  it('reports duplicates inside one file, naming both rows', async () => {
    const result = await parseFixture('broken-duplicate.csv')
    expect(result.records.map((r) => r.row)).toEqual([2, 4])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'value', value: '13' })
    expect(result.errors[0]?.message).toContain('row 2 already holds 06435000 / elb / 2021-01 / total')
  })

  it('reports invalid and empty keys without checking whether they exist', async () => {
    const result = await parseFixture('broken-keys.csv')
    expect(result.records.map((r) => r.orgKey)).toEqual(['06435'])
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'AGS', '99999'],
      [4, 'AGS', 'MKK'],
      [5, 'AGS', ''],
    ])
    expect(result.errors[0]?.message).toContain('5 digits such as 06435')
  })

  it('rejects an old binary .xls workbook with advice', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    await expect(parseImportFile(bytes, { fileName: 'alt.xls' })).rejects.toThrow('save it as .xlsx')
  })

  it('lists the first errors and counts the rest', async () => {
    const rows = Array.from(
      { length: MAX_LISTED_ERRORS + 500 },
      (_, i) => `06435;elb;${1990 + (i % 50)}-01;n/v${i}`,
    )
    const result = await parseText(`org;indicator;period;value\n${rows.join('\n')}`, 'bad.csv')
    expect(result.errorCount).toBe(MAX_LISTED_ERRORS + 500)
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS + 1)
    expect(result.errors.at(-1)?.message).toBe('bad.csv: 500 further errors not listed')
  })
})
