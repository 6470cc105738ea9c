/**
 * Improvement potential of one organisation on one key figure: how far its value is from what its
 * context leads one to expect (the context model's expected value with its prediction interval) and
 * from the better peers under similar conditions (the upper quartile of its comparison group in the
 * direction of the figure's polarity), and what closing that gap would mean in people or euros.
 *
 * Translation: a figure is value = numerator / denominator · 100 ('percent') or
 * (numerator / denominator − 1) · 100 ('change_rate', denominator = the same series a year
 * earlier). In both cases, at a target value T instead of the actual value A, with the denominator
 * unchanged, the numerator would differ by (T − A) / 100 · denominator. What that numerator counts
 * is read from the formula: `sum(x, 12)` counts x over a year (integrations a year); a plain series
 * x compared with `lag(x, 12)` is the month's level of x (long-term beneficiaries in the month, or
 * the month's benefit payments in euros, which over a year at that level is about 12 times as much).
 * Averages of monthly rates (denominator 1) have no count behind them and get no translation.
 *
 * Ranking, from the most realistic: (1) worse than the whole prediction interval (others under the
 * same conditions clearly do better), (2) worse than the expected value but inside the interval,
 * (3) as expected or better, but behind the better peers. Within a tier, the gap measured in
 * half-widths of the prediction interval (how far organisations usually differ) orders, so that a
 * large number on a figure that varies a lot does not outrank a modest gap on a steady one. Context
 * figures describe the situation and are never ranked.
 */
import type { DisplayTransform } from '../kpi/figure-definition'
import { betterSign, type Polarity } from '../kpi/polarity'

/** Raw series in euros (§§ 20 ff. and § 22 SGB II payments); every other series counts people. */
export const MONEY_SERIES: ReadonlySet<string> = new Set(['llu', 'luh'])

export type PotentialBasis =
  /** numerator = sum(series, 12): the gap is so many more (or fewer) events a year. */
  | { kind: 'yearly_count'; series: string; isMoney: boolean }
  /** numerator = series, denominator = lag(series, 12): the gap is the month's level of the series. */
  | { kind: 'monthly_level'; series: string; isMoney: boolean }
  /** No count behind the figure (averages of monthly rates, own formulas of another shape). */
  | { kind: 'none' }

const SERIES = '([a-z][a-z0-9_]*)'
const YEARLY_SUM = new RegExp(`^sum\\(\\s*${SERIES}\\s*,\\s*12\\s*\\)$`)
const PLAIN = new RegExp(`^${SERIES}$`)
const LAG_12 = new RegExp(`^lag\\(\\s*${SERIES}\\s*,\\s*12\\s*\\)$`)

/** What a gap on this figure counts, read from its formulas. */
export function potentialBasisOf(figure: {
  numerator: string
  denominator: string
  transform: DisplayTransform
}): PotentialBasis {
  const numerator = figure.numerator.trim()
  const denominator = figure.denominator.trim()
  if (figure.transform === 'percent') {
    const sum = YEARLY_SUM.exec(numerator)
    if (sum && denominator !== '1')
      return { kind: 'yearly_count', series: sum[1]!, isMoney: MONEY_SERIES.has(sum[1]!) }
    return { kind: 'none' }
  }
  const plain = PLAIN.exec(numerator)
  const lag = LAG_12.exec(denominator)
  if (plain && lag && plain[1] === lag[1])
    return { kind: 'monthly_level', series: plain[1]!, isMoney: MONEY_SERIES.has(plain[1]!) }
  return { kind: 'none' }
}

/** A gap translated: positive `amount` = the numerator would be larger. */
export interface TranslatedGap {
  series: string
  isMoney: boolean
  /** In the numerator's own terms: a year of events, or the month's level. */
  amount: number
  /** For money at a monthly level: 12 × amount (a year at that level); otherwise equal to amount. */
  amountPerYear: number
  /** 'year' for yearly counts and money; 'month' for a month's stock of people. */
  per: 'year' | 'month'
}

/** (T − A) / 100 · denominator, in the terms of the basis; null without a basis or a denominator. */
export function translateGap(options: {
  basis: PotentialBasis
  actual: number
  target: number
  denominator: number | null
}): TranslatedGap | null {
  const { basis, denominator } = options
  if (basis.kind === 'none' || denominator === null || !Number.isFinite(denominator)) return null
  const amount = ((options.target - options.actual) / 100) * denominator
  const isMonthlyMoney = basis.kind === 'monthly_level' && basis.isMoney
  return {
    series: basis.series,
    isMoney: basis.isMoney,
    amount,
    amountPerYear: isMonthlyMoney ? amount * 12 : amount,
    per: basis.kind === 'yearly_count' || isMonthlyMoney ? 'year' : 'month',
  }
}

/** The context model's expectation for the organisation (95 % prediction interval). */
export interface Expectation {
  expected: number
  lower: number
  upper: number
}

/**
 * What the caller may see of the comparison group: quartiles where the disclosure rules allow them
 * ('full', or 'visible_only' over the members the caller can see), else only the mean ('mean_only').
 */
