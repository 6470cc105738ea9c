/**
 * Values that cannot be true are refused at import: periods in the future or before an indicator
 * could have been measured, negative counts and amounts, numbers that are not finite. One member's
 * file must not be able to change what every other member sees (e.g. move the default month to 2099).
 */
import { formatPeriod, monthIndex, type Period } from '../periods/period'
import { message, render, type Message } from '../messages/text'

/** What the checks need to know of an indicator (a row of the catalogue). */
export interface PlausibilityIndicator {
  code: string
  kind: 'raw' | 'context'
  frequency: 'monthly' | 'yearly'
  unit: string
}

/**
 * The earliest plausible period per kind: the § 48a series exist since SGB II took effect on
 * 1 January 2005; context indicators (INKAR, BBSR, BA) reach back to 1990 at the earliest (the
 * shipped INKAR files start in 1995).
 */
export const EARLIEST_PLAUSIBLE_YEAR: Record<PlausibilityIndicator['kind'], number> = {
  raw: 2005,
  context: 1990,
}

/** Units of things that are counted or paid out, which cannot be negative. */
export const NON_NEGATIVE_UNITS: ReadonlySet<string> = new Set(['persons', 'EUR', 'inhabitants/km²'])

const earliestPeriod = (indicator: PlausibilityIndicator): Period =>
  indicator.frequency === 'monthly'
    ? { frequency: 'monthly', year: EARLIEST_PLAUSIBLE_YEAR[indicator.kind], month: 1 }
    : { frequency: 'yearly', year: EARLIEST_PLAUSIBLE_YEAR[indicator.kind] }

/** Compares periods of one frequency by their first month. */
const startIndex = (p: Period) => monthIndex(p.year, p.month ?? 1)

/** Why a period cannot carry a value of this indicator (English), or null when it can. */
export function implausiblePeriod(
  indicator: PlausibilityIndicator,
  period: Period,
  now: Date,
): string | null {
  const why = implausiblePeriodMessage(indicator, period, now)
  return why && render('en', why)
}

/** Why a number cannot be a value of this indicator (English), or null when it can. */
export function implausibleValue(indicator: PlausibilityIndicator, value: number): string | null {
  const why = implausibleValueMessage(indicator, value)
  return why && render('en', why)
}

/** Why a period cannot carry a value of this indicator, or null when it can. `now` is the clock. */
export function implausiblePeriodMessage(
  indicator: PlausibilityIndicator,
  period: Period,
  now: Date,
): Message | null {
  const current: Period =
    indicator.frequency === 'monthly'
      ? { frequency: 'monthly', year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 }
      : { frequency: 'yearly', year: now.getUTCFullYear() }
  if (startIndex(period) > startIndex(current))
    return message(
      indicator.frequency === 'monthly' ? 'import.periodInFutureMonth' : 'import.periodInFutureYear',
      {
        period: formatPeriod(period),
        code: indicator.code,
        current: formatPeriod(current),
      },
    )
  const earliest = earliestPeriod(indicator)
  if (startIndex(period) < startIndex(earliest))
    return message('import.periodTooEarly', {
      period: formatPeriod(period),
      earliest: formatPeriod(earliest),
      kind: indicator.kind,
      code: indicator.code,
    })
  return null
}

/** Why a number cannot be a value of this indicator, or null when it can. */
export function implausibleValueMessage(indicator: PlausibilityIndicator, value: number): Message | null {
  if (!Number.isFinite(value)) return message('import.notFinite', { code: indicator.code })
  if (value < 0 && NON_NEGATIVE_UNITS.has(indicator.unit))
    return message('import.negativeCount', { code: indicator.code, unit: indicator.unit })
  return null
}
