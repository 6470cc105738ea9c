/**
 * The TypeScript half of the regression check: reads datasets as JSON, fits each with fitOls and
 * writes the results as JSON. Driven by scripts/verify-regression.py, which compares with numpy:
 *   node bin/run-ts.mjs scripts/verify-regression.ts <input.json> <output.json>
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { isAppError } from '../src/core/errors/app-error'
import { fitOls, type OlsPredictor } from '../src/core/kpi/ols'

interface Dataset {
  name: string
  y: number[]
  predictors: OlsPredictor[]
  confidence?: number
}

const [input, output] = process.argv.slice(2)
if (!input || !output) {
  console.error('usage: node bin/run-ts.mjs scripts/verify-regression.ts <input.json> <output.json>')
  process.exit(2)
}

const datasets = (JSON.parse(readFileSync(input, 'utf8')) as { datasets: Dataset[] }).datasets
const results = datasets.map((d) => {
  try {
    const r = fitOls({ y: d.y, predictors: d.predictors, confidence: d.confidence })
    return {
      name: d.name,
      coefficients: r.coefficients.map((c) => c.estimate),
      standardErrors: r.coefficients.map((c) => c.standardError),
      tValues: r.coefficients.map((c) => c.tValue),
      pValues: r.coefficients.map((c) => c.pValue),
      fitted: r.observations.map((o) => o.fitted),
      leverage: r.observations.map((o) => o.leverage),
      lower: r.observations.map((o) => o.lower),
      upper: r.observations.map((o) => o.upper),
      rSquared: r.rSquared,
      adjustedRSquared: r.adjustedRSquared,
      residualStandardError: r.residualStandardError,
      tQuantile: r.tQuantile,
    }
  } catch (error) {
    if (isAppError(error)) return { name: d.name, error: { code: error.code, message: error.message } }
    throw error
  }
})
writeFileSync(output, JSON.stringify({ results }))
