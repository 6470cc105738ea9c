import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { explainExpectation } from './explain-expectation'
import { classifyResidual, fitOls } from './ols'
import { studentTQuantile } from './student-t'

describe('fitOls', () => {
  // x = 1…5, y = 2, 4, 5, 4, 5. By hand: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = (−2)(−2) + 0 + 0 + 0 + 2·1 = 6
  // b = 6 / 10 = 0.6, a = 4 − 0.6 · 3 = 2.2; fitted 2.8 3.4 4.0 4.6 5.2; residuals −0.8 0.6 1 −0.6 −0.2
  // SSE = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4; SST = 4 + 0 + 1 + 0 + 1 = 6; R² = 0.6
  // s² = 2.4 / 3 = 0.8; SE(b) = √(0.8 / 10) = √0.08; SE(a) = √(0.8 · (1/5 + 9/10)) = √0.88
  const result = fitOls({
    y: [2, 4, 5, 4, 5],
    predictors: [{ name: 'x', values: [1, 2, 3, 4, 5] }],
    ids: ['a', 'b', 'c', 'd', 'e'],
  })

  it('estimates coefficients, standard errors, t and p values', () => {
    const [a, b] = result.coefficients
    expect(a!.name).toBe('(intercept)')
    expect(a!.estimate).toBeCloseTo(2.2, 13)
    expect(b!.estimate).toBeCloseTo(0.6, 13)
    expect(a!.standardError).toBeCloseTo(Math.sqrt(0.88), 13)
    expect(b!.standardError).toBeCloseTo(Math.sqrt(0.08), 13)
    expect(b!.tValue).toBeCloseTo(0.6 / Math.sqrt(0.08), 12) // 2.1213203435596424
    // p = I_{3/(3+t²)}(3/2, 1/2), mpmath: 0.12402706265755463
    expect(b!.pValue).toBeCloseTo(0.12402706265755463, 13)
    expect(a!.pValue).toBeCloseTo(0.10074345608542004, 13)
  })

  it('reports fit, residuals and prediction intervals', () => {
    expect(result.degreesOfFreedom).toBe(3)
    expect(result.rSquared).toBeCloseTo(0.6, 13)
    expect(result.adjustedRSquared).toBeCloseTo(1 - (0.4 * 4) / 3, 13) // 0.4666…
    expect(result.residualStandardError).toBeCloseTo(Math.sqrt(0.8), 13)
    const first = result.observations[0]!
    expect(first.id).toBe('a')
    expect(first.fitted).toBeCloseTo(2.8, 13)
    expect(first.residual).toBeCloseTo(-0.8, 13)
    // leverage 1/n + (x − x̄)² / Sxx = 0.2 + 4/10 = 0.6
    expect(first.leverage).toBeCloseTo(0.6, 13)
    // half width t(0.975, 3) · s · √(1 + h) = 3.18244630528371 · √0.8 · √1.6 (mpmath; R prints …284263)
    const halfWidth = 3.18244630528371 * Math.sqrt(0.8) * Math.sqrt(1.6)
    expect(result.tQuantile).toBeCloseTo(3.18244630528371, 13)
    expect(first.lower).toBeCloseTo(2.8 - halfWidth, 12)
    expect(first.upper).toBeCloseTo(2.8 + halfWidth, 12)
  })

  it('uses the configured confidence level', () => {
    const r90 = fitOls({
      y: [2, 4, 5, 4, 5],
      predictors: [{ name: 'x', values: [1, 2, 3, 4, 5] }],
      confidence: 0.9,
    })
    expect(r90.tQuantile).toBeCloseTo(studentTQuantile(0.95, 3), 14)
  })

  it('fits an exact plane with two predictors', () => {
    // y = 1 + 2·x1 − 3·x2 exactly; one extra point keeps the degrees of freedom positive
    const x1 = [0, 1, 0, 1, 2, 3]
    const x2 = [0, 0, 1, 1, 5, 2]
    const y = x1.map((v, i) => 1 + 2 * v - 3 * x2[i]!)
    const r = fitOls({
      y,
      predictors: [
        { name: 'x1', values: x1 },
        { name: 'x2', values: x2 },
      ],
    })
    expect(r.coefficients.map((c) => c.estimate).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, -3])
    expect(r.rSquared).toBeCloseTo(1, 12)
  })

  it('rejects collinear predictors with a clear error', () => {
    const run = () =>
      fitOls({
        y: [1, 2, 3, 5, 4],
        predictors: [
          { name: 'sgb2_rate', values: [1, 2, 3, 4, 5] },
          { name: 'twice', values: [2, 4, 6, 8, 10] },
        ],
      })
    expect(run).toThrowError(AppError)
    expect(run).toThrowError(
      /rank deficient: twice is constant or a linear combination of \(intercept\), sgb2_rate/,
    )
    expect(() =>
      fitOls({ y: [1, 2, 3, 5], predictors: [{ name: 'flat', values: [7, 7, 7, 7] }] }),
    ).toThrowError(/flat is constant/)
  })

  it('rejects too few observations and missing values', () => {
    expect(() => fitOls({ y: [1, 2], predictors: [{ name: 'x', values: [1, 2] }] })).toThrowError(
      /needs more than 2/,
    )
    expect(() => fitOls({ y: [1, NaN, 3], predictors: [] })).toThrowError(/observation 2 is missing/)
  })
})

