import { AppError, detail } from '../errors/app-error'
import { message } from '../messages/text'
import { judgeDifference, type Polarity } from './polarity'
import { studentTQuantile, studentTTwoSidedP } from './student-t'

export interface OlsPredictor {
  name: string
  values: readonly number[]
}

export interface OlsCoefficient {
  /** '(intercept)' or the predictor's name. */
  name: string
  estimate: number
  standardError: number
  tValue: number
  pValue: number
}

export interface OlsObservation {
  id: string
  actual: number
  /** The expected value given the predictors. */
  fitted: number
  residual: number
  /** Diagonal of the hat matrix, x_i' (X'X)⁻¹ x_i. */
  leverage: number
  /** Prediction interval: fitted ± t · s · √(1 + leverage). */
  lower: number
  upper: number
}

export interface OlsResult {
  n: number
  /** Number of coefficients including the intercept. */
  parameters: number
  degreesOfFreedom: number
  confidence: number
  /** The t quantile used for the intervals, t((1 + confidence) / 2, n − p). */
  tQuantile: number
  coefficients: OlsCoefficient[]
  rSquared: number
  adjustedRSquared: number
  /** s = √(SSE / (n − p)). */
  residualStandardError: number
  observations: OlsObservation[]
}

// A column whose part orthogonal to the previous columns is this small relative to its own norm
// is (numerically) a linear combination of them.
const RANK_TOLERANCE = 1e-10

/**
 * Multiple linear regression with intercept, solved by Householder QR (never the normal
 * equations, which square the condition number). Standard errors from s²·(R'R)⁻¹, p values from
 * Student's t, and for every observation a prediction interval at `confidence` (default 95 %).
 */
export function fitOls(options: {
  y: readonly number[]
  predictors: readonly OlsPredictor[]
  /** Labels of the observations (e.g. organisation ids); default "1", "2", … */
  ids?: readonly string[]
  confidence?: number
}): OlsResult {
  const { y, predictors } = options
  const confidence = options.confidence ?? 0.95
  const n = y.length
  const p = predictors.length + 1
  const names = ['(intercept)', ...predictors.map((x) => x.name)]
  validateInput({ y, predictors, ids: options.ids, confidence })
  if (n <= p) {
    throw new AppError('invalid_input', message('kpi.olsTooFewObservations', { p, n }))
  }

  // Column-major copy of the design matrix; it is overwritten by the Householder vectors.
  const columns = [new Float64Array(n).fill(1), ...predictors.map((x) => Float64Array.from(x.values))]
  const qty = Float64Array.from(y)
  const r = Array.from({ length: p }, () => new Float64Array(p))
  for (let k = 0; k < p; k++) {
    const column = columns[k]!
    let originalNorm = 0
    for (let i = 0; i < n; i++) originalNorm += column[i]! ** 2
    originalNorm = Math.sqrt(originalNorm)
    let norm = 0
    for (let i = k; i < n; i++) norm += column[i]! ** 2
    norm = Math.sqrt(norm)
    if (originalNorm === 0 || norm <= RANK_TOLERANCE * originalNorm) {
      throw new AppError(
        'invalid_input',
        message('kpi.olsRankDeficient', { name: names[k]!, others: names.slice(0, k).join(', ') }),
        [detail(message('kpi.collinearPredictor'), { field: names[k] })],
      )
    }
    // Reflect x onto −sign(x_k)·‖x‖·e_k; choosing the sign away from x_k avoids cancellation.
    const alpha = column[k]! > 0 ? -norm : norm
    const v = new Float64Array(n)
    for (let i = k; i < n; i++) v[i] = column[i]!
    v[k] = v[k]! - alpha
    let vv = 0
    for (let i = k; i < n; i++) vv += v[i]! ** 2
    const reflect = (target: Float64Array) => {
      let dot = 0
      for (let i = k; i < n; i++) dot += v[i]! * target[i]!
      const scale = (2 * dot) / vv
      for (let i = k; i < n; i++) target[i] = target[i]! - scale * v[i]!
    }
    r[k]![k] = alpha
    for (let j = k + 1; j < p; j++) {
      reflect(columns[j]!)
      r[k]![j] = columns[j]![k]!
    }
    reflect(qty)
  }

  // Back substitution R β = (Q'y)[0 … p)
  const beta = new Float64Array(p)
  for (let k = p - 1; k >= 0; k--) {
    let sum = qty[k]!
    for (let j = k + 1; j < p; j++) sum -= r[k]![j]! * beta[j]!
    beta[k] = sum / r[k]![k]!
  }
  const rInverse = invertUpperTriangular(r)

  const degreesOfFreedom = n - p
  const fitted = new Float64Array(n)
  let sse = 0
  let meanY = 0
  for (let i = 0; i < n; i++) meanY += y[i]!
  meanY /= n
  let sst = 0
  for (let i = 0; i < n; i++) {
    let f = beta[0]!
    for (let j = 1; j < p; j++) f += beta[j]! * predictors[j - 1]!.values[i]!
    fitted[i] = f
    sse += (y[i]! - f) ** 2
    sst += (y[i]! - meanY) ** 2
  }
  const s2 = sse / degreesOfFreedom
  const s = Math.sqrt(s2)
  const tQuantile = studentTQuantile((1 + confidence) / 2, degreesOfFreedom)

  const coefficients = names.map((name, j) => {
    // Var(β_j) = s² · [(X'X)⁻¹]_jj = s² · Σ_k (R⁻¹)_jk²
    let diagonal = 0
    for (let k = j; k < p; k++) diagonal += rInverse[j]![k]! ** 2
    const standardError = Math.sqrt(s2 * diagonal)
    const tValue = beta[j]! / standardError
    return {
      name,
      estimate: beta[j]!,
      standardError,
      tValue,
      pValue: studentTTwoSidedP(tValue, degreesOfFreedom),
    }
  })

  const observations: OlsObservation[] = []
  const row = new Float64Array(p)
  for (let i = 0; i < n; i++) {
    row[0] = 1
    for (let j = 1; j < p; j++) row[j] = predictors[j - 1]!.values[i]!
    // leverage = ‖x_i R⁻¹‖²
    let leverage = 0
    for (let k = 0; k < p; k++) {
      let z = 0
      for (let j = 0; j <= k; j++) z += row[j]! * rInverse[j]![k]!
      leverage += z * z
    }
    const halfWidth = tQuantile * s * Math.sqrt(1 + leverage)
    observations.push({
      id: options.ids?.[i] ?? String(i + 1),
      actual: y[i]!,
      fitted: fitted[i]!,
      residual: y[i]! - fitted[i]!,
      leverage,
      lower: fitted[i]! - halfWidth,
      upper: fitted[i]! + halfWidth,
    })
  }

  const rSquared = sst > 0 ? 1 - sse / sst : NaN
  return {
    n,
    parameters: p,
    degreesOfFreedom,
    confidence,
    tQuantile,
    coefficients,
    rSquared,
    adjustedRSquared: 1 - ((1 - rSquared) * (n - 1)) / degreesOfFreedom,
    residualStandardError: s,
    observations,
  }
}

