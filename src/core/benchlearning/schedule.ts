/**
 * The yearly schedule the platform proposes for a ring, and local (Europe/Berlin) times.
 *
 * Default: three meetings of 1½ days, spread evenly over the year: the year is cut into as many
 * equal parts as there are meetings, each meeting falls in the middle month of its part (3 meetings:
 * March, July, November), starting on the second Wednesday of that month at 10:00 and ending the
 * next day at 13:00. School and public holidays are NOT taken into account (out of scope): the
 * moderator moves a date by hand where needed.
 */

import { addDays } from '../periods/dates'
import { detail, invalidInput } from '../errors/app-error'
import { message } from '../messages/text'

export interface ScheduleSlot {
  /** 1-based number of the meeting in the year. */
  number: number
  startsOn: string
  endsOn: string
  /** Local time (Europe/Berlin), HH:MM. */
  startTime: string
  endTime: string
}

export interface ProposeScheduleOptions {
  year: number
  /** Meetings per year (default 3). */
  count?: number
  /** Length in days: 1 (one day), 1.5 (default: a day and a morning) or 2. */
  durationDays?: 1 | 1.5 | 2
}

/** Weekday 0 = Sunday … 6 = Saturday of an ISO date (UTC calendar arithmetic, no time zone). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The n-th given weekday (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(options: {
  year: number
  month: number
  weekday: number
  n: number
}): string {
  const first = isoDate(options.year, options.month, 1)
  const offset = (options.weekday - weekdayOf(first) + 7) % 7
  return addDays(first, offset + 7 * (options.n - 1))
}

export function proposeYearSchedule(options: ProposeScheduleOptions): ScheduleSlot[] {
  const count = options.count ?? 3
  const duration = options.durationDays ?? 1.5
  if (!Number.isInteger(count) || count < 1 || count > 12)
    throw invalidInput(message('schedule.countRange', { count }), [
      detail(message('schedule.countRange', { count }), { field: 'count', value: String(count) }),
    ])
  const slots: ScheduleSlot[] = []
  for (let i = 0; i < count; i++) {
    // Middle month of the i-th of `count` equal parts of the year (0-based month).
    const month = Math.floor((i * 12) / count + 6 / count) + 1
    const startsOn = nthWeekdayOfMonth({ year: options.year, month, weekday: 3, n: 2 })
    const endsOn = duration === 1 ? startsOn : addDays(startsOn, 1)
    slots.push({
      number: i + 1,
      startsOn,
      endsOn,
      startTime: duration === 1 ? '09:30' : '10:00',
      endTime: duration === 1.5 ? '13:00' : duration === 2 ? '16:00' : '17:00',
    })
  }
  return slots
}

/** Last Sunday of a month (for the EU daylight-saving rule). */
function lastSunday(year: number, month: number): string {
  const nextFirst = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1)
  const last = addDays(nextFirst, -1)
  return addDays(last, -weekdayOf(last))
}

/**
 * The UTC instant of a local time in Germany. Summer time (UTC+2) runs from the last Sunday of
 * March, 01:00 UTC, to the last Sunday of October, 01:00 UTC (EU rule since 1996); otherwise UTC+1.
 */
export function berlinToUtc(date: string, time: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date: expected YYYY-MM-DD, got '${date}'`)
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new Error(`time: expected HH:MM, got '${time}'`)
  const year = Number(date.slice(0, 4))
  const asUtc = Date.parse(`${date}T${time}:00Z`)
  const summerStart = Date.parse(`${lastSunday(year, 3)}T01:00:00Z`)
  const summerEnd = Date.parse(`${lastSunday(year, 10)}T01:00:00Z`)
  // Compare in local-standard-time terms: the switch happens at 02:00 CET / 03:00 CEST local.
  const standard = asUtc - 3_600_000
  const isSummer = standard >= summerStart && standard - 3_600_000 < summerEnd
  return new Date(asUtc - (isSummer ? 2 : 1) * 3_600_000)
}
