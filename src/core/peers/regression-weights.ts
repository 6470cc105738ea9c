/**
 * Weights of context indicators derived from data, the way the official comparison types are:
 * regress each target figure (e.g. K1, K2, K3) on the standardised candidates, keep the
 * coefficients that are significant, and give each candidate the share of its |standardised
 * effect| among the significant ones. Each target counts equally: the weight of a candidate is
 * the mean of its shares over the targets that have any significant candidate. Weights are then
 * scaled to a mean of 1 over the kept candidates, so they read like hand-set weights.
 */
import { message, type Message } from '../messages/text'
import { AppError } from '../errors/app-error'
import { fitOls } from '../kpi/ols'

/** One target figure with a value per row (null = missing for that organisation). */
export interface RegressionTarget {
  code: string
  values: ReadonlyArray<number | null>
}

/** One target's regression: standardised effects, p values, which are kept. */
export interface TargetFit {
  code: string
  n: number
  rSquared: number
  coefficients: { name: string; standardisedEffect: number; pValue: number; isSignificant: boolean }[]
}

/** Weights per candidate (0 = not significant for any target) and the fits behind them. */
export interface RegressionWeights {
  weights: number[]
  fits: TargetFit[]
  /** Targets without enough values or without any significant candidate. */
  /** Targets left out, with the reason as a message (its text names the target). */
  skipped: { code: string; reason: Message }[]
}

function zScores(values: readonly number[]): number[] | null {
  const n = values.length
  const mean = values.reduce((s, v) => s + v, 0) / n
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n)
  if (!(sd > 0)) return null
  return values.map((v) => (v - mean) / sd)
}

/** Derives indicator weights from regressions of the targets on the (transformed) candidates. */
export function deriveRegressionWeights(options: {
  candidates: ReadonlyArray<{ name: string; values: readonly number[] }>
  targets: readonly RegressionTarget[]
  /** Significance level (default 0.05). */
  alpha?: number
}): RegressionWeights {
  const { candidates, targets } = options
  const alpha = options.alpha ?? 0.05
  const rows = candidates[0]?.values.length ?? 0
  for (const c of candidates)
    if (c.values.length !== rows)
      throw new AppError(
        'invalid_input',
        message('peers.valuesForRows', { name: c.name, values: c.values.length, rows }),
      )
  const shares = new Array<number>(candidates.length).fill(0)
  const fits: TargetFit[] = []
  const skipped: RegressionWeights['skipped'] = []
  let counted = 0
  for (const target of targets) {
    if (target.values.length !== rows)
      throw new AppError(
        'invalid_input',
        message('peers.valuesForRows', { name: target.code, values: target.values.length, rows }),
      )
    const kept = target.values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [i] : []))
    const y = zScores(kept.map((i) => target.values[i] as number))
    const usable = candidates
      .map((c, j) => ({ j, z: zScores(kept.map((i) => c.values[i]!)) }))
      .filter((c): c is { j: number; z: number[] } => c.z !== null)
    if (!y || kept.length <= usable.length + 2) {
      skipped.push({
        code: target.code,
        reason: message('peers.regressionTooFew', {
          code: target.code,
          count: kept.length,
          indicators: usable.length,
        }),
      })
      continue
    }
    const fit = fitOls({
      y,
      predictors: usable.map((c) => ({ name: candidates[c.j]!.name, values: c.z })),
    })
    const coefficients = usable.map((c, index) => {
      const coefficient = fit.coefficients[index + 1]!
      return {
        name: candidates[c.j]!.name,
        standardisedEffect: coefficient.estimate,
        pValue: coefficient.pValue,
        isSignificant: coefficient.pValue < alpha,
      }
    })
    fits.push({ code: target.code, n: fit.n, rSquared: fit.rSquared, coefficients })
    const total = coefficients.reduce((s, c) => s + (c.isSignificant ? Math.abs(c.standardisedEffect) : 0), 0)
    if (!(total > 0)) {
      skipped.push({
        code: target.code,
        reason: message('peers.regressionNotSignificant', { code: target.code, alpha }),
      })
      continue
    }
    counted++
    usable.forEach((c, index) => {
      const coefficient = coefficients[index]!
      if (coefficient.isSignificant) shares[c.j]! += Math.abs(coefficient.standardisedEffect) / total
    })
  }
  if (counted === 0) {
    throw new AppError(
      'invalid_input',
      message('peers.noSignificantContext', { skipped: skipped.map((s) => s.code).join(', ') }),
    )
  }
  const mean = shares.map((s) => s / counted)
  const keptCount = mean.filter((w) => w > 0).length
  const sum = mean.reduce((s, w) => s + w, 0)
  return { weights: mean.map((w) => (w * keptCount) / sum), fits, skipped }
}
