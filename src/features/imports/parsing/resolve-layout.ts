import { AppError, detail, type ErrorDetail } from '../../../core/errors/app-error'
import { message, type Message } from '../../../core/messages/text'
import { formatPeriod, parsePeriod } from '../../../core/periods/period'
import { BUILT_IN_INDICATORS } from '../../indicators/catalogue'
import { normaliseHeader } from './cell-values'
import type { ColumnMapping } from './mapping-schema'
import type { ImportFormat, KeyType } from './types'

/** One column that yields values. */
export interface ValueColumn {
  index: number
  column: string
  /** Fixed for wide tables; undefined in long tables, where the indicator column says it. */
  indicator?: string
  breakdown: string
  scale: number
  /** wide-periods: the period the column holds. */
  period?: string
  /** Why cells of the column are empty, as the mapping's author wrote it (`de`: the German version). */
  emptyNote?: EmptyNote
}

export interface EmptyNote {
  en: string
  de?: string
}

/** A column's own note on empty cells wins over the mapping's; each with its German version if given. */
function emptyNoteOf(
  column: { emptyNote?: string; emptyNoteDe?: string } | undefined,
  mapping: { emptyNote?: string; emptyNoteDe?: string } | undefined,
): EmptyNote | undefined {
  const from = column?.emptyNote !== undefined ? column : mapping
  if (from?.emptyNote === undefined) return undefined
  return from.emptyNoteDe === undefined
    ? { en: from.emptyNote }
    : { en: from.emptyNote, de: from.emptyNoteDe }
}

export interface Layout {
  format: ImportFormat
  headers: string[]
  keyIndex: number
  keyType: KeyType
  periodIndex?: number
  fixedPeriod?: string
  indicatorIndex?: number
  breakdownIndex?: number
  statusIndex?: number
  missingIndex?: number
  indicatorCodes: Record<string, string>
  valueColumns: ValueColumn[]
  ignoredColumns: string[]
  /** wide-periods: period columns dropped by the mapping's year range. */
  periodColumnsOutsideYears: string[]
}

const KEY_ALIASES: Record<string, KeyType> = {
  ags: 'ags',
  ags5: 'ags',
  ags8: 'ags',
  kreisags: 'ags',
  kennziffer: 'ags',
  kennziffer8: 'ags',
  kreiskennziffer: 'ags',
  gemeindeschluessel: 'ags',
  kreisschluessel: 'ags',
  regionalschluessel: 'ags',
  nuts: 'nuts3',
  nuts3: 'nuts3',
  org: 'auto',
  orgkey: 'auto',
  organisation: 'auto',
  organization: 'auto',
  jobcenter: 'auto',
  traeger: 'auto',
  id: 'id',
  orgid: 'id',
  organisationid: 'id',
}
const INDICATOR_ALIASES = ['indicator', 'indikator', 'kennzahl', 'indicatorcode', 'code']
const PERIOD_ALIASES = [
  'period',
  'periode',
  'monat',
  'zeitraum',
  'jahr',
  'zeitbezug',
  'berichtsmonat',
  'berichtsjahr',
  'stichtag',
  'datum',
  'month',
  'year',
  'date',
]
const VALUE_ALIASES = ['value', 'wert', 'betrag']
const BREAKDOWN_ALIASES = ['breakdown', 'merkmal', 'geschlecht', 'sex', 'gender', 'auspraegung']
const STATUS_ALIASES = ['status']
const MISSING_ALIASES = ['missing', 'missingreason', 'fehlgrund', 'grund']

export interface ResolveLayoutOptions {
  fileName: string
  headerRow: number
  mapping?: ColumnMapping
  /** Overrides the mapping's indicator for wide-periods tables. */
  indicator?: string
}

function findHeader(normalised: string[], names: readonly string[]): number | undefined {
  for (const name of names) {
    const index = normalised.indexOf(normaliseHeader(name))
    if (index !== -1) return index
  }
  return undefined
}

/** A column the header lacks: its name and what was expected there, said with the columns found. */
interface MissingColumn {
  name: string
  expected: (found: string) => Message
}

/** What the whole header was expected to hold, by the format read. */
type Expectation = 'any' | 'long' | 'wideIndicators' | 'widePeriods'

const LACKS = {
  any: ['import.headerLacksAny', 'import.headerLacksAnyMapped'],
  long: ['import.headerLacksLong', 'import.headerLacksLongMapped'],
  wideIndicators: ['import.headerLacksWideIndicators', 'import.headerLacksWideIndicatorsMapped'],
  widePeriods: ['import.headerLacksWidePeriods', 'import.headerLacksWidePeriodsMapped'],
} as const

