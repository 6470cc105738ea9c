/**
 * A single-pass CSV tokenizer over one decoded string (RFC 4180 plus what German exports do:
 * any one-character separator, CRLF or LF, quoted fields with separators, line breaks and
 * doubled quotes). It walks char codes and slices fields out of the text, so the file exists
 * once in memory; rows are handed to a callback instead of being collected. The limits of
 * CSV_LIMITS (record length, fields, records) hold for every CSV the platform reads.
 */
import { AppError, detail } from '../../../core/errors/app-error'
import { message, type Message } from '../../../core/messages/text'
import { CSV_LIMITS, type CsvLimits } from '../../../core/limits/input-limits'

const QUOTE = 34
const LF = 10
const CR = 13

export interface CsvRowInfo {
  /** 1-based record number as a spreadsheet shows it (blank lines count, quoted breaks do not). */
  row: number
  /** Character offset just after the record. */
  end: number
  /** True when nothing but line breaks follows this record. */
  isLast: boolean
  /** 1-based field whose closing quote is followed by more text (`"a"b`): a quote is missing. */
  strayQuoteField?: number
}

export interface TokenizeCsvOptions {
  /** For the errors of the limits. */
  fileName: string
  delimiter: string
  limits?: CsvLimits
  /**
   * Return false to stop early (e.g. after a sample). `fields` is one array, refilled for every
   * row: keep a copy (`fields.slice()`), never the array. Arrays made fresh for every row and
   * kept in bulk (a sample of 2,000 rows) teach V8 to allocate all of them in the old generation,
   * where the next million rows' arrays and the strings they hold die only at a full collection
   * (the import's peak memory in docs/benchmarks.md).
   */
  onRow: (fields: string[], info: CsvRowInfo) => boolean | void
  /** Called roughly every `progressStep` characters with the current offset. */
  onProgress?: (offset: number) => void
  progressStep?: number
  /** Where to go on after a stop (`stoppedAt` and `rows` of the previous call): reading in batches. */
  from?: { offset: number; row: number }
}

export interface TokenizeCsvResult {
  rows: number
  /** Set when the text ends inside a quoted field: the record and 1-based field where it opened. */
  unterminatedQuote?: { row: number; field: number }
  /** Set when `onRow` stopped the reading: the offset just after the last row read. */
  stoppedAt?: number
}

/** `why` names the file and row first ("{file}: row {row}: …"): the refusal and its detail say the same. */
function overLimit(fileName: string, row: number, why: Message): AppError {
  return new AppError('invalid_input', why, [detail(why, { file: fileName, row })])
}

function onlyLineBreaksFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== LF && c !== CR) return false
  }
  return true
}

export function tokenizeCsv(text: string, options: TokenizeCsvOptions): TokenizeCsvResult {
  const d = options.delimiter.charCodeAt(0)
  const n = text.length
  const limits = options.limits ?? CSV_LIMITS
  const step = options.progressStep ?? Math.max(1, Math.floor(n / 100))
  let i = options.from?.offset ?? 0
  let row = options.from?.row ?? 0
  let nextProgress = (Math.floor(i / step) + 1) * step
  const fields: string[] = []

  while (i < n) {
    row++
    if (row > limits.maxRows)
      throw overLimit(
        options.fileName,
        row,
        message('csv.tooManyRows', { file: options.fileName, row, max: limits.maxRows }),
      )
    const rowStart = i
    fields.length = 0
    let strayQuoteField: number | undefined
    for (;;) {
      if (fields.length >= limits.maxColumns)
        throw overLimit(
          options.fileName,
          row,
          message('csv.tooManyColumns', {
            file: options.fileName,
            row,
            max: limits.maxColumns,
            delimiter: options.delimiter,
          }),
        )
      if (i < n && text.charCodeAt(i) === QUOTE) {
        i++
        let value = ''
        let start = i
        for (;;) {
          const q = text.indexOf('"', i)
          if (q === -1) {
            // The quote never closes: the file was cut off. The swallowed rest is not a value.
            return { rows: row, unterminatedQuote: { row, field: fields.length + 1 } }
          }
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1)
            i = q + 2
            start = i
            continue
          }
          value += text.slice(start, q)
          i = q + 1
          break
        }
        // Text between a closing quote and the separator (`"a"b`) is kept, as spreadsheets do, but
        // flagged: it usually means a quote is missing and fields have shifted.
        let j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === d || c === LF || c === CR) break
          j++
        }
        if (j > i) strayQuoteField ??= fields.length + 1
        fields.push(j > i ? value + text.slice(i, j) : value)
        i = j
      } else {
        let j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === d || c === LF || c === CR) break
          j++
        }
        fields.push(text.slice(i, j))
        i = j
      }
      if (i >= n) break
      const c = text.charCodeAt(i)
      if (c === d) {
        i++
        if (i >= n) {
          fields.push('')
          break
        }
        continue
      }
      i++
      if (c === CR && i < n && text.charCodeAt(i) === LF) i++
      break
    }
    if (i - rowStart > limits.maxRecordChars)
      throw overLimit(
        options.fileName,
        row,
        message('csv.rowTooLong', {
          file: options.fileName,
          row,
          length: i - rowStart,
          max: limits.maxRecordChars,
        }),
      )
    const isLast = i >= n || onlyLineBreaksFrom(text, i)
    const info: CsvRowInfo = { row, end: i, isLast }
    if (strayQuoteField !== undefined) info.strayQuoteField = strayQuoteField
    if (options.onProgress && i >= nextProgress) {
      options.onProgress(i)
      nextProgress = (Math.floor(i / step) + 1) * step
    }
    if (options.onRow(fields, info) === false) return isLast ? { rows: row } : { rows: row, stoppedAt: i }
    if (isLast) break
  }
  return { rows: row }
}

const CANDIDATES = [';', '\t', ',', '|']

/**
 * Picks the separator that occurs most often outside quotes in the given line (the header).
 * Ties go to `;`, the separator of German exports, before tab and comma.
 */
export function detectDelimiter(line: string): string {
  const counts = new Map<number, number>()
  let inQuotes = false
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === QUOTE) inQuotes = !inQuotes
    else if (!inQuotes) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best = ','
  let bestCount = 0
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate.charCodeAt(0)) ?? 0
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}

/** The text of the n-th physical line (1-based), without its line break. */
export function physicalLine(text: string, n: number): string {
  let start = 0
  for (let k = 1; k < n; k++) {
    const next = text.indexOf('\n', start)
    if (next === -1) return ''
    start = next + 1
  }
  let end = text.indexOf('\n', start)
  if (end === -1) end = text.length
  if (end > start && text.charCodeAt(end - 1) === CR) end--
  return text.slice(start, end)
}
