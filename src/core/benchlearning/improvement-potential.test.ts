import { describe, expect, it } from 'vitest'
import {
  computeFigurePotential,
  potentialBasisOf,
  rankPotentials,
  translateGap,
  type PotentialInput,
} from './improvement-potential'

const K2_BASIS = potentialBasisOf({
  numerator: 'sum(integrations, 12)',
  denominator: 'mean(elb, 12)',
  transform: 'percent',
})
const K1_BASIS = potentialBasisOf({ numerator: 'llu', denominator: 'lag(llu, 12)', transform: 'change_rate' })
const K3_BASIS = potentialBasisOf({ numerator: 'lzb', denominator: 'lag(lzb, 12)', transform: 'change_rate' })

// K2: 1 400 integrations over 12 months on an average stock of 7 000 → 20 %. The context model
// expects 22 % (95 % interval 19 % to 25 %); the ring's upper quartile is 24 %.
const K2: PotentialInput = {
  code: 'K2',
  polarity: 'higher_is_better',
  basis: K2_BASIS,
  actual: 20,
  denominator: 7000,
  expectation: { expected: 22, lower: 19, upper: 25 },
  peers: { label: 'Ring 1', disclosure: 'full', n: 10, mean: 21, q1: 18, q3: 24 },
}

// K1: benefits rose by 4 % on 10 000 000 € a year earlier. Expected +1 % (−1 % to 3 %); the
// quartiles are withheld (mean_only), the group's mean is +2 %.
const K1: PotentialInput = {
  code: 'K1',
  polarity: 'lower_is_better',
  basis: K1_BASIS,
  actual: 4,
  denominator: 10_000_000,
  expectation: { expected: 1, lower: -1, upper: 3 },
  peers: { label: 'Netzwerk', disclosure: 'mean_only', n: 40, mean: 2, q1: null, q3: null },
}

// K3: the stock of long-term beneficiaries fell by 2 % from 5 000; no context model; the lower
// quartile (better for this figure) of the visible members is −5 %.
const K3: PotentialInput = {
  code: 'K3',
  polarity: 'lower_is_better',
  basis: K3_BASIS,
  actual: -2,
  denominator: 5000,
  expectation: null,
  peers: { label: 'Ring 1', disclosure: 'visible_only', n: 6, mean: -3, q1: -5, q3: -1 },
}

describe('potentialBasisOf', () => {
  it('reads yearly counts, monthly levels and money from the formulas', () => {
    expect(K2_BASIS).toEqual({ kind: 'yearly_count', series: 'integrations', isMoney: false })
    expect(K1_BASIS).toEqual({ kind: 'monthly_level', series: 'llu', isMoney: true })
    expect(K3_BASIS).toEqual({ kind: 'monthly_level', series: 'lzb', isMoney: false })
  })

  it('gives averages of monthly rates and other shapes no count', () => {
    expect(
      potentialBasisOf({ numerator: 'mean(elb_inflows / elb, 12)', denominator: '1', transform: 'percent' }),
    ).toEqual({ kind: 'none' })
    expect(
      potentialBasisOf({ numerator: 'llu', denominator: 'lag(luh, 12)', transform: 'change_rate' }),
    ).toEqual({ kind: 'none' })
    expect(potentialBasisOf({ numerator: 'lzb_active', denominator: 'lzb', transform: 'percent' })).toEqual({
      kind: 'none',
    })
  })
})

describe('translateGap', () => {
  it('(T − A) / 100 · denominator; a month of money is 12 months at that level', () => {
    expect(translateGap({ basis: K2_BASIS, actual: 20, target: 22, denominator: 7000 })).toEqual({
      series: 'integrations',
      isMoney: false,
      amount: 140,
      amountPerYear: 140,
      per: 'year',
    })
    const money = translateGap({ basis: K1_BASIS, actual: 4, target: 1, denominator: 10_000_000 })!
    expect(money.amount).toBeCloseTo(-300_000, 6)
    expect(money.amountPerYear).toBeCloseTo(-3_600_000, 6)
    expect(money.per).toBe('year')
    expect(translateGap({ basis: { kind: 'none' }, actual: 4, target: 1, denominator: 1 })).toBeNull()
    expect(translateGap({ basis: K2_BASIS, actual: 4, target: 1, denominator: null })).toBeNull()
  })
})

