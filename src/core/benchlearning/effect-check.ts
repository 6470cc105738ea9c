/**
 * The effect check of an adopted practice: a difference-in-differences on monthly key-figure values.
 *
 * Method (documented in docs/practices-and-self-assessment.md):
 * - Windows around the adoption's start month s: "before" = months s−12 … s−1, "after" = months
 *   s+3 … s+14. Months s … s+2 are left out: a practice takes time to start working, and the
 *   months in which it is introduced would dilute the comparison.
 * - For the adopter and for every peer: change = mean(after) − mean(before), each mean over the
 *   months with a value. An organisation needs at least `minMonthsPerWindow` values in each window.
 * - Estimate = adopter's change − mean of the peers' changes.
 * - Uncertainty from the peers' spread: if the practice had no effect, the adopter's change would
 *   be one more draw from the distribution the peers' changes come from. With n peers, sample
 *   standard deviation s of their changes, the standard error of (adopter − peer mean) is
 *   s·√(1 + 1/n), and the interval is estimate ± t(1 − α/2, n − 1) · SE (a prediction interval).
 *   This needs no assumption about autocorrelation within a series (one number per organisation),
 *   which monthly rolling figures (K2 sums 12 months) would otherwise break.
 * - Polarity: for "lower is better" figures a fall is an improvement, so `favourableEffect` is the
 *   negated estimate; for context figures no direction is judged.
 *
 * The result is an indication, never proof: peers are not a randomised control group, and other
 * changes at the same time (staff, local labour market, a new measure) can explain a difference.
 */
import { betterSign, type Polarity } from '../kpi/polarity'
import { studentTQuantile } from '../kpi/student-t'
import { formatFixed, type Locale } from '../format/format'

export const EFFECT_WINDOW = {
  /** First and last month of the before window, relative to the start month. */
  beforeFrom: -12,
  beforeTo: -1,
  /** First and last month of the after window, relative to the start month. */
  afterFrom: 3,
  afterTo: 14,
} as const

/** Fewer peers give intervals so wide that they say nothing (t(0.975, 2) = 4.3). */
export const MIN_EFFECT_PEERS = 4
/** Three quarters of a 12-month window. */
export const MIN_MONTHS_PER_WINDOW = 9

/** Monthly values by month index (year·12 + month − 1); null or absent = no value. */
export type MonthlyValues = ReadonlyMap<number, number | null>

export interface EffectCheckInput {
  /** Month index of the adoption's start. */
  startMonth: number
  /** The latest month for which values can exist (the after window must be over). */
  lastAvailableMonth: number
  adopter: MonthlyValues
  /** Peers by id (the adopter and other adopters of the same practice left out by the caller). */
  peers: ReadonlyMap<string | number, MonthlyValues>
  polarity: Polarity
  /** Default 0.95. */
  confidence?: number
  minPeers?: number
  minMonthsPerWindow?: number
}

export type EffectRefusalReason =
  'after_window_not_over' | 'adopter_too_few_months' | 'too_few_peers' | 'no_peer_spread'

export interface WindowMeans {
  before: number
  after: number
  change: number
  monthsBefore: number
  monthsAfter: number
}

export type EffectDirection = 'favourable' | 'unfavourable' | 'unclear' | 'no_polarity'

export interface EffectEstimate {
  isEstimated: true
  window: { beforeFrom: number; beforeTo: number; afterFrom: number; afterTo: number }
  adopter: WindowMeans
  /** Number of peers with enough values in both windows. */
  peerCount: number
  peerMeanChange: number
  /** Sample standard deviation of the peers' changes. */
  peerChangeSd: number
  /** Adopter's change − peers' mean change, in the figure's unit (e.g. percentage points). */
  estimate: number
  standardError: number
  degreesOfFreedom: number
  confidence: number
  tQuantile: number
  lower: number
  upper: number
  /** The estimate turned so that positive = improvement (null for context figures). */
  favourableEffect: number | null
  direction: EffectDirection
}

export interface EffectRefusal {
  isEstimated: false
  reason: EffectRefusalReason
  /** Plain-language reason (English; the wording function gives German too). */
  message: string
  window: { beforeFrom: number; beforeTo: number; afterFrom: number; afterTo: number }
  peerCount: number
}

export type EffectCheckResult = EffectEstimate | EffectRefusal

