/**
 * What the effect checks of several adoptions of one practice say together about one figure:
 * inverse-variance pooling (fixed effect). Each adoption's difference-in-differences estimate e_i
 * with standard error s_i gets the weight w_i = 1 / s_i²; the pooled estimate is Σ w_i e_i / Σ w_i
 * with standard error 1 / √Σ w_i, and the 95 % interval is the estimate ± 1.96 standard errors
 * (normal approximation). It assumes one common effect; with two or three adoptions nothing better
 * can be estimated, and the interval is wide enough to say so. A hint, never a proof: every single
 * check compares with peers who are not a control group (core/benchlearning/effect-check.ts).
 */
import { betterSign, type Polarity } from '../kpi/polarity'
import type { EffectDirection } from './effect-check'

/** The 97.5 % quantile of the standard normal distribution (a two-sided 95 % interval). */
export const NORMAL_975 = 1.959963984540054

export interface AdoptionEffect {
  estimate: number
  standardError: number
}

export interface PooledEffect {
  estimate: number
  standardError: number
  lower: number
  upper: number
  /** Adoptions behind the pooled estimate. */
  adoptions: number
  direction: EffectDirection
}

/** Pools the estimates with a positive, finite standard error; null when none has one. */
export function poolEffects(effects: readonly AdoptionEffect[], polarity: Polarity): PooledEffect | null {
  const usable = effects.filter(
    (e) => Number.isFinite(e.estimate) && Number.isFinite(e.standardError) && e.standardError > 0,
  )
  if (usable.length === 0) return null
  let weights = 0
  let weighted = 0
  for (const e of usable) {
    const w = 1 / e.standardError ** 2
    weights += w
    weighted += w * e.estimate
  }
  const estimate = weighted / weights
  const standardError = 1 / Math.sqrt(weights)
  const lower = estimate - NORMAL_975 * standardError
  const upper = estimate + NORMAL_975 * standardError
  const sign = betterSign(polarity)
  let direction: EffectDirection = 'no_polarity'
  if (sign !== 0) {
    if (sign * lower > 0 && sign * upper > 0) direction = 'favourable'
    else if (sign * lower < 0 && sign * upper < 0) direction = 'unfavourable'
    else direction = 'unclear'
  }
  return { estimate, standardError, lower, upper, adoptions: usable.length, direction }
}
