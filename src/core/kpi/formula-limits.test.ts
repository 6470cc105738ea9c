import { describe, expect, it } from 'vitest'
import { RAW_INDICATORS } from '../../features/indicators/catalogue'
import { AppError } from '../errors/app-error'
import { evaluateFigure } from './evaluate'
import { checkNewFigureDefinition, type FigureDefinition } from './figure-definition'
import { FORMULA_LIMITS, MAX_PARSE_NESTING } from './formula-limits'
import { parseFormula } from './formula-parser'
import { OFFICIAL_FIGURES } from './official-figures'

const INDICATORS = RAW_INDICATORS.map((i) => i.code)
const K2 = OFFICIAL_FIGURES.find((f) => f.code === 'K2')!

function own(code: string, numerator: string, denominator = '1', version = 1): FigureDefinition {
  return { ...K2, code, version, numerator, denominator, validFrom: '2011-01-01' }
}

function define(definition: FigureDefinition, existing: readonly FigureDefinition[] = OFFICIAL_FIGURES) {
  return checkNewFigureDefinition({ definition, existing, vocabulary: { indicatorCodes: INDICATORS } })
}

function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the definition to be refused')
}

describe('limits checked when a figure is defined', () => {
  it('accept the official figures as own ones (all far below every limit)', () => {
    for (const f of OFFICIAL_FIGURES) expect(() => define({ ...f, code: `OWN_${f.code}` })).not.toThrow()
  })

  it.each([
    [
      '1e309',
      'position 1: expected a number between -1.8e308 and 1.8e308, found a number too large to compute with',
    ],
    [
      'elb * 1e-400',
      'position 7: expected a number of at least 1e-307, found a number so small it would be 0',
    ],
    ['lag(elb, 37)', 'position 1: expected at most 36 months in lag, found lag(…, 37)'],
    ['sum(elb, 600)', 'position 1: expected at most 36 months in sum, found sum(…, 600)'],
    [
      'sum(mean(lag(elb, 1), 2), 3)',
      'position 10: expected at most 2 window functions (lag, change, sum, mean) inside each other, found lag at level 3',
    ],
    [`${'-'.repeat(30)}elb`, 'position 25: expected at most 24 levels of nesting, found level 25 here'],
    [
      Array.from({ length: 51 }, () => 'elb').join(' + '),
      'position 1: expected at most 100 numbers, codes, operators and functions, found 101',
    ],
  ])('refuse %s with field, position and the limit', (formula, message) => {
    const error = refusal(() => define(own('X', formula)))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('X v1 numerator: ')
    expect(error.details[0]).toMatchObject({ field: 'formula', message })
  })

  it('check the length before reading the formula', () => {
    const error = refusal(() => define(own('X', 'elb', `${'('.repeat(5000)}elb`)))
    expect(error.details[0]!.message).toBe(
      `position ${FORMULA_LIMITS.maxLength + 1}: expected a formula of at most 1,000 characters, found 5,003 characters`,
    )
    expect(error.message).toContain('X v1 denominator: ')
  })

  it('count windows and nodes of referenced figures, and of the figures that reference a new version', () => {
    const a = own('A', 'lag(elb, 12)')
    // Two windows around A are allowed in the formula, but A brings a third.
    expect(() => define(own('B', 'sum(A, 12) + lag(A, 1)'), [...OFFICIAL_FIGURES, a])).not.toThrow()
    const nested = refusal(() => define(own('B', 'sum(lag(A, 1), 12)'), [...OFFICIAL_FIGURES, a]))
    expect(nested.message).toBe('B v1 numerator: Invalid formula "sum(lag(A, 1), 12)": 1 problem')
    expect(nested.details[0]!.message).toBe(
      'position 1: expected at most 2 window functions inside each other, counting those of referenced figures, found 3',
    )
    // Doubling through references: each level references the one below twice.
    const chain: FigureDefinition[] = [own('D0', 'elb + elb + elb + elb')]
    for (let i = 1; i <= 8; i++) chain.push(own(`D${i}`, `D${i - 1} + D${i - 1}`))
    const error = refusal(() => define(own('D9', 'D8 + D8'), [...OFFICIAL_FIGURES, ...chain]))
    expect(error.details[0]!.message).toBe(
      'position 1: expected at most 400 nodes with the referenced figures written out, found 4,095',
    )
    // A new version of a referenced figure that would push its referrer over a limit is refused
    // with the referrer named.
    const c = own('C', 'sum(B2, 12)')
    const b2 = own('B2', 'elb')
    const grown = refusal(() =>
      define({ ...own('B2', 'sum(lag(elb, 1), 12)', '1', 2), validFrom: '2020-01-01' }, [
        ...OFFICIAL_FIGURES,
        b2,
        c,
      ]),
    )
    expect(grown.message).toContain('C v1 numerator: ')
  })

  it('let the parser refuse nesting deeper than the stack may go, with the position', () => {
    const deep = `${'('.repeat(MAX_PARSE_NESTING + 1)}elb${')'.repeat(MAX_PARSE_NESTING + 1)}`
    expect(refusal(() => parseFormula(deep)).details[0]!.message).toBe(
      `position ${MAX_PARSE_NESTING + 1}: expected at most ${MAX_PARSE_NESTING} levels of brackets, signs and functions, found '('`,
    )
  })
})

describe('values that cannot be represented', () => {
  const series = new Map([
    [
      'total',
      new Map([
        ['elb', { values: Float64Array.from({ length: 24 }, (_, i) => (i === 20 ? 1e308 : 100)) }],
        ['lzb', { values: Float64Array.from({ length: 24 }, () => 1e-300) }],
      ]),
    ],
  ])
  const evaluate = (numerator: string, denominator = '1') =>
    evaluateFigure({
      code: 'X',
      definitions: [...OFFICIAL_FIGURES, own('X', numerator, denominator)],
      indicatorCodes: INDICATORS,
      series,
      breakdown: 'total',
      startMonth: '2020-01',
    })

  it('are missing with the reason overflow, never a number or a silent gap', () => {
    // A literal stored before the limits (1e309 is Infinity) gives overflow in every month.
    const literal = evaluate('1e309')
    expect(literal.missing[0]).toEqual({ reason: 'overflow', month: '2020-01' })
    const product = evaluate('elb * 10')
    expect(product.missing[20]).toEqual({ reason: 'overflow', month: '2021-09' })
    expect(product.value[19]).toBe(100_000)
    // numerator 100 / denominator 1e-300 = 1e302, · 100 for percent overflows only in the display.
    const quotient = evaluate('elb', 'lzb / 1e10')
    expect(quotient.missing[0]).toEqual({ reason: 'overflow', month: '2020-01' })
  })

  it('do not spoil the rolling sum after they left the window', () => {
    const sum = evaluate('sum(elb * 10, 2)')
    expect(sum.missing[21]).toMatchObject({ reason: 'incomplete_window', cause: 'overflow' })
    expect(sum.value[23]).toBe(200_000)
    const big = evaluate('sum(elb, 3)')
    // 1e308 + 100 + 100 is finite, but not once shown in percent; the next window is whole again.
    expect(big.missing[22]).toEqual({ reason: 'overflow', month: '2021-11' })
    expect(big.value[23]).toBeCloseTo(30_000, 6)
  })
})