export interface PeerReference {
  label: string
  disclosure: 'full' | 'mean_only' | 'visible_only'
  n: number
  mean: number | null
  q1: number | null
  q3: number | null
}

export type PeerTargetKind =
  /** The upper quartile in the direction of polarity over every member. */
  | 'quartile'
  /** The same over the members the caller can see (hidden ones withheld by the disclosure rules). */
  | 'quartile_visible'
  /** Only the group's mean may be shown (quartiles withheld): the mean is the reference. */
  | 'mean'

export interface PotentialTarget {
  target: number
  /** Target − actual, in the figure's unit (percentage points). */
  gap: number
  translated: TranslatedGap | null
}

export type PotentialTier = 'worse_than_expected' | 'below_expected' | 'behind_peers'

export interface FigurePotential {
  code: string
  polarity: Polarity
  actual: number
  /** Reaching the expected value; null when the organisation is at or above it, or no model. */
  toExpected:
    | (PotentialTarget & {
        lower: number
        upper: number
        /** The translation at the interval's ends, ordered low to high (the expectation's uncertainty). */
        translatedRange: { low: number; high: number } | null
      })
    | null
  /** Reaching the better peers' quartile (or mean); null when already there or nothing disclosed. */
  toPeers: (PotentialTarget & { kind: PeerTargetKind; group: string; n: number }) | null
  tier: PotentialTier | null
  /** The gap to the nearest target in half-widths of the prediction interval; null without a model. */
  standardisedGap: number | null
}

export interface PotentialInput {
  code: string
  polarity: Polarity
  basis: PotentialBasis
  actual: number
  denominator: number | null
  expectation: Expectation | null
  peers: PeerReference | null
}

function peerTarget(
  polarity: Polarity,
  peers: PeerReference,
): { target: number; kind: PeerTargetKind } | null {
  const quartile = polarity === 'lower_is_better' ? peers.q1 : peers.q3
  if (quartile !== null)
    return { target: quartile, kind: peers.disclosure === 'visible_only' ? 'quartile_visible' : 'quartile' }
  if (peers.mean !== null) return { target: peers.mean, kind: 'mean' }
  return null
}

/** The potential of one figure; null for context figures (never ranked). */
export function computeFigurePotential(input: PotentialInput): FigurePotential | null {
  const sign = betterSign(input.polarity)
  if (sign === 0) return null
  const { actual, basis, denominator, expectation } = input
  const isBetter = (target: number) => sign * (target - actual) > 0
  const translate = (target: number) => translateGap({ basis, actual, target, denominator })

  let toExpected: FigurePotential['toExpected'] = null
  if (expectation && isBetter(expectation.expected)) {
    const atLower = translate(expectation.lower)
    const atUpper = translate(expectation.upper)
    toExpected = {
      target: expectation.expected,
      gap: expectation.expected - actual,
      translated: translate(expectation.expected),
      lower: expectation.lower,
      upper: expectation.upper,
      translatedRange:
        atLower && atUpper
          ? {
              low: Math.min(atLower.amountPerYear, atUpper.amountPerYear),
              high: Math.max(atLower.amountPerYear, atUpper.amountPerYear),
            }
          : null,
    }
  }
  let toPeers: FigurePotential['toPeers'] = null
  const reference = input.peers ? peerTarget(input.polarity, input.peers) : null
  if (input.peers && reference && isBetter(reference.target))
    toPeers = {
      ...reference,
      gap: reference.target - actual,
      translated: translate(reference.target),
      group: input.peers.label,
      n: input.peers.n,
    }

  let tier: PotentialTier | null = null
  if (toExpected && expectation) {
    const worseBound = sign > 0 ? expectation.lower : expectation.upper
    tier = sign * (actual - worseBound) < 0 ? 'worse_than_expected' : 'below_expected'
  } else if (toPeers) tier = 'behind_peers'

  const halfWidth = expectation ? (expectation.upper - expectation.lower) / 2 : 0
  const nearestGap = toExpected?.gap ?? toPeers?.gap ?? null
  const standardisedGap = nearestGap !== null && halfWidth > 0 ? Math.abs(nearestGap) / halfWidth : null
  return { code: input.code, polarity: input.polarity, actual, toExpected, toPeers, tier, standardisedGap }
}

const TIER_ORDER: Record<PotentialTier, number> = {
  worse_than_expected: 0,
  below_expected: 1,
  behind_peers: 2,
}

/**
 * The potentials with a gap, most realistic first (see the top of this file): by tier, then by the
 * standardised gap (larger first; figures without a model after those with one), then by code.
 */
export function rankPotentials(potentials: readonly (FigurePotential | null)[]): FigurePotential[] {
  return potentials
    .filter((p): p is FigurePotential & { tier: PotentialTier } => p !== null && p.tier !== null)
    .sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        (b.standardisedGap ?? -1) - (a.standardisedGap ?? -1) ||
        a.code.localeCompare(b.code),
    )
}
