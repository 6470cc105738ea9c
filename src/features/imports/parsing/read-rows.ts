import { AppError, detail } from '../../../core/errors/app-error'
import { message, render, type Message } from '../../../core/messages/text'
import { importMessage } from '../import-message'
import { IMPORT_LIMITS, type ImportLimits } from '../../../core/limits/input-limits'
import { formatPeriod, parsePeriod } from '../../../core/periods/period'
import { normaliseKreisAgs, normaliseNuts3 } from '../../../core/keys/ags'
import type { ImportErrorRow, ImportNotice, MissingReason, ObservationStatus } from '../../../db/schema'
import { BUILT_IN_INDICATORS } from '../../indicators/catalogue'
import {
  SYMBOL_EXPLANATIONS,
  normaliseBreakdown,
  parseDecimal,
  parseMissingReason,
  parseStatus,
  scaleValue,
} from './cell-values'
import type { SymbolMeaning } from './mapping-schema'
import type { Cell } from './read-xlsx'
import type { Layout, ValueColumn } from './resolve-layout'
import type { KeyType, ParsedRecord } from './types'

/** Beyond this many, errors are counted but not listed: a wrong file would otherwise list 10⁶. */
export const MAX_LISTED_ERRORS = 1000

export interface RowReaderOptions {
  fileName: string
  layout: Layout
  decimal: ',' | '.'
  symbols: Record<string, SymbolMeaning>
  empty: 'missing' | 'skip'
  years?: { from?: number | undefined; to?: number | undefined }
  /** CSV rows must have as many fields as the header; spreadsheet rows are ragged by nature. */
  isFieldCountStrict: boolean
  delimiter?: string
  declaredIndicators: string[]
  /** Rows and values of one file; more stops the reading with an error that names the limit. */
  limits?: ImportLimits
  /**
   * Whether the reader finds rows that repeat a key, indicator, period and breakdown (default). Its
   * map grows with the file; the importer, which reads in batches, finds them in SQL instead.
   */
  isCheckingDuplicates?: boolean
}

export interface RowReaderResult {
  rowsRead: number
  records: ParsedRecord[]
  errors: ImportErrorRow[]
  errorCount: number
  notices: ImportNotice[]
}

export interface RowReader {
  readRow(cells: Cell[], row: number, isLast: boolean): void
  addError(
    row: number | undefined,
    column: string | undefined,
    value: string | undefined,
    message: Message,
  ): void
  /** Counts errors found elsewhere beyond those listed (duplicate rows found in SQL). */
  countErrors(count: number): void
  /** The records read since the last call (reading in batches); `finish` answers the rest. */
  takeRecords(): ParsedRecord[]
  /** Records read and not yet taken. */
  pendingRecords(): number
  finish(): RowReaderResult
}

const INDICATOR_CODE = /^[A-Za-z][A-Za-z0-9_]*$/

/** The messages for an empty and for a wrong key, by key type: `import.keyEmptyAgs`, `import.keyInvalidAgs` … */
export const KEY_SUFFIX = { ags: 'Ags', nuts3: 'Nuts3', id: 'Id', auto: 'Auto' } as const satisfies Record<
  KeyType,
  string
>

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return ''
  return typeof cell === 'number' ? String(cell) : cell.trim()
}

