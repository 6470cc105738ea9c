/**
 * Reads a file of published figure values (CSV in the German export flavours, or XLSX) into
 * records, row errors and notices, through a `published-figures` mapping. Pure like
 * parse-import-file.ts, whose pieces it shares: decoding, the CSV tokenizer, the worksheet reader,
 * number, period, breakdown, status and key conventions, statistics symbols and the input limits.
 * Whether a figure code exists and which organisation a key names is the importer's job.
 */
import { AppError, detail } from '../../../core/errors/app-error'
import { normaliseKreisAgs, normaliseNuts3 } from '../../../core/keys/ags'
import { FILE_LIMITS, type FileLimits } from '../../../core/limits/input-limits'
import { formatPeriod, parsePeriod } from '../../../core/periods/period'
import { message, type Message } from '../../../core/messages/text'
import type { ImportErrorRow, ImportNotice, MissingReason, ObservationStatus } from '../../../db/schema'
import { importMessage } from '../import-message'
import {
  DEFAULT_SYMBOLS,
  normaliseBreakdown,
  normaliseHeader,
  parseDecimal,
  parseStatus,
} from './cell-values'
import { detectDelimiter, physicalLine, tokenizeCsv } from './csv-tokenizer'
import { decodeText } from './decode-text'
import { chooseDecimal, isXlsxFile, rejectOldExcel } from './parse-import-file'
import type { PublishedFigureMapping } from './published-figure-mapping'
import { KEY_SUFFIX, MAX_LISTED_ERRORS } from './read-rows'
import { readXlsxRows, type Cell } from './read-xlsx'
import type { KeyType } from './types'

export interface PublishedNumber {
  value: number
  /** Decimals as written ("21,40" → 2): the precision the office published. */
  decimals: number
}

export interface PublishedRecord {
  row: number
  keyColumn: string
  orgKey: string
  keyType: KeyType
  figure: string
  figureColumn: string
  /** 'YYYY-MM'. */
  period: string
  breakdown: string
  value: PublishedNumber | null
  numerator: PublishedNumber | null
  denominator: PublishedNumber | null
  /** Set iff value is null. */
  missingReason: MissingReason | null
  status: ObservationStatus | null
  comparisonType: string | null
}

export interface PublishedParseResult {
  fileName: string
  fileType: 'csv' | 'xlsx'
  decimal: ',' | '.'
  rowsRead: number
  records: PublishedRecord[]
  errors: ImportErrorRow[]
  errorCount: number
  notices: ImportNotice[]
  mapping: PublishedFigureMapping
}

export interface PublishedParseOptions {
  fileName: string
  mapping: PublishedFigureMapping
  limits?: FileLimits
}

type Role = keyof PublishedFigureMapping['columns'] | 'key'
const NUMBER_ROLES = ['value', 'numerator', 'denominator'] as const
const MAX_COMPARISON_TYPE = 60
/** Rows looked at before reading the whole file, to settle the decimal separator. */
const SAMPLE_ROWS = 2000

/** A file-level refusal: the text names the file, the detail says the same without it. */
function fileError(fileName: string, text: Message, short: Message, row?: number): AppError {
  return new AppError('invalid_input', text, [
    detail(short, { file: fileName, ...(row === undefined ? {} : { row }) }),
  ])
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return ''
  return typeof cell === 'number' ? String(cell) : cell.trim()
}

function decimalsOf(text: string, decimal: ',' | '.'): number {
  const at = text.lastIndexOf(decimal)
  if (at < 0) return 0
  const digits = text.slice(at + 1).match(/^\d+/)
  return digits ? digits[0].length : 0
}

/** Finds every mapped column in the header; a missing one stops the import, naming what was found. */
function locateColumns(headers: string[], mapping: PublishedFigureMapping, fileName: string, row: number) {
  const folded = headers.map(normaliseHeader)
  const wanted: [Role, string | undefined][] = [
    ['key', mapping.key.column],
    ...(Object.entries(mapping.columns) as [Role, string | undefined][]),
  ]
  const index = new Map<Role, { at: number; name: string }>()
  const missing: string[] = []
  for (const [role, name] of wanted) {
    if (name === undefined) continue
    const at = folded.indexOf(normaliseHeader(name))
    if (at < 0) missing.push(`'${name}'`)
    else index.set(role, { at, name: headers[at]!.trim() })
  }
  if (missing.length > 0) {
    const params = {
      columns: missing.join(', '),
      mapping: mapping.name,
      row,
      found: headers.map((h) => h.trim()).join(', '),
    }
    throw fileError(
      fileName,
      message('import.publishedMissingColumns', { file: fileName, ...params }),
      message('import.publishedMissingColumnsDetail', params),
      row,
    )
  }
  return index
}