function validateInput(options: {
  y: readonly number[]
  predictors: readonly OlsPredictor[]
  ids: readonly string[] | undefined
  confidence: number
}): void {
  const { y, predictors, ids, confidence } = options
  if (!(confidence > 0 && confidence < 1)) {
    throw new AppError('invalid_input', message('kpi.confidenceRange', { confidence: String(confidence) }))
  }
  if (ids && ids.length !== y.length) {
    throw new AppError('invalid_input', message('kpi.idsForObservations', { ids: ids.length, n: y.length }))
  }
  const bad = y.findIndex((v) => !Number.isFinite(v))
  if (bad >= 0) {
    throw new AppError('invalid_input', message('kpi.targetMissing', { id: ids?.[bad] ?? bad + 1 }))
  }
  for (const x of predictors) {
    if (x.values.length !== y.length) {
      throw new AppError(
        'invalid_input',
        message('kpi.predictorLength', { name: x.name, values: x.values.length, n: y.length }),
      )
    }
    const i = x.values.findIndex((v) => !Number.isFinite(v))
    if (i >= 0) {
      throw new AppError(
        'invalid_input',
        message('kpi.predictorMissing', { name: x.name, id: ids?.[i] ?? i + 1 }),
      )
    }
  }
}

function invertUpperTriangular(r: Float64Array[]): Float64Array[] {
  const p = r.length
  const inverse = Array.from({ length: p }, () => new Float64Array(p))
  for (let j = 0; j < p; j++) {
    inverse[j]![j] = 1 / r[j]![j]!
    for (let i = j - 1; i >= 0; i--) {
      let sum = 0
      for (let k = i + 1; k <= j; k++) sum += r[i]![k]! * inverse[k]![j]!
      inverse[i]![j] = -sum / r[i]![i]!
    }
  }
  return inverse
}

export type ResidualClass =
  | 'better_than_expected'
  | 'worse_than_expected'
  | 'as_expected'
  /** For context figures, which have no better or worse. */
  | 'above_expected'
  | 'below_expected'

/**
 * Better or worse than expected only when the actual value lies outside the prediction interval
 * of the expected value (equivalently: the interval for the residual excludes zero).
 */
export function classifyResidual(options: {
  actual: number
  lower: number
  upper: number
  polarity: Polarity
}): ResidualClass {
  const { actual, lower, upper, polarity } = options
  if (actual >= lower && actual <= upper) return 'as_expected'
  const isAbove = actual > upper
  const judgement = judgeDifference(polarity, isAbove ? 1 : -1)
  if (judgement === 'neutral') return isAbove ? 'above_expected' : 'below_expected'
  return judgement === 'better' ? 'better_than_expected' : 'worse_than_expected'
}
