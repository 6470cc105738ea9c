/**
 * Calendar days as ISO text (`YYYY-MM-DD`), read in UTC. The server compares days as text (they
 * sort like dates) and stores them in `date` columns, so this is the one place that turns an
 * instant into a day and does day arithmetic. The day of "now" is `isoDate(now)` with the clock
 * the caller was given (`context.now()` in the app), never a fresh `new Date()`.
 */

const DAY_MS = 86_400_000

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** True when the text is a real calendar day written `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const time = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(time) && isoDate(new Date(time)) === text
}

/** The day `days` later (earlier when negative) than an ISO day. */
export function addDays(day: string, days: number): string {
  return isoDate(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS))
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * An ISO day as people read it in server-written texts (notifications, e-mail): `11.11.2026` in
 * German, `11 Nov 2026` in English; null when the text does not start with a valid ISO day.
 */
export function formatDayText(iso: string, locale: 'de' | 'en'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const month = match ? MONTHS_EN[Number(match[2]) - 1] : undefined
  if (!match || !month) return null
  const [, year, mm, dd] = match
  return locale === 'de' ? `${dd}.${mm}.${year}` : `${Number(dd)} ${month} ${year}`
}

/** The first day of the month of an ISO day (`2026-03-17` → `2026-03-01`). */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`
}

/**
 * The machine's clock: the default of the shells (app, CLI, workers) when no clock is injected.
 * Features take `now` from their caller and read no other clock.
 */
export function systemNow(): Date {
  return new Date()
}
