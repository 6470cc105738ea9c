import { describe, expect, it } from 'vitest'
import { formatMeetingWhen, formatSize } from './common'

describe('benchlearning formatting', () => {
  it('says when a meeting is: one day with times, or several days', () => {
    expect(
      formatMeetingWhen('de', {
        startsOn: '2027-01-20',
        endsOn: '2027-01-20',
        startTime: '10:00',
        endTime: '16:00',
      }),
    ).toBe('20.01.2027, 10:00–16:00')
    expect(
      formatMeetingWhen('en', {
        startsOn: '2027-03-10',
        endsOn: '2027-03-11',
        startTime: null,
        endTime: null,
      }),
    ).toBe('10 Mar 2027 – 11 Mar 2027')
  })
  it('gives file sizes in B, kB and MB', () => {
    expect(formatSize('de', 29)).toBe('29 B')
    expect(formatSize('de', 14 * 1024)).toBe('14 kB')
    expect(formatSize('de', 2.3 * 1024 * 1024)).toBe('2,3 MB')
  })
})