function missingColumnsError(
  options: ResolveLayoutOptions,
  headers: string[],
  missing: MissingColumn[],
  expectation: Expectation,
): AppError {
  const listed = headers.filter((h) => h.trim() !== '').join(', ')
  // A header without a name in it: a dash, which reads the same in both languages.
  const found = listed || '–'
  const details: ErrorDetail[] = missing.map((m) =>
    detail(m.expected(found), {
      file: options.fileName,
      row: options.headerRow,
      column: m.name,
      value: listed || '(nothing)',
    }),
  )
  const names = missing.map((m) => `"${m.name}"`).join(', ')
  const params = { file: options.fileName, row: options.headerRow, names, found }
  const [plain, mapped] = LACKS[expectation]
  return new AppError(
    'invalid_input',
    options.mapping ? message(mapped, { ...params, mapping: options.mapping.name }) : message(plain, params),
    details,
  )
}

function knownIndicatorCodes(mapping?: ColumnMapping): Map<string, string> {
  const codes = new Map<string, string>()
  for (const d of [...BUILT_IN_INDICATORS, ...(mapping?.indicators ?? [])])
    codes.set(d.code.toLowerCase(), d.code)
  return codes
}

function isInYears(period: string, mapping?: ColumnMapping): boolean {
  const year = Number(period.slice(0, 4))
  const from = mapping?.years?.from
  const to = mapping?.years?.to
  return (from === undefined || year >= from) && (to === undefined || year <= to)
}

/** A column found by its aliases (or the name a mapping gives), by its role in a long table. */
const ROLE_COLUMN = {
  indicator: 'import.expectedIndicatorColumn',
  period: 'import.expectedPeriodColumn',
  value: 'import.expectedValueColumn',
} as const

/** An optional column a mapping names, by its role in a long table. */
const NAMED_COLUMN = {
  breakdown: 'import.expectedBreakdownColumnNamed',
  status: 'import.expectedStatusColumnNamed',
  missing: 'import.expectedMissingColumnNamed',
} as const

