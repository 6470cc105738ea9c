import type { FileLimits } from '../../../core/limits/input-limits'
import type { ImportErrorRow, ImportNotice, MissingReason, ObservationStatus } from '../../../db/schema'
import type { IndicatorDefinition } from '../../indicators/catalogue'
import type { ColumnMapping } from './mapping-schema'

export type { ColumnMapping } from './mapping-schema'

export type KeyType = 'ags' | 'nuts3' | 'id' | 'auto'
export type ImportFormat = 'long' | 'wide-periods' | 'wide-indicators'

export interface ParsedRecord {
  /** 1-based row as a spreadsheet shows it (header = 1; a quoted line break stays in its row). */
  row: number
  /** Column the organisation key came from (for error messages). */
  keyColumn: string
  /** The key text as in the file, trimmed. */
  orgKey: string
  /**
   * The key in canonical form: 5-digit AGS or upper-case NUTS-3 (for 'auto' keys when the text
   * reads as one), otherwise orgKey. Duplicates are detected on this form.
   */
  orgKeyNormalised: string
  keyType: KeyType
  indicator: string
  indicatorColumn?: string
  /** 'YYYY-MM' or 'YYYY'. */
  period: string
  /** 'total' when the file has none. */
  breakdown: string
  value: number | null
  /** Set iff value is null. */
  missingReason: MissingReason | null
  /** null = not given in the file. */
  status: ObservationStatus | null
  /** Column the value came from. */
  valueColumn: string
}

export interface ParseResult {
  fileName: string
  format: ImportFormat
  fileType: 'csv' | 'xlsx'
  encoding: string
  hasBom?: boolean
  delimiter?: string
  decimal: ',' | '.'
  /** Data rows (not counting header/blank lines). */
  rowsRead: number
  records: ParsedRecord[]
  /** Row-level problems; at most MAX_LISTED_ERRORS are listed, errorCount has the total. */
  errors: ImportErrorRow[]
  errorCount: number
  /** Explained non-errors, e.g. "312 empty cells: no value published (INKAR)". */
  notices: ImportNotice[]
  /** The mapping used (for the caller's key policy). */
  mapping?: ColumnMapping
  /** Indicators the mapping declares (the caller upserts them). */
  indicators: IndicatorDefinition[]
}

export interface ParseOptions {
  fileName: string
  mapping?: ColumnMapping
  encoding?: 'utf-8' | 'windows-1252' | 'latin1'
  delimiter?: string
  decimal?: ',' | '.'
  /** For wide-periods files without a mapping: the indicator the period columns hold. */
  indicator?: string
  onProgress?: (bytesDone: number, bytesTotal: number) => void
  /** Defaults to FILE_LIMITS (core/limits); tests pass smaller ones. */
  limits?: FileLimits
}
