import { detail, invalidInput } from '../errors/app-error'
import { message } from '../messages/text'
import { isCalendarDay } from './dates'

/**
 * Reads an "as of" argument: a day (YYYY-MM-DD, meaning the end of that day, UTC) or an ISO
 * instant. Values recorded at or before the returned instant count as known.
 */
export function parseAsOf(text: string, field = 'asOf'): Date {
  const t = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    if (isCalendarDay(t)) return new Date(`${t}T23:59:59.999Z`)
  } else {
    const instant = new Date(t)
    if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(instant.getTime())) return instant
  }
  throw invalidInput(message('asOf.notADate', { field, text }), [
    detail(message('asOf.notADateDetail'), { field, value: text }),
  ])
}

/** `parseAsOf` of an optional query field: undefined (now) when it is not given. */
export function parseOptionalAsOf(text: string | undefined, field = 'asOf'): Date | undefined {
  return text ? parseAsOf(text, field) : undefined
}