/** Works out from the header (and the mapping, when given) which column holds what. */
export function resolveLayout(headers: string[], options: ResolveLayoutOptions): Layout {
  const mapping = options.mapping
  const normalised = headers.map(normaliseHeader)
  const used = new Set<number>()
  const missing: MissingColumn[] = []
  const take = (index: number | undefined): number | undefined => {
    if (index !== undefined) used.add(index)
    return index
  }

  let keyIndex: number | undefined
  let keyType: KeyType = 'auto'
  if (mapping) {
    keyIndex = take(findHeader(normalised, [mapping.key.column]))
    keyType = mapping.key.type
    if (keyIndex === undefined)
      missing.push({
        name: mapping.key.column,
        expected: (found) => message('import.expectedKeyColumnNamed', { column: mapping.key.column, found }),
      })
  } else {
    const index = normalised.findIndex((h) => KEY_ALIASES[h] !== undefined)
    if (index !== -1) {
      keyIndex = take(index)
      keyType = KEY_ALIASES[normalised[index]!]!
    }
  }

  let periodIndex: number | undefined
  let fixedPeriod: string | undefined
  const periodSpec = mapping?.period
  if (periodSpec && 'fixed' in periodSpec) fixedPeriod = formatPeriod(parsePeriod(periodSpec.fixed)!)
  else if (periodSpec) {
    periodIndex = take(findHeader(normalised, [periodSpec.column]))
    if (periodIndex === undefined)
      missing.push({
        name: periodSpec.column,
        expected: (found) =>
          message('import.expectedPeriodColumnNamed', { column: periodSpec.column, found }),
      })
  }

  let format: ImportFormat | undefined = mapping?.format
  const long = mapping?.long
  const aliasIndex = (explicit: string | undefined, aliases: string[]) =>
    explicit === undefined ? findHeader(normalised, aliases) : findHeader(normalised, [explicit])
  if (!format) {
    const hasLongColumns =
      findHeader(normalised, INDICATOR_ALIASES) !== undefined &&
      findHeader(normalised, VALUE_ALIASES) !== undefined &&
      findHeader(normalised, PERIOD_ALIASES) !== undefined
    const codes = knownIndicatorCodes(mapping)
    if (hasLongColumns) format = 'long'
    else if (
      findHeader(normalised, PERIOD_ALIASES) !== undefined &&
      normalised.some((_, i) => i !== keyIndex && codes.has(headers[i]!.trim().toLowerCase()))
    )
      format = 'wide-indicators'
    else if (headers.some((h, i) => i !== keyIndex && parsePeriod(h) !== undefined)) format = 'wide-periods'
  }
  if (keyIndex === undefined || format === undefined) {
    if (keyIndex === undefined && !mapping)
      missing.push({ name: 'org', expected: (found) => message('import.expectedKeyColumn', { found }) })
    throw missingColumnsError(options, headers, missing, 'any')
  }

  const layout: Layout = {
    format,
    headers,
    keyIndex,
    keyType,
    indicatorCodes: long?.indicatorCodes ?? {},
    valueColumns: [],
    ignoredColumns: [],
    periodColumnsOutsideYears: [],
  }
  if (fixedPeriod !== undefined) layout.fixedPeriod = fixedPeriod

  if (format === 'long') {
    const require = (explicit: string | undefined, aliases: string[], role: keyof typeof ROLE_COLUMN) => {
      const index = take(aliasIndex(explicit, aliases))
      if (index === undefined)
        missing.push({
          name: explicit ?? aliases[0]!,
          expected: (found) => message(ROLE_COLUMN[role], { names: explicit ?? aliases.join(', '), found }),
        })
      return index
    }
    layout.indicatorIndex = require(long?.indicator, INDICATOR_ALIASES, 'indicator')
    if (periodIndex === undefined && fixedPeriod === undefined)
      periodIndex = require(undefined, PERIOD_ALIASES, 'period')
    const valueIndex = require(long?.value, VALUE_ALIASES, 'value')
    layout.breakdownIndex = take(aliasIndex(long?.breakdown, BREAKDOWN_ALIASES))
    layout.statusIndex = take(aliasIndex(long?.status, STATUS_ALIASES))
    layout.missingIndex = take(aliasIndex(long?.missing, MISSING_ALIASES))
    for (const [explicit, role] of [
      [long?.breakdown, 'breakdown'],
      [long?.status, 'status'],
      [long?.missing, 'missing'],
    ] as const) {
      if (explicit !== undefined && findHeader(normalised, [explicit]) === undefined)
        missing.push({
          name: explicit,
          expected: (found) => message(NAMED_COLUMN[role], { column: explicit, found }),
        })
    }
    if (missing.length > 0 || valueIndex === undefined)
      throw missingColumnsError(options, headers, missing, 'long')
    layout.valueColumns.push({
      index: valueIndex,
      column: headers[valueIndex]!.trim(),
      breakdown: 'total',
      scale: mapping?.scale ?? 1,
    })
  } else if (format === 'wide-indicators') {
    if (periodIndex === undefined && fixedPeriod === undefined) {
      periodIndex = take(findHeader(normalised, PERIOD_ALIASES))
      if (periodIndex === undefined)
        missing.push({
          name: 'period',
          expected: (found) =>
            message('import.expectedAPeriodColumn', { names: PERIOD_ALIASES.join(', '), found }),
        })
    }
    if (mapping?.columns) {
      for (const c of mapping.columns) {
        const index = take(findHeader(normalised, [c.column]))
        if (index === undefined) {
          missing.push({
            name: c.column,
            expected: (found) =>
              message('import.expectedValueColumnNamed', { column: c.column, indicator: c.indicator, found }),
          })
          continue
        }
        const vc: ValueColumn = {
          index,
          column: headers[index]!.trim(),
          indicator: c.indicator,
          breakdown: c.breakdown ?? mapping.breakdown ?? 'total',
          scale: c.scale ?? mapping.scale ?? 1,
        }
        const note = emptyNoteOf(c, mapping)
        if (note !== undefined) vc.emptyNote = note
        layout.valueColumns.push(vc)
      }
    } else {
      const codes = knownIndicatorCodes(mapping)
      headers.forEach((h, index) => {
        const code = codes.get(h.trim().toLowerCase())
        if (code === undefined || used.has(index)) return
        used.add(index)
        layout.valueColumns.push({ index, column: h.trim(), indicator: code, breakdown: 'total', scale: 1 })
      })
    }
    if (missing.length > 0) throw missingColumnsError(options, headers, missing, 'wideIndicators')
  } else {
    const indicator = options.indicator ?? mapping?.indicator
    if (indicator === undefined)
      throw new AppError(
        'invalid_input',
        message('import.widePeriodsNeedIndicator', { file: options.fileName }),
        [
          detail(message('import.widePeriodsIndicatorRequired'), {
            file: options.fileName,
            field: 'indicator',
          }),
        ],
      )
    if (missing.length > 0) throw missingColumnsError(options, headers, missing, 'widePeriods')
    headers.forEach((h, index) => {
      if (used.has(index)) return
      const p = parsePeriod(h)
      if (!p) return
      used.add(index)
      const period = formatPeriod(p)
      if (!isInYears(period, mapping)) {
        layout.periodColumnsOutsideYears.push(h.trim())
        return
      }
      layout.valueColumns.push({
        index,
        column: h.trim(),
        indicator,
        breakdown: mapping?.breakdown ?? 'total',
        scale: mapping?.scale ?? 1,
        period,
        ...(emptyNoteOf(undefined, mapping) === undefined
          ? {}
          : { emptyNote: emptyNoteOf(undefined, mapping) }),
      })
    })
  }

  if (periodIndex !== undefined) layout.periodIndex = periodIndex
  layout.ignoredColumns = headers.filter((h, i) => !used.has(i) && h.trim() !== '').map((h) => h.trim())
  return layout
}
