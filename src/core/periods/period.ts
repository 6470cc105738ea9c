import { isoDate } from './dates'

/**
 * Periods are months ("2021-05") or years ("2021"). In the database a period is the date of its
 * first day; in files and APIs it is the text form. Month arithmetic uses a month index
 * (year · 12 + month − 1) so that lags and rolling windows are plain integer arithmetic.
 */
export type Frequency = 'monthly' | 'yearly'

export interface Period {
  frequency: Frequency
  year: number
  /** 1–12 for monthly periods; undefined for yearly ones. */
  month?: number
}

const GERMAN_MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  jänner: 1,
  februar: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
  // English names, so that English exports read too
  january: 1,
  february: 2,
  march: 3,
  mar: 3,
  may: 5,
  june: 6,
  july: 7,
  october: 10,
  oct: 10,
  december: 12,
  dec: 12,
}

const MIN_YEAR = 1950
const MAX_YEAR = 2100

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
}

function monthly(year: number, month: number): Period | undefined {
  if (!validYear(year) || !Number.isInteger(month) || month < 1 || month > 12) return undefined
  return { frequency: 'monthly', year, month }
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Reads the period notations found in German statistics files: `2021-05`, `05/2021`, `5.2021`,
 * `Mai 2021`, `Mai-21`, `2021-05-31`, `31.05.2021`, `202105`, and years `2021`.
 * Returns undefined when the text is not a period.
 */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim().toLowerCase()
  let m: RegExpMatchArray | null
  if ((m = t.match(/^(\d{4})$/))) {
    const year = Number(m[1])
    return validYear(year) ? { frequency: 'yearly', year } : undefined
  }
  if ((m = t.match(/^(\d{4})-(\d{1,2})$/))) return monthly(Number(m[1]), Number(m[2]))
  if ((m = t.match(/^(\d{4})(\d{2})$/))) return monthly(Number(m[1]), Number(m[2]))
  if ((m = t.match(/^(\d{1,2})[/.](\d{4})$/))) return monthly(Number(m[2]), Number(m[1]))
  if ((m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/)))
    return dayToMonth(Number(m[1]), Number(m[2]), Number(m[3]))
  if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/)))
    return dayToMonth(Number(m[3]), Number(m[2]), Number(m[1]))
  if ((m = t.match(/^([a-zäöü]+)\.?[\s-]+(\d{2}|\d{4})$/))) {
    const month = GERMAN_MONTHS[m[1]!]
    if (month === undefined) return undefined
    const y = Number(m[2])
    return monthly(m[2]!.length === 2 ? 2000 + y : y, month)
  }
  return undefined
}

function dayToMonth(year: number, month: number, day: number): Period | undefined {
  const p = monthly(year, month)
  if (!p || day < 1 || day > lastDayOfMonth(year, month)) return undefined
  return p
}

export function formatPeriod(p: Period): string {
  return p.frequency === 'yearly' ? String(p.year) : `${p.year}-${String(p.month).padStart(2, '0')}`
}

/** The first day of the period as an ISO date (the database representation). */
export function periodStartDate(p: Period): string {
  return p.frequency === 'yearly' ? `${p.year}-01-01` : `${formatPeriod(p)}-01`
}

/** Inverse of periodStartDate for a known frequency. Accepts a Date or an ISO date string. */
export function periodFromDate(date: Date | string, frequency: Frequency): Period {
  // Dates from the database are midnight UTC for `date` columns read as Date objects.
  const iso = typeof date === 'string' ? date : isoDate(date)
  const year = Number(iso.slice(0, 4))
  return frequency === 'yearly' ? { frequency, year } : { frequency, year, month: Number(iso.slice(5, 7)) }
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1)
}

export function monthFromIndex(index: number): Period {
  return { frequency: 'monthly', year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** `2021-05` → `2021-05`, shifted by n months (negative n goes back). */
export function addMonths(period: string, n: number): string {
  const p = parsePeriod(period)
  if (!p || p.frequency !== 'monthly') throw new Error(`not a month: ${period}`)
  return formatPeriod(monthFromIndex(monthIndex(p.year, p.month!) + n))
}

/** The latest month that is complete on the given day (the month before it). */
export function latestCompleteMonth(today: Date): string {
  return formatPeriod(monthFromIndex(monthIndex(today.getUTCFullYear(), today.getUTCMonth() + 1) - 1))
}
