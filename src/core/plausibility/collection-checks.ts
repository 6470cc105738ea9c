/**
 * Plausibility checks of a data collection (docs/data-collections.md): what a member enters in a
 * collection's form is checked against the indicator's allowed range (errors: the value cannot be
 * saved) and against what is known (warnings: the member corrects the value or explains it in a
 * comment that the moderator reads). Pure: the feature passes the previous period's values and the
 * group's values in.
 */
import { computeQuantile } from '../kpi/group-stats'
import { addMonths, parsePeriod } from '../periods/period'
import { message, toSent, type Message, type ParamValue } from '../messages/text'
import { implausibleValueMessage } from './plausible-values'

/** What the checks need to know of an indicator of the collection. */
export interface CollectedIndicator {
  code: string
  unit: string
  /** The allowed range (inclusive); null: no bound on that side. */
  allowedMin: number | null
  allowedMax: number | null
  /** 'total' and its parts (e.g. women, men) that must add up to it. */
  breakdowns: readonly string[]
}

/** One cell of the form: an indicator, a period and a breakdown, with its value (null: empty). */
export interface CollectedValue {
  indicator: string
  period: string
  breakdown: string
  value: number | null
}

export type FindingCode =
  /** Errors: the value cannot be true, so it is not taken. */
  | 'not_finite'
  | 'negative'
  | 'below_minimum'
  | 'above_maximum'
  /** Warnings: the value may be true, but needs a correction or a comment. */
  | 'change'
  | 'outlier'
  | 'breakdown_sum'
  | 'missing_again'

export interface Finding {
  severity: 'error' | 'warning'
  code: FindingCode
  indicator: string
  period: string
  breakdown: string
  /** The English text; `key` and `params` render it in the reader's language (core/messages). */
  message: string
  key: string
  params: Record<string, ParamValue>
}

/** A value that cannot be taken: what kind of error, and why. */
export interface RangeProblem {
  code: FindingCode
  text: Message
}

export interface CollectionCheckSettings {
  /** A change against the previous period of more than this many percent is a warning. */
  changeThresholdPercent: number
  /** A modified z-score (median and MAD) beyond this is a robust outlier (Iglewicz–Hoaglin: 3.5). */
  outlierLimit: number
  /** A robust outlier is judged only against at least this many other organisations' values. */
  minGroupSize: number
}

export const DEFAULT_CHECK_SETTINGS: CollectionCheckSettings = {
  changeThresholdPercent: 30,
  outlierLimit: 3.5,
  minGroupSize: 5,
}

/** The key of a form cell: indicator, period and breakdown. */
export function cellKey(cell: Pick<CollectedValue, 'indicator' | 'period' | 'breakdown'>): string {
  return `${cell.indicator}|${cell.period}|${cell.breakdown}`
}

/** The period before: the year before a year, the month before a month. */
export function previousPeriod(period: string): string {
  const p = parsePeriod(period)
  if (!p) throw new Error(`not a period: ${period}`)
  return p.frequency === 'yearly' ? String(p.year - 1) : addMonths(period, -1)
}

/** A value that cannot be taken: not finite, negative where counted, or outside the allowed range. */
export function checkRange(indicator: CollectedIndicator, value: number): RangeProblem | null {
  const implausible = implausibleValueMessage(
    { code: indicator.code, kind: 'raw', frequency: 'yearly', unit: indicator.unit },
    value,
  )
  if (implausible !== null)
    return { code: Number.isFinite(value) ? 'negative' : 'not_finite', text: implausible }
  if (indicator.allowedMin !== null && value < indicator.allowedMin)
    return {
      code: 'below_minimum',
      text: message('collection.belowMinimum', { code: indicator.code, value, min: indicator.allowedMin }),
    }
  if (indicator.allowedMax !== null && value > indicator.allowedMax)
    return {
      code: 'above_maximum',
      text: message('collection.aboveMaximum', { code: indicator.code, value, max: indicator.allowedMax }),
    }
  return null
}

/**
 * The change against the previous period in percent, when it is beyond the threshold; null when it
 * is not, or when it cannot be said in percent (no previous value, or a previous value of zero).
 */
export function changeBeyondThreshold(
  value: number,
  previous: number | null,
  thresholdPercent: number,
): number | null {
  if (previous === null || previous === 0) return null
  const percent = ((value - previous) / Math.abs(previous)) * 100
  return Math.abs(percent) > thresholdPercent ? percent : null
}

/**
 * The modified z-score of `value` against the group's values (Iglewicz & Hoaglin): its distance to
 * the group's median in units of the median absolute deviation (MAD × 1.4826 estimates a standard
 * deviation). Where more than half the group shares one value the MAD is 0; then the mean absolute
 * deviation (× 1.2533) stands in. Null when the group is smaller than `minGroupSize` or has no spread.
 */