function createPublishedReader(options: {
  fileName: string
  mapping: PublishedFigureMapping
  headers: string[]
  headerRow: number
  decimal: ',' | '.'
  limits: FileLimits
}) {
  const { fileName, mapping, decimal } = options
  const columns = locateColumns(options.headers, mapping, fileName, options.headerRow)
  const symbols = { ...DEFAULT_SYMBOLS, ...(mapping.symbols ?? {}) }
  const figureCodes = new Map(
    Object.entries(mapping.figureCodes ?? {}).map(([name, code]) => [normaliseHeader(name), code]),
  )
  const records: PublishedRecord[] = []
  const errors: ImportErrorRow[] = []
  let errorCount = 0
  let rowsRead = 0
  const symbolCounts = new Map<string, number>()
  const periodCache = new Map<string, string | null>()
  const keyType = mapping.key.type

  const addError = (row: number, column: string | undefined, value: string | undefined, text: Message) => {
    errorCount++
    if (errors.length < MAX_LISTED_ERRORS)
      errors.push({
        row,
        ...(column ? { column } : {}),
        ...(value === undefined ? {} : { value }),
        ...importMessage(text),
      })
  }

  function readNumber(
    cells: Cell[],
    role: (typeof NUMBER_ROLES)[number],
    row: number,
  ): PublishedNumber | { missing: MissingReason } | null | 'error' {
    const column = columns.get(role)
    if (!column) return null
    const cell = cells[column.at]
    if (typeof cell === 'number') return { value: cell, decimals: decimalsOf(String(cell), '.') }
    const text = cellText(cell)
    if (text === '') return role === 'value' ? { missing: 'not_delivered' } : null
    const symbol = symbols[text]
    if (symbol !== undefined && symbol !== 'zero') {
      symbolCounts.set(text, (symbolCounts.get(text) ?? 0) + 1)
      return { missing: symbol }
    }
    const value = parseDecimal(text, decimal)
    if (Number.isNaN(value)) {
      addError(
        row,
        column.name,
        text,
        message(decimal === ',' ? 'import.notANumberComma' : 'import.notANumberPoint', {
          text,
          example: decimal === ',' ? '1.234,5' : '1234.5',
          symbols: '– .',
        }),
      )
      return 'error'
    }
    return { value, decimals: decimalsOf(text, decimal) }
  }

  function readRow(cells: Cell[], row: number): void {
    if (cells.every((c) => cellText(c) === '')) return
    rowsRead++
    if (rowsRead > options.limits.import.maxRows)
      throw fileError(
        fileName,
        message('import.tooManyRows', { file: fileName, limit: options.limits.import.maxRows, row }),
        message('import.tooManyRowsDetail', { limit: options.limits.import.maxRows, row }),
        row,
      )
    const at = (role: Role) => columns.get(role)
    const text = (role: Role) => {
      const c = at(role)
      return c ? cellText(cells[c.at]) : ''
    }
    const keyColumn = at('key')!.name
    const orgKey = text('key')
    let isBad = false
    if (orgKey === '') {
      addError(row, keyColumn, '', message(`import.keyEmpty${KEY_SUFFIX[keyType]}`))
      isBad = true
    } else if (keyType === 'ags' && !normaliseKreisAgs(orgKey)) {
      addError(row, keyColumn, orgKey, message('import.keyInvalidAgs', { key: orgKey }))
      isBad = true
    } else if (keyType === 'nuts3' && !normaliseNuts3(orgKey)) {
      addError(row, keyColumn, orgKey, message('import.keyInvalidNuts3', { key: orgKey }))
      isBad = true
    }
    const figureColumn = at('figure')!.name
    const figureText = text('figure')
    const figure = figureCodes.get(normaliseHeader(figureText)) ?? figureText.toUpperCase()
    if (figureText === '') {
      addError(row, figureColumn, '', message('published.figureEmpty'))
      isBad = true
    }
    const periodColumn = at('period')!.name
    const periodText = text('period')
    let period = periodCache.get(periodText)
    if (period === undefined) {
      const parsed = parsePeriod(periodText)
      period = parsed?.frequency === 'monthly' ? formatPeriod(parsed) : null
      periodCache.set(periodText, period)
    }
    if (period === null) {
      addError(row, periodColumn, periodText, message('published.notAMonth', { raw: periodText }))
      isBad = true
    }
    const statusText = text('status')
    const status = parseStatus(statusText)
    if (status === undefined) {
      addError(row, at('status')!.name, statusText, message('import.notAStatus', { raw: statusText }))
      isBad = true
    }
    const comparisonType = text('comparisonType')
    if (comparisonType.length > MAX_COMPARISON_TYPE) {
      addError(
        row,
        at('comparisonType')!.name,
        `${comparisonType.slice(0, 60)}…`,
        message('published.comparisonTypeTooLong', { max: MAX_COMPARISON_TYPE }),
      )
      isBad = true
    }
    const [value, numerator, denominator] = NUMBER_ROLES.map((role) => readNumber(cells, role, row))
    if (value === 'error' || numerator === 'error' || denominator === 'error' || isBad) return
    const asNumber = (n: typeof value) => (n === null || 'missing' in n ? null : n)
    records.push({
      row,
      keyColumn,
      orgKey,
      keyType,
      figure,
      figureColumn,
      period: period!,
      breakdown: normaliseBreakdown(text('breakdown')),
      value: asNumber(value),
      numerator: asNumber(numerator),
      denominator: asNumber(denominator),
      missingReason: value !== null && 'missing' in value ? value.missing : null,
      status: status ?? null,
      comparisonType: comparisonType === '' ? null : comparisonType,
    })
  }

  function finish(): Pick<
    PublishedParseResult,
    'rowsRead' | 'records' | 'errors' | 'errorCount' | 'notices'
  > {
    const notices: ImportNotice[] = [...symbolCounts].map(([symbol, count]) => ({
      kind: 'symbol',
      ...importMessage(
        message('import.notice.publishedSymbol', { count, symbol, meaning: symbols[symbol] ?? '' }),
      ),
      count,
    }))
    return { rowsRead, records, errors, errorCount, notices }
  }

  return { readRow, addError, finish, columns }
}

