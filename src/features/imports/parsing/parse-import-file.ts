import { AppError, detail } from '../../../core/errors/app-error'
import { message, type Message } from '../../../core/messages/text'
import { importMessage } from '../import-message'
import { FILE_LIMITS, type FileLimits } from '../../../core/limits/input-limits'
import type { ImportErrorRow, ImportNotice } from '../../../db/schema'
import { DEFAULT_SYMBOLS, decimalEvidence } from './cell-values'
import { detectDelimiter, physicalLine, tokenizeCsv } from './csv-tokenizer'
import { decodeText } from './decode-text'
import type { ColumnMapping, SymbolMeaning } from './mapping-schema'
import { createRowReader, MAX_LISTED_ERRORS, type RowReader, type RowReaderResult } from './read-rows'
import { readXlsxRows, type Cell } from './read-xlsx'
import { resolveLayout, type Layout } from './resolve-layout'
import type { ParsedRecord, ParseOptions, ParseResult } from './types'

/** Rows looked at before reading the whole file, to settle the decimal separator. */
const SAMPLE_ROWS = 2000
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

/** Whether the file is read as an .xlsx workbook (a zip archive, or named so and not an old .xls). */
export function isXlsxFile(bytes: Uint8Array, fileName: string): boolean {
  if (startsWith(bytes, OLE_MAGIC)) return false
  return startsWith(bytes, ZIP_MAGIC) || /\.xlsx$/i.test(fileName)
}

/** Old .xls workbooks (OLE) are not read: the message says how to convert them. */
export function rejectOldExcel(bytes: Uint8Array, fileName: string): void {
  if (startsWith(bytes, OLE_MAGIC))
    throw emptyFileError(
      fileName,
      message('import.oldExcel', { file: fileName }),
      message('import.oldExcelDetail'),
    )
}

/** A file-level refusal: the text names the file, the detail says the same without it. */
function emptyFileError(fileName: string, text: Message, short: Message): AppError {
  return new AppError('invalid_input', text, [detail(short, { file: fileName })])
}

interface DecimalChoice {
  decimal: ',' | '.'
  notice?: ImportNotice
}

/**
 * Looks at value cells: "12,5" and "1.234.567" say decimal comma, "12.5" and "1,234,567" say
 * decimal point. "1.234" alone could be either, so it falls back to the separator convention
 * (German files with ";" use the comma) and says so in a notice.
 */
export function chooseDecimal(samples: string[], delimiter: string | undefined): DecimalChoice {
  let comma = 0
  let point = 0
  let ambiguous = 0
  for (const s of samples) {
    const evidence = decimalEvidence(s)
    if (evidence === ',') comma++
    else if (evidence === '.') point++
    else if (evidence === 'ambiguous') ambiguous++
  }
  if (comma > point) return { decimal: ',' }
  if (point > comma) return { decimal: '.' }
  const decimal = delimiter === ';' || delimiter === '\t' ? ',' : '.'
  if (ambiguous === 0) return { decimal }
  return {
    decimal,
    notice: {
      kind: 'decimal_assumed',
      ...importMessage(
        message('import.notice.decimalAssumed', {
          decimal,
          count: ambiguous,
          sample: samples.find((s) => decimalEvidence(s) === 'ambiguous') ?? '',
        }),
      ),
      count: ambiguous,
    },
  }
}

function valueSamples(layout: Layout, rows: Cell[][]): string[] {
  const out: string[] = []
  for (const cells of rows)
    for (const vc of layout.valueColumns) {
      const c = cells[vc.index]
      if (typeof c === 'string' && c.trim() !== '') out.push(c.trim())
    }
  return out
}

interface Settings {
  fileName: string
  mapping: ColumnMapping | undefined
  headerRow: number
  symbols: Record<string, SymbolMeaning>
  limits: FileLimits
}

function settingsOf(options: ParseOptions): Settings {
  const mapping = options.mapping
  return {
    fileName: options.fileName,
    mapping,
    headerRow: mapping?.headerRow ?? 1,
    symbols: { ...DEFAULT_SYMBOLS, ...(mapping?.symbols ?? {}) },
    limits: options.limits ?? FILE_LIMITS,
  }
}

function createReader(
  settings: Settings,
  layout: Layout,
  extra: {
    decimal: ',' | '.'
    isFieldCountStrict: boolean
    delimiter?: string
    isCheckingDuplicates: boolean
  },
) {
  return createRowReader({
    fileName: settings.fileName,
    layout,
    decimal: extra.decimal,
    symbols: settings.symbols,
    empty: settings.mapping?.empty ?? 'missing',
    ...(settings.mapping?.years ? { years: settings.mapping.years } : {}),
    isFieldCountStrict: extra.isFieldCountStrict,
    ...(extra.delimiter === undefined ? {} : { delimiter: extra.delimiter }),
    declaredIndicators: (settings.mapping?.indicators ?? []).map((d) => d.code),
    limits: settings.limits.import,
    isCheckingDuplicates: extra.isCheckingDuplicates,
  })
}

