/**
 * Every size, count and length limit on what reaches the server, in one place, with its number and
 * why. They are checked before the work they guard (docs/security.md, "Input limits"), and their
 * errors say the limit. Only the upload size can be changed, by environment (uploadLimitFromEnv).
 */
import { detail, invalidInput } from '../errors/app-error'
import { message } from '../messages/text'

const KB = 1024
const MB = 1024 * KB

/** Files sent to the server (multipart/form-data): one file, a few small fields. */
export const UPLOAD_LIMITS = {
  /** Default size of one uploaded file; a million long rows of a BA download are ~38 MB as CSV. */
  defaultMaxFileBytes: 50 * MB,
  /** The most BENCHLEARN_MAX_UPLOAD_MB may raise it to: beyond this, split the file. */
  maxConfigurableFileBytes: 1024 * MB,
  /** Official comparison types (peers): a CSV of ~400 rows. */
  peerTypesMaxBytes: 16 * MB,
  /** District boundaries (GeoJSON of ~400 districts, simplified ~20 MB). */
  boundariesMaxBytes: 32 * MB,
  /** An attachment of a practice card (PDF, image, Office file). */
  attachmentMaxBytes: 5 * MB,
  /** A data collection's form filled offline (the template of a few hundred rows is ~10 kB). */
  collectionWorkbookMaxBytes: 2 * MB,
  /** Bytes of multipart framing (boundaries, part headers, small fields) allowed beyond the file. */
  multipartOverheadBytes: 64 * KB,
  /** Parts of one request: the file and a few form fields at most. */
  maxParts: 10,
  maxFiles: 1,
  maxFields: 9,
  maxFieldBytes: 4 * KB,
  maxFieldNameBytes: 100,
  maxHeaderPairs: 50,
} as const

/** Bodies of JSON requests (the largest real one, a meeting's minutes, is well under 100 kB). */
export const JSON_BODY_LIMIT_BYTES = 1 * MB

/**
 * XLSX files are zip archives; these are checked on the archive's central directory before anything
 * is unpacked, and again while unpacking (declared sizes can lie).
 */
export const XLSX_LIMITS = {
  /** A workbook has a few dozen entries (sheets, styles, strings, relations). */
  maxEntries: 1000,
  /** Unpacked bytes of all entries together (the parser needs ~15× this in memory). */
  maxTotalBytes: 100 * MB,
  /** Unpacked bytes of one entry (one worksheet's XML). */
  maxEntryBytes: 64 * MB,
  /** Unpacked ÷ packed: worksheet XML packs 5–30×; zip bombs pack 1000× and more. */
  maxCompressionRatio: 200,
  /** Entries smaller than this unpacked are not held to the ratio (tiny XML packs very well). */
  ratioCheckedFromBytes: 1 * MB,
} as const

/** CSV files (and every CSV the platform reads: observations, lists of organisations, peer types). */
export const CSV_LIMITS = {
  /** Characters of one record (quoted line breaks included); a 400-column INKAR row is ~5,000. */
  maxRecordChars: 256 * KB,
  /** Fields of one record. */
  maxColumns: 2000,
  /** Records of one file, blank lines included. */
  maxRows: 2_000_000,
} as const

/** One import of observations, whatever the file type. */
export const IMPORT_LIMITS = {
  /** Data rows of one file (CSV records or worksheet rows). */
  maxRows: 2_000_000,
  /** Values of one file (a wide row carries several). */
  maxValues: 5_000_000,
} as const

type Numbers<T> = { [K in keyof T]: number }
export type XlsxLimits = Numbers<typeof XLSX_LIMITS>
export type CsvLimits = Numbers<typeof CSV_LIMITS>
export type ImportLimits = Numbers<typeof IMPORT_LIMITS>

/** The limits a parse runs under (tests pass smaller ones to reach them with small files). */
export interface FileLimits {
  xlsx: XlsxLimits
  csv: CsvLimits
  import: ImportLimits
}

export const FILE_LIMITS: FileLimits = { xlsx: XLSX_LIMITS, csv: CSV_LIMITS, import: IMPORT_LIMITS }

/** Parsing uploaded files off the request thread (worker threads). */
export const PARSE_WORKER_LIMITS = {
  /** Heap of one parsing worker; a file that needs more is refused with this number. */
  maxHeapMb: 1536,
  /** Wall-clock time of one parse. */
  timeoutMs: 120_000,
  /** Parses at once (default; BENCHLEARN_PARSE_WORKERS changes it, at most maxWorkers). */
  defaultWorkers: 1,
  maxWorkers: 8,
  /** Uploads waiting for a worker; one more is answered 503. */
  maxQueued: 4,
  /**
   * A CSV up to this size is read on the request thread: starting a worker (~0.3 s) costs far
   * more than reading it (a few milliseconds), and a monthly upload of one job centre is this small.
   */
  inlineMaxBytes: 256 * KB,
} as const

/**
 * Lengths of values in requests (zod contracts). Query strings are bounded by Node's 16 kB header
 * limit anyway; these give a clear error naming the field first.
 */
export const REQUEST_LIMITS = {
  /** Keys, codes, names of things (an organisation key, an indicator code, a person's name). */
  maxNameChars: 200,
  /** Search terms. */
  maxSearchChars: 200,
  /** Short free text (titles, venues, one-line fields). */
  maxShortTextChars: 1000,
  /** Long free text (descriptions, minutes, comments). */
  maxLongTextChars: 50_000,
  /** Items of a list in a request (ids, keys, figures); a network has ~400 districts. */
  maxListItems: 500,
  /** Characters of a comma-separated list in a query (500 keys of up to 12 characters). */
  maxListChars: 6500,
  /** Rows a page may skip. */
  maxOffset: 1_000_000_000,
} as const

/** Megabytes as people read them in messages (50 MB, 0.5 MB). */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`
  if (bytes >= KB) return `${Number((bytes / KB).toFixed(1))} kB`
  return `${bytes} bytes`
}

/**
 * The upload size limit from BENCHLEARN_MAX_UPLOAD_MB (a whole number of megabytes), else the
 * default. A value that is not such a number is an error at start, not a silent default.
 */
export function uploadLimitFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return UPLOAD_LIMITS.defaultMaxFileBytes
  const mb = Number(value)
  const maxMb = UPLOAD_LIMITS.maxConfigurableFileBytes / MB
  if (!Number.isInteger(mb) || mb < 1 || mb > maxMb)
    throw invalidInput(message('limits.uploadMb', { max: maxMb, value }), [
      detail(message('limits.expectedRange', { max: maxMb }), { field: 'BENCHLEARN_MAX_UPLOAD_MB', value }),
    ])
  return mb * MB
}

/** How many files are parsed at once, from BENCHLEARN_PARSE_WORKERS, else the default. */
export function parseWorkersFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return PARSE_WORKER_LIMITS.defaultWorkers
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > PARSE_WORKER_LIMITS.maxWorkers)
    throw invalidInput(message('limits.parseWorkers', { max: PARSE_WORKER_LIMITS.maxWorkers, value }), [
      detail(message('limits.expectedRange', { max: PARSE_WORKER_LIMITS.maxWorkers }), {
        field: 'BENCHLEARN_PARSE_WORKERS',
        value,
      }),
    ])
  return n
}
