/**
 * The fuzz run of the formula language (issue 10), shared by its test (src/core/kpi/formula-fuzz.test.ts)
 * and the bench (`npm run bench -- kpi-core`): generated formulas with a fixed seed go through lexer,
 * parser, limits and validation as a new own figure is defined; accepted ones are evaluated on random
 * series (gaps, zeros, negative, huge and tiny values) for two breakdowns over 48 months.
 */
import { AppError } from '../core/errors/app-error'
import {
  evaluateFigure,
  MISSING_REASONS,
  type DataMissingReason,
  type MonthlySeries,
  type OrganisationSeries,
} from '../core/kpi/evaluate'
import { checkNewFigureDefinition, type FigureDefinition } from '../core/kpi/figure-definition'
import { OFFICIAL_FIGURES } from '../core/kpi/official-figures'
import { createRandom, drawInteger } from '../core/random'
import { RAW_INDICATORS } from '../features/indicators/catalogue'
import { generateFormulas } from './generate-formulas'

export interface FormulaFuzzResult {
  /** What went wrong: a refusal that is not invalid_input on the formula, a throw, a value without reason. */
  failures: string[]
  accepted: number
  refused: number
  /** The longest definition check plus evaluation of one formula, in milliseconds. */
  slowestMs: number
}

/** The run of the test and the bench: 5,000 formulas from a fixed seed. */
export const FORMULA_FUZZ_RUN = { seed: 20_261_202, count: 5000 }
/** The bound on one formula's check and evaluation (typically < 1 ms), a target of the bench. */
export const FORMULA_BOUND_MS = 250

const MONTHS = 48

const INDICATORS = RAW_INDICATORS.map((i) => i.code)
const K2 = OFFICIAL_FIGURES.find((f) => f.code === 'K2')!
const own = (code: string, numerator: string, denominator: string): FigureDefinition => ({
  ...K2,
  code,
  numerator,
  denominator,
  hasSexBreakdown: true,
  validFrom: '2011-01-01',
})
const EXISTING = [
  ...OFFICIAL_FIGURES,
  own('OWN_A', 'sum(integrations, 12)', 'mean(elb, 12)'),
  own('OWN_B', 'OWN_A * 2 + lag(elb, 1)', '1'),
]

function randomSeries(seed: number): OrganisationSeries {
  const random = createRandom(seed)
  const one = (): MonthlySeries => {
    const values = new Float64Array(MONTHS)
    const reasons: (DataMissingReason | null)[] = []
    const scale = 10 ** drawInteger(random, 6)
    for (let i = 0; i < MONTHS; i++) {
      const r = random()
      values[i] =
        r < 0.08 ? NaN : r < 0.16 ? 0 : r < 0.18 ? -5 : r < 0.19 ? 1e300 : r < 0.2 ? 1e-300 : scale * random()
      reasons[i] = r < 0.04 ? 'suppressed' : r < 0.06 ? 'not_applicable' : null
    }
    return { values, reasons }
  }
  return new Map(['total', 'women', 'men'].map((b) => [b, new Map(INDICATORS.map((code) => [code, one()]))]))
}

/** Defines and evaluates `count` formulas generated from `seed`. */
export function runFormulaFuzz({ seed, count }: { seed: number; count: number }): FormulaFuzzResult {
  const series = Array.from({ length: 16 }, (_, k) => randomSeries(seed + k))
  const formulas = generateFormulas({
    seed,
    count,
    vocabulary: { indicators: INDICATORS, figures: ['K2', 'K1E4', 'OWN_A', 'OWN_B', 'X'] },
  })
  const random = createRandom(seed + 1)
  const failures: string[] = []
  let accepted = 0
  let refused = 0
  let slowest = 0
  for (const [i, numerator] of formulas.entries()) {
    const denominator = random() < 0.5 ? '1' : formulas[(i + 1) % count]!
    const definition = own('X', numerator, denominator)
    const started = performance.now()
    try {
      checkNewFigureDefinition({
        definition,
        existing: EXISTING,
        vocabulary: { indicatorCodes: INDICATORS },
      })
    } catch (error) {
      refused++
      const isExpected =
        error instanceof AppError &&
        error.code === 'invalid_input' &&
        error.details.length > 0 &&
        error.details.every((d) => d.field === 'formula' && d.message.length > 0) &&
        // The figure and side, or the cycle through it.
        /^X v1 (numerator|denominator): |cycle: X/.test(error.message)
      if (!isExpected) failures.push(`#${i} ${JSON.stringify(numerator.slice(0, 200))}: ${String(error)}`)
      continue
    }
    accepted++
    const evaluated = series[i % series.length]!
    for (const breakdown of ['total', 'women']) {
      try {
        const result = evaluateFigure({
          code: 'X',
          definitions: [...EXISTING, definition],
          indicatorCodes: INDICATORS,
          series: evaluated,
          breakdown,
          startMonth: '2020-01',
          months: MONTHS,
        })
        for (let m = 0; m < MONTHS; m++) {
          const missing = result.missing[m]
          const isGood = missing ? MISSING_REASONS.includes(missing.reason) : Number.isFinite(result.value[m])
          if (!isGood) {
            failures.push(
              `#${i} ${numerator} / ${denominator} month ${m}: ${result.value[m]} without a reason`,
            )
            break
          }
        }
      } catch (error) {
        failures.push(`#${i} ${numerator} / ${denominator} (${breakdown}) threw ${String(error)}`)
      }
    }
    slowest = Math.max(slowest, performance.now() - started)
  }
  return { failures, accepted, refused, slowestMs: slowest }
}