function windowMeans(values: MonthlyValues, start: number, minMonths: number): WindowMeans | undefined {
  const collect = (from: number, to: number) => {
    const found: number[] = []
    for (let m = start + from; m <= start + to; m++) {
      const v = values.get(m)
      if (v !== null && v !== undefined && Number.isFinite(v)) found.push(v)
    }
    return found
  }
  const before = collect(EFFECT_WINDOW.beforeFrom, EFFECT_WINDOW.beforeTo)
  const after = collect(EFFECT_WINDOW.afterFrom, EFFECT_WINDOW.afterTo)
  if (before.length < minMonths || after.length < minMonths) return undefined
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const b = mean(before)
  const a = mean(after)
  return { before: b, after: a, change: a - b, monthsBefore: before.length, monthsAfter: after.length }
}

/** Runs the difference-in-differences described at the top of this file. */
export function checkEffect(input: EffectCheckInput): EffectCheckResult {
  const minPeers = input.minPeers ?? MIN_EFFECT_PEERS
  const minMonths = input.minMonthsPerWindow ?? MIN_MONTHS_PER_WINDOW
  const confidence = input.confidence ?? 0.95
  const window = { ...EFFECT_WINDOW }
  const refuse = (reason: EffectRefusalReason, message: string, peerCount = 0): EffectRefusal => ({
    isEstimated: false,
    reason,
    message,
    window,
    peerCount,
  })
  if (input.startMonth + EFFECT_WINDOW.afterTo > input.lastAvailableMonth)
    return refuse(
      'after_window_not_over',
      `the after window ends ${EFFECT_WINDOW.afterTo} months after the start; values reach only ${input.lastAvailableMonth - input.startMonth} months after it`,
    )
  const adopter = windowMeans(input.adopter, input.startMonth, minMonths)
  if (!adopter)
    return refuse(
      'adopter_too_few_months',
      `the adopting organisation needs at least ${minMonths} monthly values in each 12-month window`,
    )
  const changes: number[] = []
  for (const values of input.peers.values()) {
    const w = windowMeans(values, input.startMonth, minMonths)
    if (w) changes.push(w.change)
  }
  const n = changes.length
  if (n < minPeers)
    return refuse(
      'too_few_peers',
      `${n} peer(s) have enough values in both windows; at least ${minPeers} are needed`,
      n,
    )
  const peerMean = changes.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(changes.reduce((acc, c) => acc + (c - peerMean) ** 2, 0) / (n - 1))
  if (!(sd > 0))
    return refuse(
      'no_peer_spread',
      'the peers all changed by exactly the same amount; no spread to judge by',
      n,
    )
  const estimate = adopter.change - peerMean
  const standardError = sd * Math.sqrt(1 + 1 / n)
  const degreesOfFreedom = n - 1
  const tQuantile = studentTQuantile((1 + confidence) / 2, degreesOfFreedom)
  const lower = estimate - tQuantile * standardError
  const upper = estimate + tQuantile * standardError
  const sign = betterSign(input.polarity)
  const favourableEffect = sign === 0 ? null : sign * estimate
  let direction: EffectDirection = 'no_polarity'
  if (sign !== 0) {
    if (lower > 0) direction = sign > 0 ? 'favourable' : 'unfavourable'
    else if (upper < 0) direction = sign > 0 ? 'unfavourable' : 'favourable'
    else direction = 'unclear'
  }
  return {
    isEstimated: true,
    window,
    adopter,
    peerCount: n,
    peerMeanChange: peerMean,
    peerChangeSd: sd,
    estimate,
    standardError,
    degreesOfFreedom,
    confidence,
    tQuantile,
    lower,
    upper,
    favourableEffect,
    direction,
  }
}

export interface EffectWording {
  de: string
  en: string
}

/** Rounded to one decimal as shown; −0 becomes 0. */
function roundOne(value: number): number {
  // Halves away from zero, as Intl.NumberFormat rounds.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10
  return rounded === 0 ? 0 : rounded
}

/** How one line moved, by its change as shown (rounded to one decimal). */
function movement(change: number, unit: { de: string; en: string }): EffectWording {
  const shown = roundOne(change)
  if (shown === 0) return { de: 'unverändert geblieben', en: 'stayed the same' }
  const size = {
    de: `${formatFixed('de', Math.abs(shown))} ${unit.de}`,
    en: `${formatFixed('en', Math.abs(shown))} ${unit.en}`,
  }
  return shown > 0
    ? { de: `um ${size.de} gestiegen`, en: `risen by ${size.en}` }
    : { de: `um ${size.de} gesunken`, en: `fallen by ${size.en}` }
}

/**
 * Plain-language wording of an effect check in German and English. Always says that the result is
 * an indication and not proof ("Hinweis, kein Beweis").
 */