export function robustZScore(value: number, group: readonly number[], minGroupSize: number): number | null {
  if (group.length < minGroupSize) return null
  const sorted = [...group].sort((a, b) => a - b)
  const median = computeQuantile(sorted, 0.5)
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b)
  const mad = computeQuantile(deviations, 0.5)
  if (mad > 0) return (value - median) / (1.4826 * mad)
  const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / deviations.length
  if (meanDeviation > 0) return (value - median) / (1.2533 * meanDeviation)
  return null
}

/**
 * The difference between the parts and the total when all parts and the total have a value and
 * they do not add up (beyond rounding: 0.5 or 0.1 % of the total, whichever is larger); else null.
 */
export function breakdownDifference(total: number | null, parts: readonly (number | null)[]): number | null {
  if (total === null || parts.length === 0 || parts.some((p) => p === null)) return null
  const sum = (parts as number[]).reduce((s, p) => s + p, 0)
  const tolerance = Math.max(0.5, Math.abs(total) * 0.001)
  return Math.abs(sum - total) > tolerance ? sum - total : null
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits))

/**
 * Every finding of one organisation's form. `previous` holds the organisation's values of the
 * period before each period (by cellKey of the form's period); `group` the other organisations'
 * values of the same cell (only their count and spread are used, never shown).
 */
export function checkCollectedValues(options: {
  indicators: readonly CollectedIndicator[]
  values: readonly CollectedValue[]
  previous: ReadonlyMap<string, number>
  group: ReadonlyMap<string, readonly number[]>
  settings?: CollectionCheckSettings
}): Finding[] {
  const settings = options.settings ?? DEFAULT_CHECK_SETTINGS
  const indicators = new Map(options.indicators.map((i) => [i.code, i]))
  const byKey = new Map(options.values.map((v) => [cellKey(v), v]))
  const findings: Finding[] = []
  const add = (cell: CollectedValue, severity: Finding['severity'], code: FindingCode, text: Message) =>
    findings.push({
      severity,
      code,
      indicator: cell.indicator,
      period: cell.period,
      breakdown: cell.breakdown,
      ...toSent(text),
    })

  for (const cell of options.values) {
    const indicator = indicators.get(cell.indicator)
    if (!indicator) continue
    const key = cellKey(cell)
    const previous = options.previous.get(key) ?? null
    if (cell.value === null) {
      if (previous !== null)
        add(
          cell,
          'warning',
          'missing_again',
          message('collection.missingAgain', {
            code: cell.indicator,
            period: cell.period,
            previousPeriod: previousPeriod(cell.period),
            previous,
          }),
        )
      continue
    }
    const range = checkRange(indicator, cell.value)
    if (range) {
      add(cell, 'error', range.code, range.text)
      continue
    }
    const change = changeBeyondThreshold(cell.value, previous, settings.changeThresholdPercent)
    if (change !== null)
      add(
        cell,
        'warning',
        'change',
        message('collection.change', {
          code: cell.indicator,
          period: cell.period,
          change,
          previousPeriod: previousPeriod(cell.period),
          previous: previous!,
          threshold: settings.changeThresholdPercent,
        }),
      )
    const z = robustZScore(cell.value, options.group.get(key) ?? [], settings.minGroupSize)
    if (z !== null && Math.abs(z) > settings.outlierLimit)
      add(
        cell,
        'warning',
        'outlier',
        message(z > 0 ? 'collection.outlierAbove' : 'collection.outlierBelow', {
          code: cell.indicator,
          period: cell.period,
          z,
          limit: settings.outlierLimit,
        }),
      )
  }

  for (const indicator of options.indicators) {
    const parts = indicator.breakdowns.filter((b) => b !== 'total')
    if (parts.length === 0 || !indicator.breakdowns.includes('total')) continue
    const periods = new Set(options.values.filter((v) => v.indicator === indicator.code).map((v) => v.period))
    for (const period of periods) {
      const valueOf = (breakdown: string) =>
        byKey.get(cellKey({ indicator: indicator.code, period, breakdown }))?.value ?? null
      const difference = breakdownDifference(valueOf('total'), parts.map(valueOf))
      if (difference !== null)
        add(
          { indicator: indicator.code, period, breakdown: 'total', value: valueOf('total') },
          'warning',
          'breakdown_sum',
          message('collection.breakdownSum', {
            code: indicator.code,
            period,
            parts: parts.join(' + '),
            sum: round(difference + valueOf('total')!, 2),
            total: valueOf('total')!,
          }),
        )
    }
  }
  return findings
}
