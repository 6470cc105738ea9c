import { describe, expect, it } from 'vitest'
import { checkEffect, describeEffect, type EffectEstimate, type MonthlyValues } from './effect-check'

const START = 100 // the before window is months 88 … 99, the after window 103 … 114

/** A series with `before` in months 88 … 99, `after` in 103 … 114 and 55 in the left-out months. */
function series(before: number | ((m: number) => number | null), after: number): MonthlyValues {
  const values = new Map<number, number | null>()
  for (let m = 80; m <= 120; m++) {
    if (m >= 88 && m <= 99) values.set(m, typeof before === 'number' ? before : before(m))
    else if (m >= 103 && m <= 114) values.set(m, after)
    // Values outside the windows (and in the ramp-up months 100 … 102) must not count.
    else values.set(m, 55)
  }
  return values
}

// Peers' changes 0, 1, 2, 1, 1: mean 1; deviations −1, 0, 1, 0, 0; sum of squares 2;
// sd = √(2 / 4) = 0.7071068; SE = sd · √(1 + 1/5) = √0.6 = 0.7745967; df = 4, t(0.975, 4) = 2.7764451.
const PEERS = new Map<number, MonthlyValues>([
  [1, series(20, 20)],
  [2, series(20, 21)],
  [3, series(20, 22)],
  [4, series(20, 21)],
  [5, series(20, 21)],
])
const HALF_WIDTH = 2.7764451052 * Math.sqrt(0.6) // = 2.1506158

describe('checkEffect (difference-in-differences against ring peers)', () => {
  it('adopter +3, peers +1 on average: estimate 2, interval 2 ± 2.1506 includes 0 → unclear', () => {
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 23),
      peers: PEERS,
      polarity: 'higher_is_better',
    }) as EffectEstimate
    expect(result.isEstimated).toBe(true)
    expect(result.adopter).toEqual({ before: 20, after: 23, change: 3, monthsBefore: 12, monthsAfter: 12 })
    expect(result.peerCount).toBe(5)
    expect(result.peerMeanChange).toBeCloseTo(1, 12)
    expect(result.peerChangeSd).toBeCloseTo(Math.SQRT1_2, 12)
    expect(result.estimate).toBeCloseTo(2, 12)
    expect(result.standardError).toBeCloseTo(0.7745966692, 9)
    expect(result.degreesOfFreedom).toBe(4)
    expect(result.tQuantile).toBeCloseTo(2.7764451052, 9)
    expect(result.lower).toBeCloseTo(2 - HALF_WIDTH, 9) // −0.1506158
    expect(result.upper).toBeCloseTo(2 + HALF_WIDTH, 9) // 4.1506158
    expect(result.direction).toBe('unclear')
    expect(result.favourableEffect).toBeCloseTo(2, 12)
  })

  it('adopter +5: estimate 4, lower bound 4 − 2.1506 = 1.8494 > 0 → favourable when higher is better', () => {
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 114,
      adopter: series(20, 25),
      peers: PEERS,
      polarity: 'higher_is_better',
    }) as EffectEstimate
    expect(result.estimate).toBeCloseTo(4, 12)
    expect(result.lower).toBeCloseTo(4 - HALF_WIDTH, 9)
    expect(result.direction).toBe('favourable')
  })

  it('respects polarity: the same rise is unfavourable when lower is better', () => {
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 25),
      peers: PEERS,
      polarity: 'lower_is_better',
    }) as EffectEstimate
    expect(result.estimate).toBeCloseTo(4, 12)
    expect(result.favourableEffect).toBeCloseTo(-4, 12)
    expect(result.direction).toBe('unfavourable')
    const falling = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 17), // change −3, estimate −3 − 1 = −4, upper −4 + 2.1506 < 0
      peers: PEERS,
      polarity: 'lower_is_better',
    }) as EffectEstimate
    expect(falling.estimate).toBeCloseTo(-4, 12)
    expect(falling.direction).toBe('favourable')
    const context = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 17),
      peers: PEERS,
      polarity: 'context',
    }) as EffectEstimate
    expect(context.favourableEffect).toBeNull()
    expect(context.direction).toBe('no_polarity')
  })

  it('averages over the months that have values (9 of 12 are enough)', () => {
    // Before: months 88 … 90 missing, 91 … 99 alternate 19 / 21 starting with 19 → 5 × 19 + 4 × 21 = 179, mean 19.888…
    const before = (m: number) => (m < 91 ? null : (m - 91) % 2 === 0 ? 19 : 21)
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(before, 23),
      peers: PEERS,
      polarity: 'higher_is_better',
    }) as EffectEstimate
    expect(result.adopter.monthsBefore).toBe(9)
    expect(result.adopter.before).toBeCloseTo(179 / 9, 12)
    expect(result.estimate).toBeCloseTo(23 - 179 / 9 - 1, 12)
  })

  it('refuses with a clear reason', () => {
    const base = { startMonth: START, peers: PEERS, polarity: 'higher_is_better' as const }
    expect(checkEffect({ ...base, lastAvailableMonth: 113, adopter: series(20, 23) })).toMatchObject({
      isEstimated: false,
      reason: 'after_window_not_over',
    })
    const sparse = series((m) => (m < 92 ? null : 20), 23) // 8 values before
    expect(checkEffect({ ...base, lastAvailableMonth: 120, adopter: sparse })).toMatchObject({
      isEstimated: false,
      reason: 'adopter_too_few_months',
    })
    const threePeers = new Map([...PEERS].slice(0, 3))
    const refused = checkEffect({
      ...base,
      lastAvailableMonth: 120,
      adopter: series(20, 23),
      peers: threePeers,
    })
    expect(refused).toMatchObject({ isEstimated: false, reason: 'too_few_peers', peerCount: 3 })
    const alike = new Map([1, 2, 3, 4].map((id) => [id, series(20, 21)]))
    expect(
      checkEffect({ ...base, lastAvailableMonth: 120, adopter: series(20, 23), peers: alike }),
    ).toMatchObject({ isEstimated: false, reason: 'no_peer_spread' })
  })
})

