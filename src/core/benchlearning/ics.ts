/**
 * iCalendar (RFC 5545) export of meetings. Lines end in CRLF and are folded at 75 octets (UTF-8
 * bytes, never inside a character); TEXT values escape backslash, semicolon, comma and newlines.
 * Timed events are written in UTC ("…Z"), which every calendar converts to local time, so no
 * VTIMEZONE block is needed; all-day events use VALUE=DATE with an exclusive end date.
 */
import { addDays } from '../periods/dates'
import { berlinToUtc } from './schedule'

export interface CalendarEvent {
  /** Globally unique and stable across exports, e.g. "meeting-42@benchlearn". */
  uid: string
  title: string
  description?: string
  location?: string
  startsOn: string
  /** Inclusive last day. */
  endsOn: string
  /** Local Europe/Berlin times; both absent = all-day event. */
  startTime?: string | null
  endTime?: string | null
  url?: string
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
  /** Grows with every change of a sent invitation, so that calendars replace the older one. */
  sequence?: number
  /** For invitations by mail (METHOD:REQUEST/CANCEL): who sends it and to whom. */
  organizer?: { email: string; name: string }
  attendees?: readonly string[]
}

export interface BuildCalendarOptions {
  events: readonly CalendarEvent[]
  /** DTSTAMP: when the file was produced. */
  now: Date
  name?: string
  /** PUBLISH (a calendar file, the default); REQUEST and CANCEL for invitations sent by mail. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL'
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds one content line at 75 octets: continuation lines start with a single space (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let currentBytes = 0
  // The first line holds 75 octets; continuation lines 74 after their leading space.
  let limit = 75
  for (const char of line) {
    const bytes = encoder.encode(char).length
    if (currentBytes + bytes > limit) {
      parts.push(current)
      current = ''
      currentBytes = 0
      limit = 74
    }
    current += char
    currentBytes += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** A parameter value (RFC 5545 §3.2): quoted, without the characters a quoted value may not hold. */
function paramText(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function dateValue(iso: string): string {
  return iso.replace(/-/g, '')
}

export function buildCalendar(options: BuildCalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//benchlearn//Benchlearning Meetings//DE',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method ?? 'PUBLISH'}`,
  ]
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`)
  const stamp = utcStamp(options.now)
  for (const event of options.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`)
    const isTimed = Boolean(event.startTime && event.endTime)
    if (isTimed) {
      lines.push(`DTSTART:${utcStamp(berlinToUtc(event.startsOn, event.startTime!))}`)
      lines.push(`DTEND:${utcStamp(berlinToUtc(event.endsOn, event.endTime!))}`)
    } else {
      lines.push(`DTSTART;VALUE=DATE:${dateValue(event.startsOn)}`)
      lines.push(`DTEND;VALUE=DATE:${dateValue(addDays(event.endsOn, 1))}`)
    }
    lines.push(`SUMMARY:${escapeText(event.title)}`)
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`)
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
    if (event.url) lines.push(`URL:${event.url}`)
    if (event.status) lines.push(`STATUS:${event.status}`)
    if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`)
    if (event.organizer)
      lines.push(`ORGANIZER;CN=${paramText(event.organizer.name)}:mailto:${event.organizer.email}`)
    for (const attendee of event.attendees ?? [])
      lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${attendee}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