function layoutOptions(settings: Settings, headerRow: number, options: ParseOptions) {
  return {
    fileName: settings.fileName,
    headerRow,
    ...(settings.mapping ? { mapping: settings.mapping } : {}),
    ...(options.indicator === undefined ? {} : { indicator: options.indicator }),
  }
}

/** What a file is, known once its header is read. */
export type ImportFileDescription = Omit<
  ParseResult,
  'rowsRead' | 'records' | 'errors' | 'errorCount' | 'notices'
>

/** What the reading found besides the records (after the last batch). */
export type ImportFileTail = Omit<RowReaderResult, 'records'>

/**
 * An import file read in batches: the importer checks and writes each batch before the next is
 * read, so no more than one batch of records exists at a time.
 */
export interface ImportRecordStream {
  file: ImportFileDescription
  /** The records in file order, in batches of about `batchSize` values. Read once. */
  batches(): Generator<ParsedRecord[]>
  /** A row error found after reading (duplicate rows found in SQL), listed like the reader's own. */
  addError: RowReader['addError']
  /** Counts row errors found after reading beyond those listed with addError. */
  countErrors: RowReader['countErrors']
  /** Rows read, errors (the first ones listed, the rest counted) and notices; after the batches. */
  finish(): ImportFileTail
}

export interface StreamOptions extends ParseOptions {
  /** Values per batch (default 1,000). */
  batchSize?: number
  /** False: rows repeating a key, indicator, period and breakdown are left to the caller (SQL). */
  isCheckingDuplicates?: boolean
}

// Small batches keep the import's peak memory flat: the records of the batch in flight die young. With
// 2,000 and more V8 promoted them to the old generation and a 1M-row import peaked at 440–510 MB
// instead of ~270 MB (bench/import.ts), for no gain in speed.
const BATCH_SIZE = 1_000

function describe(
  base: Omit<ImportFileDescription, 'indicators' | 'mapping'>,
  mapping: ColumnMapping | undefined,
): ImportFileDescription {
  const file: ImportFileDescription = { ...base, indicators: mapping?.indicators ?? [] }
  if (mapping) file.mapping = mapping
  return file
}

/** The stream's tail with the notices found before the rows (encoding, decimal) first. */
function finishWith(reader: RowReader, leadingNotices: ImportNotice[]): () => ImportFileTail {
  return () => {
    const { records: _rest, ...tail } = reader.finish()
    return { ...tail, notices: [...leadingNotices, ...tail.notices] }
  }
}

