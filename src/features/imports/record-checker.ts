/**
 * The checks of an import's records (indicator, period, value, breakdown, organisation key), the
 * CSV lines both write paths build from checked records, and the direct path's sample of changes.
 * Plain functions over loaded rows, no database: the direct path on PGlite runs them in a worker
 * thread (direct-rows-worker.ts), the other paths on the importing thread.
 */
import type { ImportErrorRow, ImportNotice } from '../../db/schema'
import { formatPeriod, parsePeriod, periodFromDate, periodStartDate } from '../../core/periods/period'
import { implausiblePeriodMessage, implausibleValueMessage } from '../../core/plausibility/plausible-values'
import type { IndicatorRow } from '../indicators/indicator.repository'
import type { ColumnMapping, ParsedRecord } from './parsing/types'
import { MergerAttribution, type AttributedRecord } from './attribute-merged-districts'
import type { KeyResolver, Resolution } from './resolve-keys'
import { importMessage } from './import-message'
import { message, type Message } from '../../core/messages/text'

export const MAX_ERRORS = 1000
export const CHANGE_SAMPLE = 20

export interface ValueChange {
  organisationId: number
  indicator: string
  period: string
  breakdown: string
  before: number | string | null
  after: number | string
}

export type Accepted = AttributedRecord

/** A record of a district without an organisation, reported and skipped: staged for the duplicate check. */
export interface Unmatched {
  record: ParsedRecord
  organisationId: null
  indicatorId: number
  day: string
}

/** A value per pair of keys. */
class PairCache<A, B, V> {
  private readonly byFirst = new Map<A, Map<B, V>>()

  get(a: A, b: B): V | undefined {
    return this.byFirst.get(a)?.get(b)
  }

  set(a: A, b: B, value: V): void {
    let inner = this.byFirst.get(a)
    if (!inner) {
      inner = new Map()
      this.byFirst.set(a, inner)
    }
    inner.set(b, value)
  }
}

/** The checks of every record, batch by batch, with what they found so far. */
export class RecordChecker {
  readonly errors: ImportErrorRow[] = []
  rejected = 0
  /** Records checked: every value the reader handed over (its refused ones are in its tail). */
  records = 0
  private readonly unmatched = new Map<string, { notice: ImportNotice; keys: Set<string> }>()
  // Files repeat the same few keys and periods many times: resolve each distinct one once. Maps of
  // maps rather than one map by a joined key: no string is built per record to look one up.
  private readonly periodCache = new PairCache<
    number,
    string,
    { day: string | null; implausible: Message | null }
  >()
  private readonly resolutionCache = new Map<string, PairCache<string, string, Resolution>>()
  private readonly isReportingUnmatched: boolean
  readonly attribution: MergerAttribution | null

  constructor(
    private readonly indicators: Map<string, IndicatorRow>,
    private readonly resolver: KeyResolver,
    private readonly mapping: ColumnMapping | undefined,
    /** When set, rows of any other organisation are rejected (ImportFileOptions.onlyOrganisation). */
    private readonly onlyOrganisation: { id: number; name: string } | undefined,
    private readonly now: Date,
  ) {
    this.isReportingUnmatched = mapping?.unmatchedKeys === 'report'
    this.attribution = mapping?.territorialChanges === 'attribute' ? new MergerAttribution(resolver) : null
  }

  /**
   * Counts a refused record and lists it among the first MAX_ERRORS. A method, not a closure made
   * per record: a 1M-row import spent ~0.8 s creating (and naming, under tsx) those closures.
   */
  private refuse(record: ParsedRecord, column: string, value: string, text: Message): void {
    this.rejected++
    if (this.errors.length < MAX_ERRORS)
      this.errors.push({ row: record.row, column, value, ...importMessage(text) })
  }

