import { describe, expect, it } from 'vitest'
import { reconcileFigureValues, roundingTolerance, type PublishedParts } from './reconcile'

const published = (
  value: number | null,
  numerator: number | null,
  denominator: number | null,
): PublishedParts => ({
  value,
  valueDecimals: 1,
  numerator,
  numeratorDecimals: 0,
  denominator,
  denominatorDecimals: 1,
})
const computed = (value: number, numerator: number, denominator: number) => ({
  value,
  numerator,
  denominator,
})

describe('reconcileFigureValues', () => {
  it('states the tolerance as half a unit of the last published decimal', () => {
    expect(roundingTolerance(0)).toBe(0.5)
    expect(roundingTolerance(1)).toBe(0.05)
    expect(roundingTolerance(2)).toBeCloseTo(0.005, 15)
  })

  it('accepts values that round to the published ones and reports the others with all parts', () => {
    const result = reconcileFigureValues([
      // 2 345 / 10 250.5 = 22.8769… % rounds to 22.9: agrees.
      { key: 'a', published: published(22.9, 2345, 10250.5), computed: computed(22.8769, 2345, 10250.5) },
      // An exact tie at the rounding border (22.85 → 22.9 or 22.8) counts as agreement.
      { key: 'b', published: published(22.9, 100, 437.6), computed: computed(22.85, 100, 437.6) },
      // 22.75 is 0.15 away from 22.9: beyond 0.05; the numerator is 10 away, beyond 0.5.
      { key: 'c', published: published(22.9, 2345, 10250.5), computed: computed(22.75, 2335, 10250.5) },
      // Same value, different denominator (0.1 away, beyond 0.05).
      { key: 'd', published: published(20, 50, 250), computed: computed(20, 50, 250.1) },
      // No computation: not compared.
      { key: 'e', published: published(18.2, 1, 1), computed: null },
      // Published gap: not compared.
      { key: 'f', published: published(null, null, null), computed: computed(3, 3, 100) },
    ])
    expect(result.compared).toBe(4)
    expect(result.findings.map((f) => [f.key, f.differs])).toEqual([
      ['c', ['value', 'numerator']],
      ['d', ['denominator']],
    ])
    expect(result.findings[0]!.tolerance).toBe(0.05)
    expect(result.findings[0]!.computed).toEqual({ value: 22.75, numerator: 2335, denominator: 10250.5 })
  })

  it('uses integers as their own tolerance of one half', () => {
    const p: PublishedParts = { ...published(21, 21, 100), valueDecimals: 0 }
    const result = reconcileFigureValues([
      { key: 1, published: p, computed: { value: 21.49, numerator: 21, denominator: 100 } },
      { key: 2, published: p, computed: { value: 21.51, numerator: 21, denominator: 100 } },
    ])
    expect(result.findings.map((f) => f.key)).toEqual([2])
  })
})