describe('computeFigurePotential', () => {
  it('K2: 140 integrations a year to the expected value (−70 to 350 over the interval), 280 to the quartile', () => {
    const p = computeFigurePotential(K2)!
    expect(p.toExpected!.gap).toBe(2)
    expect(p.toExpected!.translated!.amountPerYear).toBeCloseTo(140, 9)
    expect(p.toExpected!.translatedRange!.low).toBeCloseTo(-70, 9)
    expect(p.toExpected!.translatedRange!.high).toBeCloseTo(350, 9)
    expect(p.toPeers).toMatchObject({ kind: 'quartile', target: 24, gap: 4, group: 'Ring 1', n: 10 })
    expect(p.toPeers!.translated!.amountPerYear).toBeCloseTo(280, 9)
    // 20 % lies inside 19 % … 25 %: worse than expected, not worse than the whole interval.
    expect(p.tier).toBe('below_expected')
    expect(p.standardisedGap).toBeCloseTo(2 / 3, 12)
  })

  it('K1: about 3.6 m € a year at the expected change (1.2 m to 6 m), the mean where quartiles are withheld', () => {
    const p = computeFigurePotential(K1)!
    expect(p.tier).toBe('worse_than_expected') // 4 % is above the interval's worse end, 3 %
    expect(p.toExpected!.translated!.amountPerYear).toBeCloseTo(-3_600_000, 4)
    expect(p.toExpected!.translatedRange!.low).toBeCloseTo(-6_000_000, 4)
    expect(p.toExpected!.translatedRange!.high).toBeCloseTo(-1_200_000, 4)
    expect(p.toPeers).toMatchObject({ kind: 'mean', target: 2, gap: -2 })
    expect(p.toPeers!.translated!.amountPerYear).toBeCloseTo(-2_400_000, 4)
    expect(p.standardisedGap).toBeCloseTo(1.5, 12)
  })

  it("K3: only the visible members' quartile, 150 fewer long-term beneficiaries in the month", () => {
    const p = computeFigurePotential(K3)!
    expect(p.toExpected).toBeNull()
    expect(p.toPeers).toMatchObject({ kind: 'quartile_visible', target: -5, gap: -3 })
    expect(p.toPeers!.translated).toMatchObject({ amount: -150, amountPerYear: -150, per: 'month' })
    expect(p.tier).toBe('behind_peers')
    expect(p.standardisedGap).toBeNull()
  })

  it('no gap where the organisation is better than both references; context figures are never ranked', () => {
    const better = computeFigurePotential({ ...K2, actual: 26 })!
    expect(better.toExpected).toBeNull()
    expect(better.toPeers).toBeNull()
    expect(better.tier).toBeNull()
    expect(computeFigurePotential({ ...K2, code: 'K2E1', polarity: 'context' })).toBeNull()
  })
})

describe('rankPotentials', () => {
  it('most realistic first: worse than the interval, then inside it, then behind peers only', () => {
    const ranked = rankPotentials([
      computeFigurePotential(K3),
      computeFigurePotential({ ...K2, actual: 26 }),
      computeFigurePotential(K2),
      computeFigurePotential({ ...K2, code: 'K2E1', polarity: 'context' }),
      computeFigurePotential(K1),
    ])
    expect(ranked.map((p) => p.code)).toEqual(['K1', 'K2', 'K3'])
  })

  it('within a tier, the gap in half-widths of the interval orders, not the raw size', () => {
    // K2E4: gap 1 on a half-width of 1 (1 half-width) outranks K2's gap 2 on a half-width of 3 (2/3).
    const steady = computeFigurePotential({
      ...K2,
      code: 'K2E4',
      actual: 10,
      expectation: { expected: 11, lower: 9.5, upper: 11.5 },
    })
    expect(steady!.tier).toBe('below_expected')
    expect(rankPotentials([computeFigurePotential(K2), steady]).map((p) => p.code)).toEqual(['K2E4', 'K2'])
  })
})
