import { describe, expect, it } from 'vitest'
import {
  currentMonth,
  latestWithChange,
  pickComparisonPeriod,
  pivotObservations,
  previousYearPeriod,
  type Observation,
} from './series'

function obs(period: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  return {
    period,
    breakdown: 'total',
    value,
    missingReason: value === null ? 'not_delivered' : null,
    status: 'final',
    revision: 1,
    revisions: 1,
    recordedAt: '2026-01-01T00:00:00Z',
    batchId: 1,
    source: 'test',
    ...extra,
  }
}

describe('latestWithChange', () => {
  it('takes the latest present value and compares it with the same month a year before', () => {
    const latest = latestWithChange([
      obs('2025-02', 200),
      obs('2026-01', 190),
      obs('2026-02', 210, { revisions: 2, status: 'corrected' }),
      obs('2026-03', null),
      obs('2026-02', 999, { breakdown: 'women' }),
    ])
    expect(latest).toEqual({
      period: '2026-02',
      value: 210,
      previous: 200,
      changePercent: 5,
      isRevised: true,
      status: 'corrected',
    })
  })

  it('returns null without values and no change without the previous year', () => {
    expect(latestWithChange([obs('2026-01', null)])).toBeNull()
    expect(latestWithChange([obs('2024', 12.5)])?.changePercent).toBeNull()
  })
})

describe('period helpers', () => {
  it('steps back a year and reads the current month', () => {
    expect(previousYearPeriod('2026-03')).toBe('2025-03')
    expect(previousYearPeriod('2024')).toBe('2023')
    expect(currentMonth(new Date('2026-11-25T10:00:00Z'))).toBe('2026-11')
  })

  it('pivots observations by breakdown with total first', () => {
    const table = pivotObservations([
      obs('2026-02', 1, { breakdown: 'women' }),
      obs('2026-01', 2),
      obs('2026-02', 3),
    ])
    expect(table.periods).toEqual(['2026-01', '2026-02'])
    expect(table.breakdowns).toEqual(['total', 'women'])
    expect(table.values.get('total')?.get('2026-02')?.value).toBe(3)
  })
})

describe('pickComparisonPeriod', () => {
  it('takes the latest period with the most members', () => {
    const a = [obs('2026-08', 1), obs('2026-09', 1)]
    const b = [obs('2026-08', 2), obs('2026-09', 2), obs('2026-10', 2)]
    const c = [obs('2026-08', 3), obs('2026-09', 3)]
    expect(pickComparisonPeriod([a, b, c])).toBe('2026-09')
    expect(pickComparisonPeriod([])).toBeNull()
  })
})
