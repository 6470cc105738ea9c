import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../core/errors/app-error'
import { FILE_LIMITS, type FileLimits } from '../../../core/limits/input-limits'
import { writeZip, zipBomb, zipOfManyEntries } from '../../../test/zip-files'
import { checkXlsxDirectory, verifyXlsxEntries } from './check-xlsx-archive'
import { parseImportFile } from './parse-import-file'

/** The AppError a parse is refused with (any other outcome fails the test). */
const rejection = (parse: Promise<unknown>): Promise<AppError> =>
  parse.then(
    () => Promise.reject(new Error('expected the parse to be refused')),
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  )

function limits(change: { [K in keyof FileLimits]?: Partial<FileLimits[K]> }): FileLimits {
  return {
    xlsx: { ...FILE_LIMITS.xlsx, ...change.xlsx },
    csv: { ...FILE_LIMITS.csv, ...change.csv },
    import: { ...FILE_LIMITS.import, ...change.import },
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text)

async function honestWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Daten')
  sheet.addRow(['org', 'indicator', 'period', 'value'])
  for (let m = 1; m <= 12; m++) sheet.addRow(['06435', 'elb', `2023-${String(m).padStart(2, '0')}`, 100 + m])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('xlsx archive limits (checked before unpacking)', () => {
  it('lets an honest workbook through and reads it', async () => {
    const bytes = await honestWorkbook()
    const entries = checkXlsxDirectory(bytes, 'ok.xlsx')
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml')
    expect(() => verifyXlsxEntries(bytes, entries, 'ok.xlsx')).not.toThrow()
    const result = await parseImportFile(bytes, { fileName: 'ok.xlsx' })
    expect(result.records).toHaveLength(12)
  })

  it('refuses a zip bomb by its compression ratio before unpacking it', async () => {
    const bomb = zipBomb(20)
    const error = await rejection(parseImportFile(bomb, { fileName: 'bomb.xlsx' }))
    expect(error.message).toMatch(/^bomb\.xlsx: entry "xl\/worksheets\/sheet1\.xml" is packed [\d,]+:1/)
    expect(error.message).toContain(`more than ${FILE_LIMITS.xlsx.maxCompressionRatio}:1 is refused`)
    expect(error.details[0]).toMatchObject({ file: 'bomb.xlsx', field: 'compressionRatio' })
  })

  it('refuses a declared unpacked size over the per-entry and the total limit', async () => {
    const bomb = zipBomb(3)
    const perEntry = await rejection(
      parseImportFile(bomb, {
        fileName: 'big.xlsx',
        limits: limits({ xlsx: { maxEntryBytes: 2 * 1024 * 1024, maxCompressionRatio: 1e9 } }),
      }),
    )
    expect(perEntry.message).toBe(
      'big.xlsx: entry "xl/worksheets/sheet1.xml" unpacks to 3 MB; at most 2 MB per entry are accepted (split the workbook or save it as CSV)',
    )
    const total = await rejection(
      parseImportFile(bomb, {
        fileName: 'big.xlsx',
        limits: limits({ xlsx: { maxTotalBytes: 1024 * 1024, maxCompressionRatio: 1e9 } }),
      }),
    )
    expect(total.message).toBe(
      'big.xlsx: the workbook unpacks to more than 1 MB, the limit (split it or save it as CSV)',
    )
  })

  // How quickly is measured by the bench (`npm run bench -- parse`).
  it('refuses an archive of 20,000 entries from its directory', async () => {
    const many = zipOfManyEntries(20_000)
    const error = await rejection(parseImportFile(many, { fileName: 'many.xlsx' }))
    expect(error.message).toBe(
      "many.xlsx: the workbook's archive has 20,000 entries; at most 1,000 are accepted",
    )
  })

  it('refuses an entry that unpacks to more than it declares, after at most the declared bytes', async () => {
    const content = Buffer.alloc(5 * 1024 * 1024, '<row/>')
    const liar = writeZip([{ name: 'xl/worksheets/sheet1.xml', content, declaredSize: 1000 }])
    const error = await rejection(parseImportFile(liar, { fileName: 'liar.xlsx' }))
    expect(error.message).toBe(
      'liar.xlsx: entry "xl/worksheets/sheet1.xml" unpacks to more than the 1000 bytes it declares; refused as a zip bomb',
    )
  })

  it('refuses a file that is not a zip archive although named .xlsx', async () => {
    const error = await rejection(parseImportFile(utf8('org;value\n1;2\n'), { fileName: 'fake.xlsx' }))
    expect(error.message).toBe(
      'fake.xlsx: not a readable .xlsx workbook: the zip archive has no central directory',
    )
  })

  it('refuses a worksheet with more data rows than one import may have', async () => {
    const error = await rejection(
      parseImportFile(await honestWorkbook(), {
        fileName: 'rows.xlsx',
        limits: limits({ import: { maxRows: 5 } }),
      }),
    )
    expect(error.message).toBe(
      'rows.xlsx: worksheet "Daten" has 12 data rows; at most 5 are accepted in one import, split the file',
    )
  })
})

describe('csv limits', () => {
  const header = 'org;indicator;period;value\n'

  it('refuses a row longer than the limit, naming the row', async () => {
    const text = `${header}06435;elb;2023-01;1\n06435;elb;2023-02;${'9'.repeat(300)}\n`
    const error = await rejection(
      parseImportFile(utf8(text), { fileName: 'long.csv', limits: limits({ csv: { maxRecordChars: 200 } }) }),
    )
    expect(error.message).toBe(
      'long.csv: row 3: the row is 319 characters long; at most 200 are accepted (a quote that never closes, or not a CSV file?)',
    )
    expect(error.details[0]).toMatchObject({ file: 'long.csv', row: 3 })
  })

  it('refuses a row with more columns than the limit', async () => {
    const text = `${header}06435;elb;2023-01;1${';x'.repeat(20)}\n`
    const error = await rejection(
      parseImportFile(utf8(text), { fileName: 'wide.csv', limits: limits({ csv: { maxColumns: 10 } }) }),
    )
    expect(error.message).toBe(
      'wide.csv: row 2: more than 10 columns, the limit of one row (is the separator ";" right?)',
    )
  })

  it('refuses a file with more rows than the limit', async () => {
    const rows = Array.from({ length: 30 }, (_, k) => `06435;elb;${2000 + k}-01;${k}`).join('\n')
    const error = await rejection(
      parseImportFile(utf8(`${header}${rows}\n`), {
        fileName: 'rows.csv',
        limits: limits({ csv: { maxRows: 20 } }),
      }),
    )
    expect(error.message).toBe(
      'rows.csv: row 21: the file has more than 20 rows, the limit of one file; split it',
    )
  })

  it('refuses more values than one import may have (a wide row carries several)', async () => {
    const wide = `org;2023-01;2023-02;2023-03\n06435;1;2;3\n06436;4;5;6\n`
    const error = await rejection(
      parseImportFile(utf8(wide), {
        fileName: 'values.csv',
        indicator: 'elb',
        limits: limits({ import: { maxValues: 4 } }),
      }),
    )
    expect(error.message).toBe(
      'values.csv: more than 4 values (reached at row 3); that is the limit of one import, split the file',
    )
  })

  it('reads a file exactly at the limits', async () => {
    const text = `${header}06435;elb;2023-01;1\n06435;elb;2023-02;2\n`
    const result = await parseImportFile(utf8(text), {
      fileName: 'edge.csv',
      limits: limits({ csv: { maxColumns: 4, maxRows: 3 }, import: { maxRows: 2, maxValues: 2 } }),
    })
    expect(result.records.map((r) => r.value)).toEqual([1, 2])
  })
})