function numberSamples(rows: Cell[][], at: number[]): string[] {
  const out: string[] = []
  for (const cells of rows)
    for (const i of at) {
      const c = cells[i]
      if (typeof c === 'string' && c.trim() !== '') out.push(c.trim())
    }
  return out
}

async function parseCsv(
  bytes: Uint8Array,
  options: PublishedParseOptions,
  limits: FileLimits,
): Promise<PublishedParseResult> {
  const { fileName, mapping } = options
  const decoded = decodeText(bytes, fileName, mapping.encoding)
  const text = decoded.text
  if (!/\S/.test(text))
    throw fileError(
      fileName,
      message('import.fileEmpty', { file: fileName }),
      message('import.fileEmptyDetail'),
    )
  const firstHeaderRow = mapping.headerRow ?? 1
  const delimiter = mapping.delimiter ?? detectDelimiter(physicalLine(text, firstHeaderRow))
  // Pass 1: the header and a sample of rows, to settle the decimal separator before reading all.
  let headers: string[] | undefined
  let headerRow = 0
  const sample: string[][] = []
  tokenizeCsv(text, {
    fileName,
    delimiter,
    limits: limits.csv,
    onRow: (fields, info) => {
      if (info.row < firstHeaderRow) return true
      if (!headers) {
        if (fields.length === 1 && fields[0]!.trim() === '') return true
        headers = fields.slice()
        headerRow = info.row
        return true
      }
      if (fields.some((f) => f.trim() !== '')) sample.push(fields.slice())
      return sample.length < SAMPLE_ROWS
    },
  })
  if (!headers)
    throw fileError(
      fileName,
      message('import.noHeaderRow', { file: fileName }),
      message('import.noHeaderRowDetail'),
    )
  const header: string[] = headers
  if (sample.length === 0)
    throw fileError(
      fileName,
      message('import.headerNoData', { file: fileName, row: headerRow }),
      message('import.headerNoDataDetail', { row: headerRow }),
    )
  const notices: ImportNotice[] = []
  if (decoded.encoding === 'windows-1252' && mapping.encoding === undefined)
    notices.push({ kind: 'encoding', ...importMessage(message('import.notice.readAsWindows1252')), count: 1 })
  const folded = header.map(normaliseHeader)
  const numberColumns = NUMBER_ROLES.map((r) => mapping.columns[r])
    .filter((n): n is string => n !== undefined)
    .map((n) => folded.indexOf(normaliseHeader(n)))
  const choice = mapping.decimal
    ? { decimal: mapping.decimal }
    : chooseDecimal(numberSamples(sample, numberColumns), delimiter)
  if (choice.notice) notices.push(choice.notice)
  const reader = createPublishedReader({
    fileName,
    mapping,
    headers: header,
    headerRow,
    decimal: choice.decimal,
    limits,
  })
  // Pass 2: every row.
  const tokenized = tokenizeCsv(text, {
    fileName,
    delimiter,
    limits: limits.csv,
    onRow: (fields, info) => {
      if (info.row <= headerRow) return
      if (info.strayQuoteField !== undefined) {
        reader.addError(
          info.row,
          header[info.strayQuoteField - 1]?.trim(),
          fields[info.strayQuoteField - 1],
          message('import.strayQuote', { delimiter }),
        )
        return
      }
      if (fields.length === 1 && fields[0]!.trim() === '') return
      if (fields.length !== header.length) {
        reader.addError(
          info.row,
          undefined,
          undefined,
          info.isLast
            ? message('import.truncated', {
                found: fields.length,
                expected: header.length,
                cells: fields.join(delimiter).slice(0, 60),
              })
            : message('import.fieldCount', { expected: header.length, found: fields.length }),
        )
        return
      }
      reader.readRow(fields, info.row)
    },
  })
  if (tokenized.unterminatedQuote)
    reader.addError(
      tokenized.unterminatedQuote.row,
      header[tokenized.unterminatedQuote.field - 1]?.trim(),
      undefined,
      message('import.unterminatedQuote'),
    )
  const read = reader.finish()
  return {
    fileName,
    fileType: 'csv',
    decimal: choice.decimal,
    mapping,
    ...read,
    notices: [...notices, ...read.notices],
  }
}

