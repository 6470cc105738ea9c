/**
 * Fuzz test of the formula language (issue 10): 5,000 generated formulas with a fixed seed go
 * through lexer, parser, limits and validation as a new own figure is defined. Every refusal must
 * be an AppError invalid_input naming the formula field; every accepted formula must evaluate on
 * random series (gaps, zeros, negative, huge and tiny values) without throwing, giving in every
 * month either a finite value or a known missing reason; each within a time bound.
 */
import { describe, expect, it } from 'vitest'
import { RAW_INDICATORS } from '../../features/indicators/catalogue'
import { generateFormulas } from '../../test/generate-formulas'
import { AppError } from '../errors/app-error'
import { createRandom, drawInteger } from '../random'
import {
  evaluateFigure,
  MISSING_REASONS,
  type DataMissingReason,
  type MonthlySeries,
  type OrganisationSeries,
} from './evaluate'
import { checkNewFigureDefinition, type FigureDefinition } from './figure-definition'
import { OFFICIAL_FIGURES } from './official-figures'

const SEED = 20_261_202
const COUNT = 5000
const MONTHS = 48
/** Per formula: definition and evaluation of two breakdowns over 48 months (typically < 1 ms). */
const BOUND_MS = 250

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

const SERIES = Array.from({ length: 16 }, (_, k) => randomSeries(SEED + k))

describe('formula fuzz', () => {
  it(`${COUNT} generated formulas: refused with invalid_input or evaluated without throwing`, () => {
    const formulas = generateFormulas({
      seed: SEED,
      count: COUNT,
      vocabulary: { indicators: INDICATORS, figures: ['K2', 'K1E4', 'OWN_A', 'OWN_B', 'X'] },
    })
    const random = createRandom(SEED + 1)
    const failures: string[] = []
    let accepted = 0
    let refused = 0
    let slowest = 0
    for (const [i, numerator] of formulas.entries()) {
      const denominator = random() < 0.5 ? '1' : formulas[(i + 1) % COUNT]!
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
      const series = SERIES[i % SERIES.length]!
      for (const breakdown of ['total', 'women']) {
        try {
          const result = evaluateFigure({
            code: 'X',
            definitions: [...EXISTING, definition],
            indicatorCodes: INDICATORS,
            series,
            breakdown,
            startMonth: '2020-01',
            months: MONTHS,
          })
          for (let m = 0; m < MONTHS; m++) {
            const missing = result.missing[m]
            const isGood = missing
              ? MISSING_REASONS.includes(missing.reason)
              : Number.isFinite(result.value[m])
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
    expect(failures.slice(0, 10)).toEqual([])
    expect(slowest).toBeLessThan(BOUND_MS)
    // Both sides of the language are exercised, not only refusals.
    expect(accepted).toBeGreaterThan(COUNT * 0.15)
    expect(refused).toBeGreaterThan(COUNT * 0.3)
  }, 60_000)
})