function isBlank(cells: Cell[]): boolean {
  for (const c of cells) if (cellText(c) !== '') return false
  return true
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

type ValueOutcome =
  | { kind: 'value'; value: number; status: ObservationStatus | null }
  | { kind: 'missing'; reason: MissingReason; symbol?: string }
  | { kind: 'empty' }
  | { kind: 'error' }

/**
 * Turns rows of cells into records. One reader serves CSV and XLSX, so that both speak the same
 * errors; lookups that repeat on every row (keys, periods) are cached because a million-row file
 * has only a few hundred distinct ones.
 */
export function createRowReader(options: RowReaderOptions): RowReader {
  const { fileName, layout, decimal, symbols } = options
  const headers = layout.headers
  const headerLength = headers.length
  let records: ParsedRecord[] = []
  let valueCount = 0
  const isCheckingDuplicates = options.isCheckingDuplicates ?? true
  const errors: ImportErrorRow[] = []
  let errorCount = 0
  let rowsRead = 0
  let rowsOutsideYears = 0
  const emptyCounts = new Map<ValueColumn, number>()
  const symbolCounts = new Map<string, number>()
  const periodCache = new Map<string, string | null>()
  const keyCache = new Map<string, string | null>()
  const indicatorSeen = new Map<string, boolean>()
  const seen = new Map<string, Map<string, number>>()
  const known = new Set([...BUILT_IN_INDICATORS.map((d) => d.code), ...options.declaredIndicators])
  const unknownIndicators = new Set<string>()
  const keyColumn = headers[layout.keyIndex]!.trim()
  const periodColumn = layout.periodIndex === undefined ? undefined : headers[layout.periodIndex]!.trim()
  const indicatorColumn =
    layout.indicatorIndex === undefined ? undefined : headers[layout.indicatorIndex]!.trim()
  const yearFrom = options.years?.from
  const yearTo = options.years?.to
  const limits = options.limits ?? IMPORT_LIMITS

  function overLimit(row: number, what: 'rows' | 'values', limit: number): AppError {
    const text = message(what === 'rows' ? 'import.tooManyRows' : 'import.tooManyValues', {
      file: fileName,
      limit,
      row,
    })
    return new AppError('invalid_input', text, [detail(text, { file: fileName, row })])
  }

  function addError(
    row: number | undefined,
    column: string | undefined,
    value: string | undefined,
    text: Message,
  ) {
    errorCount++
    if (errors.length >= MAX_LISTED_ERRORS) return
    const sent = importMessage(text)
    // The English text for logs names the place; readers get row and column as fields of their own.
    const place = { file: fileName, text: sent.message }
    const located =
      row === undefined
        ? message('import.locatedInFile', place)
        : column === undefined
          ? message('import.locatedInRow', { ...place, row })
          : message('import.locatedInCell', { ...place, row, column })
    const error: ImportErrorRow = { ...sent, message: render('en', located) }
    if (row !== undefined) error.row = row
    if (column !== undefined) error.column = column
    if (value !== undefined) error.value = value
    errors.push(error)
  }

  function normaliseKey(raw: string): string | null {
    let hit = keyCache.get(raw)
    if (hit === undefined) {
      if (layout.keyType === 'ags') hit = normaliseKreisAgs(raw) ?? null
      else if (layout.keyType === 'nuts3') hit = normaliseNuts3(raw) ?? null
      else if (layout.keyType === 'auto') hit = normaliseKreisAgs(raw) ?? normaliseNuts3(raw) ?? raw
      else hit = raw
      keyCache.set(raw, hit)
    }
    return hit
  }

  function readPeriod(raw: string): string | null {
    let hit = periodCache.get(raw)
    if (hit === undefined) {
      const p = parsePeriod(raw)
      hit = p ? formatPeriod(p) : null
      periodCache.set(raw, hit)
    }
    return hit
  }

  function readValue(cell: Cell | undefined, row: number, column: string): ValueOutcome {
    if (typeof cell === 'number') return { kind: 'value', value: cell, status: null }
    const text = cell === undefined ? '' : cell.trim()
    if (text === '') return { kind: 'empty' }
    const n = parseDecimal(text, decimal)
    if (!Number.isNaN(n)) return { kind: 'value', value: n, status: null }
    const meaning = symbols[text]
    if (meaning === 'zero') {
      bump(symbolCounts, text)
      return { kind: 'value', value: 0, status: null }
    }
    if (meaning !== undefined) {
      bump(symbolCounts, text)
      return { kind: 'missing', reason: meaning, symbol: text }
    }
    // Destatis flags: "123 p" = vorläufig, "123 r" = berichtigt.
    const flag = text.charAt(text.length - 1).toLowerCase()
    if (flag === 'p' || flag === 'r') {
      const flagged = parseDecimal(text.slice(0, -1).trimEnd(), decimal)
      if (!Number.isNaN(flagged))
        return { kind: 'value', value: flagged, status: flag === 'p' ? 'provisional' : 'corrected' }
    }
    const example = decimal === ',' ? '1.234,5' : '1,234.5'
    addError(
      row,
      column,
      text,
      message(decimal === ',' ? 'import.notANumberComma' : 'import.notANumberPoint', {
        text,
        example,
        symbols: Object.keys(symbols).slice(0, 6).join(' '),
      }),
    )
    return { kind: 'error' }
  }

  function checkFieldCount(cells: Cell[], row: number, isLast: boolean): boolean {
    if (cells.length === headerLength) return true
    if (cells.length > headerLength) {
      let extraIsEmpty = true
      for (let i = headerLength; i < cells.length; i++) if (cellText(cells[i]) !== '') extraIsEmpty = false
      if (extraIsEmpty) return true
      const counts = { expected: headerLength, found: cells.length }
      addError(
        row,
        undefined,
        undefined,
        options.delimiter
          ? message('import.fieldCountQuotes', { ...counts, delimiter: options.delimiter })
          : message('import.fieldCount', counts),
      )
      return false
    }
    if (!options.isFieldCountStrict) return true
    const found = cells.map(cellText).join(options.delimiter ?? ';')
    if (isLast)
      addError(
        row,
        headers[cells.length]?.trim(),
        found,
        message('import.truncated', { found: cells.length, expected: headerLength, cells: found }),
      )
    else
      addError(
        row,
        undefined,
        found,
        message('import.fieldCount', { expected: headerLength, found: cells.length }),
      )
    return false
  }

  function isDuplicate(record: ParsedRecord): boolean {
    const series = `${record.orgKeyNormalised}\u0001${record.indicator}\u0001${record.breakdown}`
    let periods = seen.get(series)
    if (!periods) {
      periods = new Map()
      seen.set(series, periods)
    }
    const earlier = periods.get(record.period)
    if (earlier === undefined) {
      periods.set(record.period, record.row)
      return false
    }
    addError(
      record.row,
      record.valueColumn,
      record.value === null ? '' : String(record.value),
      message('import.duplicateInFile', {
        earlier,
        key: record.orgKey,
        indicator: record.indicator,
        period: record.period,
        breakdown: record.breakdown,
      }),
    )
    return true
  }

  function readIndicator(cells: Cell[], row: number): string | undefined {
    const raw = cellText(cells[layout.indicatorIndex!])
    const code = layout.indicatorCodes[raw] ?? raw
    let isValid = indicatorSeen.get(code)
    if (isValid === undefined) {
      isValid = INDICATOR_CODE.test(code)
      indicatorSeen.set(code, isValid)
      if (isValid && !known.has(code)) unknownIndicators.add(code)
    }
    if (isValid) return code
    addError(
      row,
      indicatorColumn,
      raw,
      raw === '' ? message('import.indicatorEmpty') : message('import.notIndicatorCode', { raw }),
    )
    return undefined
  }

  function readRow(cells: Cell[], row: number, isLast: boolean): void {
    if (cells.length === 1 && cells[0] === '') return
    const rawKey = cellText(cells[layout.keyIndex])
    if (rawKey === '' && isBlank(cells)) return
    rowsRead++
    if (rowsRead > limits.maxRows) throw overLimit(row, 'rows', limits.maxRows)
    if (!checkFieldCount(cells, row, isLast)) return
    if (rawKey === '') {
      addError(row, keyColumn, '', message(`import.keyEmpty${KEY_SUFFIX[layout.keyType]}`))
      return
    }
    const orgKeyNormalised = normaliseKey(rawKey)
    if (orgKeyNormalised === null) {
      addError(
        row,
        keyColumn,
        rawKey,
        message(`import.keyInvalid${KEY_SUFFIX[layout.keyType]}`, { key: rawKey }),
      )
      return
    }

    let rowPeriod = layout.fixedPeriod
    if (layout.periodIndex !== undefined) {
      const raw = cellText(cells[layout.periodIndex])
      const period = readPeriod(raw)
      if (period === null) {
        addError(row, periodColumn, raw, message('import.notAPeriod', { raw }))
        return
      }
      rowPeriod = period
    }
    if (rowPeriod !== undefined && (yearFrom !== undefined || yearTo !== undefined)) {
      const year = Number(rowPeriod.slice(0, 4))
      if ((yearFrom !== undefined && year < yearFrom) || (yearTo !== undefined && year > yearTo)) {
        rowsOutsideYears++
        return
      }
    }

    let indicator: string | undefined
    let breakdown = 'total'
    let status: ObservationStatus | null = null
    let missingFromColumn: MissingReason | null = null
    if (layout.format === 'long') {
      indicator = readIndicator(cells, row)
      if (indicator === undefined) return
      if (layout.breakdownIndex !== undefined)
        breakdown = normaliseBreakdown(cellText(cells[layout.breakdownIndex]))
      if (layout.statusIndex !== undefined) {
        const raw = cellText(cells[layout.statusIndex])
        const parsed = parseStatus(raw)
        if (parsed === undefined) {
          addError(row, headers[layout.statusIndex]!.trim(), raw, message('import.notAStatus', { raw }))
          return
        }
        status = parsed
      }
      if (layout.missingIndex !== undefined) {
        const raw = cellText(cells[layout.missingIndex])
        const parsed = parseMissingReason(raw, symbols)
        if (parsed === undefined) {
          addError(
            row,
            headers[layout.missingIndex]!.trim(),
            raw,
            message('import.notAMissingReason', { raw }),
          )
          return
        }
        missingFromColumn = parsed
      }
    }

    for (const vc of layout.valueColumns) {
      const period = vc.period ?? rowPeriod!
      const outcome = readValue(cells[vc.index], row, vc.column)
      if (outcome.kind === 'error') continue
      let value: number | null = null
      let missingReason: MissingReason | null = null
      let recordStatus = status
      if (outcome.kind === 'value') {
        if (missingFromColumn !== null) {
          addError(
            row,
            vc.column,
            String(outcome.value),
            message('import.valueAndMissingReason', { reason: missingFromColumn }),
          )
          continue
        }
        value = scaleValue(outcome.value, vc.scale)
        if (outcome.status !== null) recordStatus = outcome.status
      } else if (missingFromColumn !== null) missingReason = missingFromColumn
      else if (outcome.kind === 'missing') missingReason = outcome.reason
      else {
        emptyCounts.set(vc, (emptyCounts.get(vc) ?? 0) + 1)
        if (options.empty === 'skip') continue
        missingReason = 'not_delivered'
      }
      const record: ParsedRecord = {
        row,
        keyColumn,
        orgKey: rawKey,
        orgKeyNormalised,
        keyType: layout.keyType,
        indicator: indicator ?? vc.indicator!,
        indicatorColumn,
        period,
        breakdown: layout.format === 'long' ? breakdown : vc.breakdown,
        value,
        missingReason,
        status: recordStatus,
        valueColumn: vc.column,
      }
      if (valueCount >= limits.maxValues) throw overLimit(row, 'values', limits.maxValues)
      if (isCheckingDuplicates && isDuplicate(record)) continue
      valueCount++
      records.push(record)
    }
  }

  function finish(): RowReaderResult {
    const notices: ImportNotice[] = []
    for (const [vc, n] of emptyCounts) {
      // The mapping's note on why cells are empty is quoted as its author wrote it.
      const isSkipped = options.empty === 'skip'
      const params = { column: vc.column, count: n }
      const text =
        vc.emptyNote === undefined
          ? message(
              isSkipped ? 'import.notice.emptyCellsSkippedNoValue' : 'import.notice.emptyCellsMissingNoValue',
              params,
            )
          : message(isSkipped ? 'import.notice.emptyCellsSkipped' : 'import.notice.emptyCellsMissing', {
              ...params,
              why: vc.emptyNote.en,
              ...(vc.emptyNote.de === undefined ? {} : { whyDe: vc.emptyNote.de }),
            })
      notices.push({
        kind: 'empty_cells',
        ...importMessage(text),
        count: n,
      })
    }
    for (const [symbol, n] of symbolCounts) {
      const meaning = symbols[symbol]!
      const explanation = SYMBOL_EXPLANATIONS[symbol]
      // The official legend of the symbol, quoted in German (Destatis' wording) in both languages.
      const explained = explanation ? ` (${explanation})` : ''
      notices.push({
        kind: 'missing_symbols',
        ...importMessage(
          meaning === 'zero'
            ? message('import.notice.symbolAsZero', { count: n, symbol, explanation: explained })
            : message('import.notice.symbolAsMissing', { count: n, symbol, explanation: explained, meaning }),
        ),
        count: n,
      })
    }
    if (rowsOutsideYears > 0) {
      const range = `${yearFrom ?? '…'}–${yearTo ?? '…'}`
      notices.push({
        kind: 'outside_years',
        ...importMessage(message('import.notice.rowsOutsideYears', { count: rowsOutsideYears, range })),
        count: rowsOutsideYears,
      })
    }
    if (layout.periodColumnsOutsideYears.length > 0)
      notices.push({
        kind: 'outside_years',
        ...importMessage(
          message('import.notice.columnsOutsideYears', { count: layout.periodColumnsOutsideYears.length }),
        ),
        count: layout.periodColumnsOutsideYears.length,
        keys: layout.periodColumnsOutsideYears,
      })
    if (layout.ignoredColumns.length > 0)
      notices.push({
        kind: 'ignored_columns',
        ...importMessage(
          message('import.notice.ignoredColumns', {
            count: layout.ignoredColumns.length,
            columns: `${layout.ignoredColumns.slice(0, 10).join(', ')}${layout.ignoredColumns.length > 10 ? ', …' : ''}`,
          }),
        ),
        count: layout.ignoredColumns.length,
        keys: layout.ignoredColumns,
      })
    if (unknownIndicators.size > 0)
      notices.push({
        kind: 'unknown_indicators',
        ...importMessage(
          message('import.notice.unknownIndicators', { codes: [...unknownIndicators].join(', ') }),
        ),
        count: unknownIndicators.size,
        keys: [...unknownIndicators],
      })
    if (errorCount > errors.length)
      errors.push({
        ...importMessage(
          message('import.furtherErrors', { file: fileName, count: errorCount - errors.length }),
        ),
      })
    return { rowsRead, records, errors, errorCount, notices }
  }

  function takeRecords(): ParsedRecord[] {
    const taken = records
    records = []
    return taken
  }

  return {
    readRow,
    addError,
    countErrors: (count: number) => void (errorCount += count),
    takeRecords,
    pendingRecords: () => records.length,
    finish,
  }
}