async function parseXlsx(
  bytes: Uint8Array,
  options: PublishedParseOptions,
  limits: FileLimits,
): Promise<PublishedParseResult> {
  const { fileName, mapping } = options
  const sheet = await readXlsxRows(bytes, fileName, mapping.sheet, limits.xlsx)
  const headerIndex = sheet.rows.findIndex((r) => r.row >= (mapping.headerRow ?? 1))
  const header = sheet.rows[headerIndex]
  if (!header)
    throw fileError(
      fileName,
      message('import.worksheetEmpty', { file: fileName, sheet: sheet.sheetName }),
      message('import.worksheetEmptyDetail', { sheet: sheet.sheetName }),
    )
  const headers = header.cells.map((c) => cellText(c))
  const dataRows = sheet.rows.slice(headerIndex + 1)
  if (dataRows.length === 0)
    throw fileError(
      fileName,
      message('import.worksheetNoData', { file: fileName, sheet: sheet.sheetName, row: header.row }),
      message('import.worksheetNoDataDetail', { sheet: sheet.sheetName, row: header.row }),
    )
  const decimal = mapping.decimal ?? ','
  const reader = createPublishedReader({ fileName, mapping, headers, headerRow: header.row, decimal, limits })
  for (const r of dataRows) reader.readRow(r.cells, r.row)
  return { fileName, fileType: 'xlsx', decimal, mapping, ...reader.finish() }
}

/** Reads a file of published figure values; file-level problems throw, row problems are collected. */
export async function parsePublishedFigures(
  bytes: Uint8Array,
  options: PublishedParseOptions,
): Promise<PublishedParseResult> {
  const limits = options.limits ?? FILE_LIMITS
  if (bytes.length === 0)
    throw fileError(
      options.fileName,
      message('import.fileEmptyZero', { file: options.fileName }),
      message('import.fileEmptyZeroDetail'),
    )
  rejectOldExcel(bytes, options.fileName)
  if (isXlsxFile(bytes, options.fileName)) return parseXlsx(bytes, options, limits)
  return parseCsv(bytes, options, limits)
}
