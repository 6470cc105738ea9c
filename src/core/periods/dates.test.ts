import { describe, expect, it } from 'vitest'
import { addDays, isCalendarDay, isoDate } from './dates'

describe('isoDate', () => {
  it('gives the UTC day of an instant', () => {
    expect(isoDate(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01')
    expect(isoDate(new Date('2026-02-28T23:59:59.999Z'))).toBe('2026-02-28')
    // 00:30 in Berlin is still the previous day in UTC
    expect(isoDate(new Date('2026-07-01T00:30:00+02:00'))).toBe('2026-06-30')
  })
})

describe('isCalendarDay', () => {
  it('accepts real days and refuses other text', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true)
    expect(isCalendarDay('2026-02-29')).toBe(false)
    expect(isCalendarDay('2026-13-01')).toBe(false)
    expect(isCalendarDay('2026-1-01')).toBe(false)
    expect(isCalendarDay('2026-01-01T00:00:00Z')).toBe(false)
    expect(isCalendarDay('')).toBe(false)
  })
})

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29')
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31')
  })
})