  /** The record ready to write, a skipped record of a district without organisation, or undefined. */
  check(record: ParsedRecord): Accepted | Unmatched | undefined {
    const {
      indicators,
      periodCache,
      resolutionCache,
      resolver,
      now,
      onlyOrganisation: only,
      isReportingUnmatched,
      unmatched,
    } = this
    this.records++
    const indicator = indicators.get(record.indicator)
    if (!indicator) {
      this.refuse(
        record,
        record.indicatorColumn ?? record.valueColumn,
        record.indicator,
        message('import.unknownIndicator', { code: record.indicator }),
      )
      return undefined
    }
    let checked = periodCache.get(indicator.id, record.period)
    if (checked === undefined) {
      const period = parsePeriod(record.period)
      const isRightKind = period !== undefined && period.frequency === indicator.frequency
      checked = {
        day: isRightKind ? periodStartDate(period) : null,
        implausible: isRightKind ? implausiblePeriodMessage(indicator, period, now) : null,
      }
      periodCache.set(indicator.id, record.period, checked)
    }
    const day = checked.day
    if (day === null) {
      const code = indicator.code
      this.refuse(
        record,
        'period',
        record.period,
        indicator.frequency === 'monthly'
          ? message('import.wrongFrequencyMonthly', { code })
          : message('import.wrongFrequencyYearly', { code }),
      )
      return undefined
    }
    if (checked.implausible !== null) {
      this.refuse(record, 'period', record.period, checked.implausible)
      return undefined
    }
    const implausible = record.value === null ? null : implausibleValueMessage(indicator, record.value)
    if (implausible !== null) {
      this.refuse(record, record.valueColumn, String(record.value), implausible)
      return undefined
    }
    if (!indicator.breakdowns.includes(record.breakdown)) {
      this.refuse(
        record,
        'breakdown',
        record.breakdown,
        message('import.unknownBreakdown', {
          code: indicator.code,
          breakdowns: indicator.breakdowns.join(', '),
        }),
      )
      return undefined
    }
    let resolutions = resolutionCache.get(record.keyType)
    if (!resolutions) {
      resolutions = new PairCache()
      resolutionCache.set(record.keyType, resolutions)
    }
    let resolution = resolutions.get(record.orgKey, day)
    if (!resolution) {
      resolution = resolver.resolve(record.orgKey, record.keyType, day)
      resolutions.set(record.orgKey, day, resolution)
    }
    // An uploader for one organisation learns nothing about other keys: an organisation hidden from
    // them, a district nobody serves and an unknown key all get the same answer.
    if (only && (resolution.kind !== 'organisation' || resolution.organisationId !== only.id)) {
      this.refuse(
        record,
        record.keyColumn,
        record.orgKey,
        message('import.otherOrganisation', { name: only.name }),
      )
      return undefined
    }
    if (resolution.kind === 'invalid') {
      this.refuse(record, record.keyColumn, record.orgKey, resolution.message)
      return undefined
    }
    if (this.attribution?.take({ record, resolution, indicator, day })) return undefined
    if (resolution.kind !== 'organisation') {
      if (!isReportingUnmatched) {
        const why =
          resolution.kind === 'territorial_change'
            ? resolution.reason
            : message('import.districtNotServed', { label: resolution.label })
        this.refuse(record, record.keyColumn, record.orgKey, why)
        return undefined
      }
      this.rejected++
      const groupKey = resolution.kind === 'territorial_change' ? `tc:${resolution.key}` : 'none'
      let group = unmatched.get(groupKey)
      if (!group) {
        const notice: ImportNotice =
          resolution.kind === 'territorial_change'
            ? {
                kind: resolution.kind,
                ...importMessage(resolution.reason),
                count: 0,
              }
            : {
                kind: resolution.kind,
                ...importMessage(message('import.districtsNotServed')),
                count: 0,
              }
        group = { notice, keys: new Set<string>() }
        unmatched.set(groupKey, group)
      }
      group.notice.count++
      group.keys.add(resolution.label)
      return { record, organisationId: null, indicatorId: indicator.id, day }
    }
    return { record, organisationId: resolution.organisationId, indicatorId: indicator.id, day }
  }

  frequencyOf(indicatorId: number): 'monthly' | 'yearly' {
    for (const indicator of this.indicators.values())
      if (indicator.id === indicatorId) return indicator.frequency
    throw new Error(`indicator ${indicatorId} is not loaded`)
  }

  /** Notices of districts without an organisation (reported and skipped), in the summary's form. */
  unmatchedNotices(): ImportNotice[] {
    return [...this.unmatched.values()].map(({ notice, keys }) => ({ ...notice, keys: [...keys].sort() }))
  }
}

/**
 * The first CHANGE_SAMPLE new values by row (then file order): what the staged path's sample
 * (`order by change desc, row_number, seq`) gives when every value is new.
 */
export class ChangeSample {
  private readonly kept: { row: number; seq: number; accepted: Accepted }[] = []

  offer(accepted: Accepted, seq: number): void {
    const row = accepted.record.row
    const last = this.kept.at(-1)
    if (
      this.kept.length === CHANGE_SAMPLE &&
      last &&
      (last.row < row || (last.row === row && last.seq < seq))
    )
      return
    let at = this.kept.length
    while (at > 0) {
      const before = this.kept[at - 1]!
      if (before.row < row || (before.row === row && before.seq < seq)) break
      at--
    }
    this.kept.splice(at, 0, { row, seq, accepted })
    if (this.kept.length > CHANGE_SAMPLE) this.kept.pop()
  }

  changes(checker: { frequencyOf(indicatorId: number): 'monthly' | 'yearly' }): ValueChange[] {
    return this.kept.map(({ accepted: a }) => ({
      organisationId: a.organisationId,
      indicator: a.record.indicator,
      period: formatPeriod(periodFromDate(a.day, checker.frequencyOf(a.indicatorId))),
      breakdown: a.record.breakdown,
      before: null,
      after: a.record.value ?? a.record.missingReason ?? '',
    }))
  }
}

export function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function stageLine(a: Accepted | Unmatched, seq: number): string {
  const r = a.record
  return `${seq},${a.organisationId ?? ''},${a.indicatorId},${a.day},${csvField(r.breakdown)},${r.value === null ? '' : String(r.value)},${r.missingReason ?? ''},${r.status ?? ''},${r.row},${csvField(r.orgKeyNormalised)},${csvField(r.orgKey)},${csvField(r.keyColumn)},${csvField(r.valueColumn)}\n`
}
