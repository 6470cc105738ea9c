import { describe, expect, it } from 'vitest'
import { berlinToUtc, nthWeekdayOfMonth, proposeYearSchedule } from './schedule'

describe('proposeYearSchedule', () => {
  it('proposes three meetings of 1½ days in March, July and November (second Wednesday)', () => {
    // 1 March 2027 is a Monday (first Wednesday 3 March), 1 July a Thursday, 1 November a Monday.
    expect(proposeYearSchedule({ year: 2027 })).toEqual([
      { number: 1, startsOn: '2027-03-10', endsOn: '2027-03-11', startTime: '10:00', endTime: '13:00' },
      { number: 2, startsOn: '2027-07-14', endsOn: '2027-07-15', startTime: '10:00', endTime: '13:00' },
      { number: 3, startsOn: '2027-11-10', endsOn: '2027-11-11', startTime: '10:00', endTime: '13:00' },
    ])
  })

  it('spreads other counts over the middle months of equal parts of the year', () => {
    // Two meetings: April and October; four: February, May, August, November.
    expect(proposeYearSchedule({ year: 2027, count: 2 }).map((s) => s.startsOn.slice(5, 7))).toEqual([
      '04',
      '10',
    ])
    expect(proposeYearSchedule({ year: 2027, count: 4 }).map((s) => s.startsOn.slice(5, 7))).toEqual([
      '02',
      '05',
      '08',
      '11',
    ])
    expect(proposeYearSchedule({ year: 2027, count: 1, durationDays: 1 })[0]).toMatchObject({
      startsOn: '2027-07-14',
      endsOn: '2027-07-14',
    })
  })

  it('rejects impossible counts', () => {
    expect(() => proposeYearSchedule({ year: 2027, count: 0 })).toThrow(/1 to 12 meetings per year, got 0/)
  })
})

describe('nthWeekdayOfMonth', () => {
  it('finds the second Wednesday', () => {
    expect(nthWeekdayOfMonth({ year: 2026, month: 2, weekday: 3, n: 2 })).toBe('2026-02-11')
  })
})

describe('berlinToUtc', () => {
  it('uses UTC+1 in winter and UTC+2 in summer, switching on the last Sundays of March and October', () => {
    expect(berlinToUtc('2027-03-10', '10:00').toISOString()).toBe('2027-03-10T09:00:00.000Z')
    expect(berlinToUtc('2027-07-14', '10:00').toISOString()).toBe('2027-07-14T08:00:00.000Z')
    // 28 March 2027 and 31 October 2027 are the last Sundays.
    expect(berlinToUtc('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z')
    expect(berlinToUtc('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z')
    expect(berlinToUtc('2027-10-31', '01:30').toISOString()).toBe('2027-10-30T23:30:00.000Z')
    expect(berlinToUtc('2027-10-31', '03:30').toISOString()).toBe('2027-10-31T02:30:00.000Z')
  })
  it('names the field of a malformed value', () => {
    expect(() => berlinToUtc('2027-3-1', '10:00')).toThrow(/date/)
    expect(() => berlinToUtc('2027-03-01', '25:00')).toThrow(/time/)
  })
})
