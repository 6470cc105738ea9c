import { describe, expect, it } from 'vitest'
import { buildCalendar, escapeText, foldLine } from './ics'

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf')
  })
})

describe('foldLine', () => {
  it('folds at 75 octets with a leading space on continuation lines', () => {
    const line = 'X'.repeat(80)
    expect(foldLine(line)).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(5)}`)
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75))
  })
  it('never splits a multi-byte character', () => {
    // "SUMMARY:" is 8 octets, each "ä" 2: 8 + 33·2 = 74 fits, a 34th would make 76.
    const folded = foldLine(`SUMMARY:${'ä'.repeat(40)}`)
    expect(folded).toBe(`SUMMARY:${'ä'.repeat(33)}\r\n ${'ä'.repeat(7)}`)
  })
})

describe('buildCalendar', () => {
  const now = new Date('2027-01-05T08:09:10.123Z')
  const text = buildCalendar({
    now,
    name: 'Vergleichsring 1',
    events: [
      {
        uid: 'meeting-1@benchlearn',
        title: 'Ringtreffen 1/2027, Gastgeber: Kreis A; Raum 3',
        location: 'Hanau',
        description: `Tagesordnung:\n1. Kennzahlen\n2. ${'Lange Beschreibung '.repeat(6)}`,
        startsOn: '2027-03-10',
        endsOn: '2027-03-11',
        startTime: '10:00',
        endTime: '13:00',
        status: 'CONFIRMED',
      },
      { uid: 'meeting-2@benchlearn', title: 'Jahrestagung', startsOn: '2027-06-01', endsOn: '2027-06-01' },
    ],
  })

  it('writes CRLF lines of at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })

  it('has UID, DTSTAMP, timed events in UTC and all-day events with an exclusive end', () => {
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toContain(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//benchlearn//Benchlearning Meetings//DE\r\n',
    )
    expect(unfolded).toContain('UID:meeting-1@benchlearn\r\nDTSTAMP:20270105T080910Z\r\n')
    // 10:00 CET = 09:00 UTC; 13:00 CET = 12:00 UTC.
    expect(unfolded).toContain('DTSTART:20270310T090000Z\r\nDTEND:20270311T120000Z\r\n')
    expect(unfolded).toContain('SUMMARY:Ringtreffen 1/2027\\, Gastgeber: Kreis A\\; Raum 3\r\n')
    expect(unfolded).toContain('DESCRIPTION:Tagesordnung:\\n1. Kennzahlen\\n2. Lange')
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270601\r\nDTEND;VALUE=DATE:20270602\r\n')
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2)
    expect(unfolded.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true)
  })
})

describe('buildCalendar for invitations by mail', () => {
  it('writes METHOD, SEQUENCE, organiser and attendee', () => {
    const text = buildCalendar({
      method: 'REQUEST',
      now: new Date('2026-03-01T10:00:00Z'),
      events: [
        {
          uid: 'meeting-7@benchlearn',
          title: 'Ringtreffen',
          startsOn: '2026-04-15',
          endsOn: '2026-04-15',
          sequence: 2,
          organizer: { email: 'bl@example.org', name: 'bench"learn' },
          attendees: ['a@example.org'],
        },
      ],
    })
    const lines = text.replace(/\r\n /g, '').split('\r\n')
    expect(lines).toContain('METHOD:REQUEST')
    expect(lines).toContain('SEQUENCE:2')
    expect(lines).toContain('ORGANIZER;CN="benchlearn":mailto:bl@example.org')
    expect(lines).toContain(
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:a@example.org',
    )
    expect(buildCalendar({ now: new Date(), events: [] })).toContain('METHOD:PUBLISH')
  })
})