describe('classifyResidual', () => {
  const interval = { lower: 18, upper: 24 }
  it.each([
    [25, 'higher_is_better', 'better_than_expected'],
    [17, 'higher_is_better', 'worse_than_expected'],
    [25, 'lower_is_better', 'worse_than_expected'],
    [17, 'lower_is_better', 'better_than_expected'],
    [24, 'higher_is_better', 'as_expected'],
    [20, 'lower_is_better', 'as_expected'],
    [25, 'context', 'above_expected'],
    [17, 'context', 'below_expected'],
  ] as const)('actual %f with %s → %s', (actual, polarity, expected) => {
    expect(classifyResidual({ actual, ...interval, polarity })).toBe(expected)
  })
})

describe('explainExpectation', () => {
  const base = {
    figureName: 'Integrationsquote',
    actual: 24.9,
    expected: 21.3,
    lower: 18.04,
    upper: 24.56,
    confidence: 0.95,
  }
  it('explains in German', () => {
    expect(
      explainExpectation({
        ...base,
        locale: 'de',
        classification: 'better_than_expected',
        contextNames: ['SGB II-Quote', 'BIP je Erwerbstätigen'],
      }),
    ).toBe(
      'Integrationsquote: Erwartet wären angesichts von SGB II-Quote und BIP je Erwerbstätigen 21,3\u00a0% (95-%-Prognoseintervall 18,0\u00a0% bis 24,6\u00a0%), erreicht wurden 24,9\u00a0%. Das liegt über dem Intervall: besser als unter diesen Rahmenbedingungen zu erwarten.',
    )
  })

  it('explains in English, with the position independent of the judgement', () => {
    expect(
      explainExpectation({
        ...base,
        figureName: 'Change in benefits for living costs',
        actual: 1.2,
        expected: 3.5,
        lower: 2.1,
        upper: 4.9,
        locale: 'en',
        classification: 'better_than_expected',
      }),
    ).toBe(
      'Change in benefits for living costs: 3.5\u00a0% would be expected (95% prediction interval 2.1\u00a0% to 4.9\u00a0%); the actual value is 1.2\u00a0%. That is below the interval: better than expected under these conditions.',
    )
  })

  it('writes negative values with the true minus sign, through the one formatting module', () => {
    const text = explainExpectation({
      ...base,
      locale: 'en',
      classification: 'as_expected',
      actual: 0.3,
      expected: -1.1,
      lower: -3.2,
      upper: 1,
    })
    expect(text).toContain(
      '−1.1\u00a0% would be expected (95% prediction interval −3.2\u00a0% to 1.0\u00a0%)',
    )
    expect(text).not.toMatch(/-\d/)
  })

  it('does not judge context figures', () => {
    expect(
      explainExpectation({ ...base, locale: 'de', classification: 'above_expected', actual: 30 }),
    ).toMatch(/über dem Intervall\. Die Kennzahl beschreibt die Lage und ist keine Leistungsbewertung\.$/)
  })
})