describe('describeEffect', () => {
  it('words a favourable estimate as an indication, not proof, in German and English', () => {
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 25),
      peers: PEERS,
      polarity: 'higher_is_better',
    })
    const text = describeEffect({ result, figureCode: 'K2' })
    expect(text.de).toContain(
      'beim übernehmenden Jobcenter um 5,0 Prozentpunkte gestiegen, im Mittel der 5 Vergleichspartner um 1,0 Prozentpunkte gestiegen.',
    )
    expect(text.de).toContain(
      'Der Unterschied beträgt +4,0 Prozentpunkte (95-%-Intervall 1,8 bis 6,2 Prozentpunkte)',
    )
    expect(text.de).toContain('Hinweis, kein Beweis')
    expect(text.en).toContain(
      'has risen by 5.0 percentage points; on average, its 5 peers have risen by 1.0 percentage points.',
    )
    expect(text.en).toContain('The difference is +4.0 percentage points')
    expect(text.en).toContain('An indication, not proof')
  })

  it('words two falling lines as falling, from the rounded numbers the page shows (no "stärker gestiegen")', () => {
    // Adopter −0.16, peers −0.34, −0.14, −0.24 … (mean −0.24): both show −0,2; the estimate +0.08 shows +0,1.
    const peers = new Map<number, MonthlyValues>(
      [-0.34, -0.14, -0.24, -0.2, -0.28].map((change, i) => [i + 1, series(20, 20 + change)]),
    )
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 19.84),
      peers,
      polarity: 'higher_is_better',
    }) as EffectEstimate
    expect(result.adopter.change).toBeCloseTo(-0.16, 10)
    expect(result.peerMeanChange).toBeCloseTo(-0.24, 10)
    const text = describeEffect({ result, figureCode: 'K2' })
    expect(text.de).not.toMatch(/gestiegen|stärker/)
    expect(text.de).toContain(
      'beim übernehmenden Jobcenter um 0,2 Prozentpunkte gesunken, im Mittel der 5 Vergleichspartner um 0,2 Prozentpunkte gesunken.',
    )
    expect(text.de).toContain('Der Unterschied beträgt +0,1 Prozentpunkte')
    expect(text.de).not.toMatch(/-\d/) // a true minus sign where there is one
    expect(text.en).not.toMatch(/risen/)
    expect(text.en).toContain(
      'has fallen by 0.2 percentage points; on average, its 5 peers have fallen by 0.2',
    )
  })

  it('says "unverändert" and "gleich groß" when the shown changes are zero, never "-0,0"', () => {
    const peers = new Map<number, MonthlyValues>(
      [-0.02, 0.03, 0.01, -0.01, 0].map((change, i) => [i + 1, series(20, 20 + change)]),
    )
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 120,
      adopter: series(20, 19.99),
      peers,
      polarity: 'higher_is_better',
    })
    const text = describeEffect({ result, figureCode: 'K2' })
    expect(text.de).toContain('beim übernehmenden Jobcenter unverändert geblieben')
    expect(text.de).toContain('Die beiden Veränderungen sind gleich groß')
    expect(text.de).not.toMatch(/[-−]0,0/)
  })

  it('explains a refusal', () => {
    const result = checkEffect({
      startMonth: START,
      lastAvailableMonth: 105,
      adopter: series(20, 25),
      peers: PEERS,
      polarity: 'higher_is_better',
    })
    expect(describeEffect({ result, figureCode: 'K2' }).de).toMatch(/noch nicht abgeschlossen/)
  })
})
