/**
 * Reconciliation of published figure values with the platform's own computation: a value differs
 * when the computed one, rounded to the decimals the office published, is not the published one.
 * The tolerance is therefore half a unit of the published value's last decimal (21.4 → ±0.05);
 * numerators and denominators are compared the same way, each with its own published decimals.
 */

export interface PublishedParts {
  value: number | null
  valueDecimals: number
  numerator: number | null
  numeratorDecimals: number
  denominator: number | null
  denominatorDecimals: number
}

export interface ComputedParts {
  value: number | null
  numerator: number | null
  denominator: number | null
}

export type ReconciledPart = 'value' | 'numerator' | 'denominator'

export interface ReconciliationPair<K> {
  key: K
  published: PublishedParts
  /** null when the platform has no computed value for this organisation and month. */
  computed: ComputedParts | null
}

export interface ReconciliationFinding<K> {
  key: K
  published: PublishedParts
  computed: ComputedParts
  /** The parts that differ beyond rounding, in the order value, numerator, denominator. */
  differs: ReconciledPart[]
  /** Half a unit of the published value's last decimal. */
  tolerance: number
}

export interface Reconciliation<K> {
  /** Pairs where both sides have a value: the ones compared. */
  compared: number
  findings: ReconciliationFinding<K>[]
}

/** Half a unit of the last of `decimals` decimals: 1 → 0.05, 0 → 0.5. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals
}

// Floating-point noise of the computation (e.g. 21.450000000000003 against 21.45 ± 0.005) must not
// turn an exact tie into a finding: ties count as agreement, checked with a relative margin.
function isBeyondRounding(published: number, computed: number, decimals: number): boolean {
  const difference = Math.abs(published - computed)
  const tolerance = roundingTolerance(decimals)
  return difference > tolerance * (1 + 1e-9) + Number.EPSILON * Math.max(Math.abs(published), 1) * 8
}

/**
 * Compares each published value with its computed counterpart. A pair is compared when both have
 * a value; a missing computed value (no raw series) is not a finding, nor is a published gap.
 */
export function reconcileFigureValues<K>(pairs: Iterable<ReconciliationPair<K>>): Reconciliation<K> {
  let compared = 0
  const findings: ReconciliationFinding<K>[] = []
  for (const { key, published, computed } of pairs) {
    if (!computed || computed.value === null || published.value === null) continue
    compared++
    const differs: ReconciledPart[] = []
    if (isBeyondRounding(published.value, computed.value, published.valueDecimals)) differs.push('value')
    if (
      published.numerator !== null &&
      computed.numerator !== null &&
      isBeyondRounding(published.numerator, computed.numerator, published.numeratorDecimals)
    )
      differs.push('numerator')
    if (
      published.denominator !== null &&
      computed.denominator !== null &&
      isBeyondRounding(published.denominator, computed.denominator, published.denominatorDecimals)
    )
      differs.push('denominator')
    if (differs.length > 0)
      findings.push({
        key,
        published,
        computed,
        differs,
        tolerance: roundingTolerance(published.valueDecimals),
      })
  }
  return { compared, findings }
}
