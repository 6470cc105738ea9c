import { describe, expect, it } from 'vitest'
import { addDays, closingChange, cycleStatus } from './cycle-dates'

const cycle = { startsOn: '2026-03-01', endsOn: '2026-06-30' }

describe('cycleStatus', () => {
  it('is open from the first to the last day, both included', () => {
    expect(cycleStatus(cycle, '2026-02-28')).toBe('planned')
    expect(cycleStatus(cycle, '2026-03-01')).toBe('open')
    expect(cycleStatus(cycle, '2026-06-30')).toBe('open')
    expect(cycleStatus(cycle, '2026-07-01')).toBe('closed')
  })
})

describe('closingChange', () => {
  it('ends the cycle yesterday, across month and year ends', () => {
    expect(closingChange(cycle, '2026-05-01')).toEqual({ endsOn: '2026-04-30' })
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
  it('moves the start of a cycle that began today back to yesterday, so the end is not before it', () => {
    expect(closingChange(cycle, '2026-03-01')).toEqual({ startsOn: '2026-02-28', endsOn: '2026-02-28' })
    expect(cycleStatus({ startsOn: '2026-02-28', endsOn: '2026-02-28' }, '2026-03-01')).toBe('closed')
  })
})
