import { describe, expect, it } from 'vitest'
import { NORMAL_975, poolEffects } from './pooled-effect'

describe('poolEffects (inverse-variance, fixed effect)', () => {
  // Weights 1/1² = 1 and 1/2² = 0.25, sum 1.25: estimate (2·1 + 4·0.25) / 1.25 = 2.4,
  // SE = 1/√1.25 = 0.8944272, interval 2.4 ± 1.959964 · 0.8944272 = 0.6469549 … 4.1530451.
  const adoptions = [
    { estimate: 2, standardError: 1 },
    { estimate: 4, standardError: 2 },
  ]

  it('pools two hand-made adoptions with their interval', () => {
    const pooled = poolEffects(adoptions, 'higher_is_better')!
    expect(pooled.estimate).toBeCloseTo(2.4, 12)
    expect(pooled.standardError).toBeCloseTo(0.894427191, 9)
    expect(pooled.lower).toBeCloseTo(0.6469549, 6)
    expect(pooled.upper).toBeCloseTo(4.1530451, 6)
    expect(pooled.adoptions).toBe(2)
    expect(pooled.direction).toBe('favourable')
    expect(NORMAL_975).toBeCloseTo(1.959964, 6)
  })

  it('judges the direction by polarity; an interval across 0 is unclear', () => {
    expect(poolEffects(adoptions, 'lower_is_better')!.direction).toBe('unfavourable')
    expect(poolEffects(adoptions, 'context')!.direction).toBe('no_polarity')
    expect(poolEffects([{ estimate: 0.5, standardError: 1 }], 'higher_is_better')!.direction).toBe('unclear')
  })

  it('leaves out estimates without a usable standard error; none usable gives null', () => {
    const pooled = poolEffects([...adoptions, { estimate: 50, standardError: 0 }], 'higher_is_better')!
    expect(pooled.adoptions).toBe(2)
    expect(pooled.estimate).toBeCloseTo(2.4, 12)
    expect(poolEffects([{ estimate: 1, standardError: Number.NaN }], 'higher_is_better')).toBeNull()
  })
})