async function openCsv(
  bytes: Uint8Array,
  options: StreamOptions,
  settings: Settings,
): Promise<ImportRecordStream> {
  const { fileName, mapping } = settings
  const decoded = decodeText(bytes, fileName, options.encoding ?? mapping?.encoding)
  const text = decoded.text
  if (!/\S/.test(text))
    throw emptyFileError(
      fileName,
      message('import.fileEmpty', { file: fileName }),
      message('import.fileEmptyDetail'),
    )
  const notices: ImportNotice[] = []
  if (
    decoded.encoding === 'windows-1252' &&
    options.encoding === undefined &&
    mapping?.encoding === undefined
  )
    notices.push({ kind: 'encoding', ...importMessage(message('import.notice.readAsWindows1252')), count: 1 })

  let headerGuess = settings.headerRow
  while (physicalLine(text, headerGuess).trim() === '' && headerGuess < settings.headerRow + 50) headerGuess++
  const delimiter =
    options.delimiter ?? mapping?.delimiter ?? detectDelimiter(physicalLine(text, headerGuess))

  // Pass 1: header and a sample of rows (cheap), so the whole file is read once with settled rules.
  let layout: Layout | undefined
  let headerRow = 0
  const sample: string[][] = []
  const first = tokenizeCsv(text, {
    fileName,
    delimiter,
    limits: settings.limits.csv,
    onRow: (fields, info) => {
      if (info.row < settings.headerRow) return true
      if (!layout) {
        if (fields.length === 1 && fields[0]!.trim() === '') return true
        headerRow = info.row
        layout = resolveLayout(fields.slice(), layoutOptions(settings, headerRow, options))
        return true
      }
      sample.push(fields.slice())
      return sample.length < SAMPLE_ROWS
    },
  })
  if (!layout) {
    if (first.unterminatedQuote)
      throw emptyFileError(
        fileName,
        message('import.headerQuoteOpen', { file: fileName }),
        message('import.headerQuoteOpenDetail'),
      )
    throw emptyFileError(
      fileName,
      message('import.noHeaderRow', { file: fileName }),
      message('import.noHeaderRowDetail'),
    )
  }
  const resolved: Layout = layout
  const hasDataRow = sample.some((cells) => !(cells.length === 1 && cells[0]!.trim() === ''))
  if (!hasDataRow && !first.unterminatedQuote)
    throw emptyFileError(
      fileName,
      message('import.headerNoData', { file: fileName, row: headerRow }),
      message('import.headerNoDataDetail', { row: headerRow }),
    )

  const chosen = options.decimal ?? mapping?.decimal
  const decimalChoice: DecimalChoice = chosen
    ? { decimal: chosen }
    : chooseDecimal(valueSamples(resolved, sample), delimiter)
  if (decimalChoice.notice) notices.push(decimalChoice.notice)

  // Pass 2: everything, a batch at a time.
  const reader = createReader(settings, resolved, {
    decimal: decimalChoice.decimal,
    isFieldCountStrict: true,
    delimiter,
    isCheckingDuplicates: options.isCheckingDuplicates ?? true,
  })
  const total = bytes.length
  const onProgress = options.onProgress
  const batchSize = options.batchSize ?? BATCH_SIZE
  function* batches(): Generator<ParsedRecord[]> {
    let from = { offset: 0, row: 0 }
    for (;;) {
      const read = tokenizeCsv(text, {
        fileName,
        delimiter,
        limits: settings.limits.csv,
        from,
        onRow: (fields, info) => {
          if (info.row <= headerRow) return
          if (info.strayQuoteField !== undefined) {
            const column = resolved.headers[info.strayQuoteField - 1]?.trim()
            const value = fields[info.strayQuoteField - 1] ?? ''
            reader.addError(info.row, column, value, message('import.strayQuote', { delimiter }))
            return
          }
          reader.readRow(fields, info.row, info.isLast)
          // A batch ends after a whole row: the values of one row stay together.
          if (reader.pendingRecords() >= batchSize) return false
        },
        ...(onProgress
          ? { onProgress: (offset: number) => onProgress(Math.round((offset / text.length) * total), total) }
          : {}),
      })
      if (read.unterminatedQuote) {
        const { row, field } = read.unterminatedQuote
        reader.addError(
          row,
          resolved.headers[field - 1]?.trim(),
          undefined,
          message('import.unterminatedQuote'),
        )
      }
      // Yielded without a local: the generator must not hold the batch while the importer waits.
      if (reader.pendingRecords() > 0) yield reader.takeRecords()
      if (read.stoppedAt === undefined) break
      from = { offset: read.stoppedAt, row: read.rows }
    }
    onProgress?.(total, total)
  }
  return {
    file: describe(
      {
        fileName,
        format: resolved.format,
        fileType: 'csv',
        encoding: decoded.encoding,
        hasBom: decoded.hasBom,
        delimiter,
        decimal: decimalChoice.decimal,
      },
      mapping,
    ),
    batches,
    addError: reader.addError,
    countErrors: reader.countErrors,
    finish: finishWith(reader, notices),
  }
}