export function describeEffect(options: {
  result: EffectCheckResult
  figureCode: string
  /** e.g. 'Prozentpunkte' / 'percentage points'. */
  unit?: { de: string; en: string }
}): EffectWording {
  const { result, figureCode } = options
  const unit = options.unit ?? { de: 'Prozentpunkte', en: 'percentage points' }
  const caveatDe =
    'Hinweis, kein Beweis: Die Vergleichspartner sind keine Kontrollgruppe, und andere Veränderungen zur selben Zeit können den Unterschied ebenso erklären.'
  const caveatEn =
    'An indication, not proof: the peers are not a control group, and other changes at the same time can explain the difference just as well.'
  if (!result.isEstimated) {
    const de: Record<EffectRefusalReason, string> = {
      after_window_not_over: `Noch keine Wirkungsprüfung für ${figureCode} möglich: Der Vergleichszeitraum nach der Einführung (Monate 3 bis 14) ist noch nicht abgeschlossen.`,
      adopter_too_few_months: `Keine Wirkungsprüfung für ${figureCode}: Für das übernehmende Jobcenter fehlen zu viele Monatswerte vor oder nach der Einführung.`,
      too_few_peers: `Keine Wirkungsprüfung für ${figureCode}: Nur ${result.peerCount} Vergleichspartner haben genug Monatswerte (mindestens ${MIN_EFFECT_PEERS} nötig).`,
      no_peer_spread: `Keine Wirkungsprüfung für ${figureCode}: Die Vergleichspartner haben sich alle gleich verändert; es gibt keine Streuung als Maßstab.`,
    }
    const en: Record<EffectRefusalReason, string> = {
      after_window_not_over: `No effect check for ${figureCode} yet: the comparison period after the start (months 3 to 14) is not over.`,
      adopter_too_few_months: `No effect check for ${figureCode}: the adopting job centre lacks too many monthly values before or after the start.`,
      too_few_peers: `No effect check for ${figureCode}: only ${result.peerCount} peers have enough monthly values (at least ${MIN_EFFECT_PEERS} needed).`,
      no_peer_spread: `No effect check for ${figureCode}: the peers all changed alike; there is no spread to judge by.`,
    }
    return { de: de[result.reason], en: en[result.reason] }
  }
  // The sentence is made of the numbers the page shows beside it (each line's change and the
  // estimate, rounded to one decimal), so that it never says "risen more" where both fell alike.
  const pct = Math.round(result.confidence * 100)
  const intervalDe = `${pct}-%-Intervall ${formatFixed('de', result.lower)} bis ${formatFixed('de', result.upper)} ${unit.de}`
  const intervalEn = `${pct} % interval ${formatFixed('en', result.lower)} to ${formatFixed('en', result.upper)} ${unit.en}`
  const adopterMove = movement(result.adopter.change, unit)
  const peerMove = movement(result.peerMeanChange, unit)
  const estimate = roundOne(result.estimate)
  const signed = (locale: Locale) => `${estimate > 0 ? '+' : ''}${formatFixed(locale, estimate)}`
  const factDe =
    `Nach der Einführung ist ${figureCode} beim übernehmenden Jobcenter ${adopterMove.de}, im Mittel der ${result.peerCount} Vergleichspartner ${peerMove.de}. ` +
    (estimate === 0
      ? `Die beiden Veränderungen sind gleich groß (${intervalDe}).`
      : `Der Unterschied beträgt ${signed('de')} ${unit.de} (${intervalDe}).`)
  const factEn =
    `After the start, ${figureCode} of the adopting job centre has ${adopterMove.en}; on average, its ${result.peerCount} peers have ${peerMove.en}. ` +
    (estimate === 0
      ? `The two changes are the same size (${intervalEn}).`
      : `The difference is ${signed('en')} ${unit.en} (${intervalEn}).`)
  const judgementDe: Record<EffectDirection, string> = {
    favourable: 'Das spricht für eine günstige Wirkung.',
    unfavourable: 'Das spricht eher gegen eine günstige Wirkung.',
    unclear:
      'Der Unterschied liegt innerhalb der üblichen Streuung im Ring; eine Wirkung ist nicht erkennbar (was nicht heißt, dass es keine gibt).',
    no_polarity: 'Für diese Kontextkennzahl gibt es keine bessere oder schlechtere Richtung.',
  }
  const judgementEn: Record<EffectDirection, string> = {
    favourable: 'This points to a favourable effect.',
    unfavourable: 'This rather points against a favourable effect.',
    unclear:
      'The difference lies within the usual spread in the ring; no effect can be seen (which does not mean there is none).',
    no_polarity: 'This context figure has no better or worse direction.',
  }
  return {
    de: `${factDe} ${judgementDe[result.direction]} ${caveatDe}`,
    en: `${factEn} ${judgementEn[result.direction]} ${caveatEn}`,
  }
}