async function openXlsx(
  bytes: Uint8Array,
  options: StreamOptions,
  settings: Settings,
): Promise<ImportRecordStream> {
  const { fileName, mapping } = settings
  const total = bytes.length
  options.onProgress?.(0, total)
  const sheet = await readXlsxRows(bytes, fileName, mapping?.sheet, settings.limits.xlsx)
  const headerIndex = sheet.rows.findIndex((r) => r.row >= settings.headerRow)
  const header = sheet.rows[headerIndex]
  if (!header)
    throw emptyFileError(
      fileName,
      message('import.worksheetEmpty', { file: fileName, sheet: sheet.sheetName }),
      message('import.worksheetEmptyDetail', { sheet: sheet.sheetName }),
    )
  const headers = header.cells.map((c) => (typeof c === 'number' ? String(c) : c))
  const layout = resolveLayout(headers, layoutOptions(settings, header.row, options))
  const dataRows = sheet.rows.slice(headerIndex + 1)
  const maxRows = settings.limits.import.maxRows
  if (dataRows.length > maxRows)
    throw emptyFileError(
      fileName,
      message('import.worksheetTooManyRows', {
        file: fileName,
        sheet: sheet.sheetName,
        rows: dataRows.length,
        max: maxRows,
      }),
      message('import.worksheetTooManyRowsDetail', {
        sheet: sheet.sheetName,
        rows: dataRows.length,
        max: maxRows,
      }),
    )
  if (dataRows.length === 0)
    throw emptyFileError(
      fileName,
      message('import.worksheetNoData', { file: fileName, sheet: sheet.sheetName, row: header.row }),
      message('import.worksheetNoDataDetail', { sheet: sheet.sheetName, row: header.row }),
    )
  const notices: ImportNotice[] = []
  const chosen = options.decimal ?? mapping?.decimal
  const decimalChoice: DecimalChoice = chosen
    ? { decimal: chosen }
    : chooseDecimal(
        valueSamples(
          layout,
          dataRows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
        ),
        undefined,
      )
  if (decimalChoice.notice) notices.push(decimalChoice.notice)
  const reader = createReader(settings, layout, {
    decimal: decimalChoice.decimal,
    isFieldCountStrict: false,
    isCheckingDuplicates: options.isCheckingDuplicates ?? true,
  })
  const step = Math.max(1, Math.floor(dataRows.length / 100))
  const batchSize = options.batchSize ?? BATCH_SIZE
  // The sheet is in memory already (bounded by the XLSX limits); its records still come in batches.
  function* batches(): Generator<ParsedRecord[]> {
    for (let i = 0; i < dataRows.length; i++) {
      const r = dataRows[i]!
      reader.readRow(r.cells, r.row, i === dataRows.length - 1)
      if (options.onProgress && i % step === 0)
        options.onProgress(Math.round((i / dataRows.length) * total), total)
      if (reader.pendingRecords() >= batchSize) yield reader.takeRecords()
    }
    if (reader.pendingRecords() > 0) yield reader.takeRecords()
    options.onProgress?.(total, total)
  }
  return {
    file: describe(
      { fileName, format: layout.format, fileType: 'xlsx', encoding: 'xlsx', decimal: decimalChoice.decimal },
      mapping,
    ),
    batches,
    addError: reader.addError,
    countErrors: reader.countErrors,
    finish: finishWith(reader, notices),
  }
}

/**
 * Opens an import file (CSV in any German export flavour, or XLSX) for reading in batches: the
 * header, encoding, separator and decimal mark are settled here (file-level problems throw
 * AppError('invalid_input') now), the rows are read as the batches are taken.
 */
export async function openImportRecords(
  bytes: Uint8Array,
  options: StreamOptions,
): Promise<ImportRecordStream> {
  const settings = settingsOf(options)
  if (bytes.length === 0)
    throw emptyFileError(
      options.fileName,
      message('import.fileEmptyZero', { file: options.fileName }),
      message('import.fileEmptyZeroDetail'),
    )
  rejectOldExcel(bytes, options.fileName)
  if (isXlsxFile(bytes, options.fileName)) return openXlsx(bytes, options, settings)
  return openCsv(bytes, options, settings)
}

/**
 * A file parsed whole (an XLSX workbook in a worker thread, parse-pool.ts) as a stream of batches.
 * Its reader found repeated rows itself, so the importer finds none to add; should it, they are
 * listed after the reader's errors.
 */
export function streamParsed(result: ParseResult, batchSize = BATCH_SIZE): ImportRecordStream {
  const { rowsRead, records, errors, errorCount, notices, ...file } = result
  const tail = { rowsRead, errors: [...errors], errorCount, notices }
  return {
    file,
    *batches() {
      for (let start = 0; start < records.length; start += batchSize)
        yield records.slice(start, start + batchSize)
    },
    addError(row, column, value, text) {
      tail.errorCount++
      if (tail.errors.length >= MAX_LISTED_ERRORS) return
      const error: ImportErrorRow = importMessage(text)
      if (row !== undefined) error.row = row
      if (column !== undefined) error.column = column
      if (value !== undefined) error.value = value
      tail.errors.push(error)
    },
    countErrors(count) {
      tail.errorCount += count
    },
    finish: () => tail,
  }
}

/**
 * Reads an import file (CSV in any German export flavour, or XLSX) into records, row errors and
 * notices. Pure: it neither looks up organisations nor writes anything. File-level problems
 * (empty file, missing columns, wrong encoding) throw AppError('invalid_input'); row-level
 * problems are collected so the user sees all of them at once.
 */
export async function parseImportFile(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const stream = await openImportRecords(bytes, options)
  const records: ParsedRecord[] = []
  for (const batch of stream.batches()) for (const record of batch) records.push(record)
  return { ...stream.file, ...stream.finish(), records }
}
