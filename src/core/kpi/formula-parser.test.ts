import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { formatFormula } from './formula-ast'
import { parseFormula } from './formula-parser'
import { computeRequiredHistory, validateFormula } from './formula-validate'

function errorOf(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

const parsed = (formula: string) => formatFormula(parseFormula(formula))

describe('parseFormula', () => {
  it('respects precedence and associativity', () => {
    expect(parsed('1 + 2 * 3')).toBe('(1 + (2 * 3))')
    expect(parsed('a - b - c')).toBe('((a - b) - c)')
    expect(parsed('a / b / c')).toBe('((a / b) / c)')
    expect(parsed('(1 + 2) * 3')).toBe('((1 + 2) * 3)')
    expect(parsed('-a * -b')).toBe('(-a * -b)')
    expect(parsed('a - -b')).toBe('(a - -b)')
    expect(parsed('2.5e1 + .5')).toBe('(25 + 0.5)')
  })

  it('reads window functions and typographic operators', () => {
    expect(parsed('sum(integrations, 12) / mean(elb, 12)')).toBe('(sum(integrations, 12) / mean(elb, 12))')
    expect(parsed('change(llu,12) − 1')).toBe('(change(llu, 12) - 1)')
    expect(parsed('mean(elb_outflows / lag(elb, 1), 12)')).toBe('mean((elb_outflows / lag(elb, 1)), 12)')
  })

  it('selects breakdowns on identifiers and on whole sub-expressions', () => {
    expect(parsed('integrations[women] / integrations')).toBe('(integrations[women] / integrations)')
    expect(parsed('sum(integrations, 12)[women]')).toBe('sum(integrations, 12)[women]')
    expect(parsed('(a + b)[men]')).toBe('(a + b)[men]')
  })

  it.each([
    ['sum(x, 12', "position 10: expected ')' after the arguments of sum, found end of formula"],
    ['sum(x)', "position 6: expected ',' and a number of months after the first argument of sum, found ')'"],
    [
      'sum(x, y)',
      "position 8: expected a whole number of months from 1 to 600 as the second argument of sum, found 'y'",
    ],
    [
      'lag(x, 0)',
      "position 8: expected a whole number of months from 1 to 600 as the second argument of lag, found '0'",
    ],
    [
      'lag(x, 1.5)',
      "position 8: expected a whole number of months from 1 to 600 as the second argument of lag, found '1.5'",
    ],
    ['foo(x, 1)', "position 1: expected one of the functions lag, sum, mean, change, found 'foo'"],
    ['a +', "position 4: expected a number, an indicator code, '-' or '(', found end of formula"],
    ['', "position 1: expected a number, an indicator code, '-' or '(', found end of formula"],
    ['a $ b', "position 3: expected a number, an indicator code, an operator or a bracket, found '$'"],
    ['(a + b', "position 7: expected ')' to close the '(' at position 1, found end of formula"],
    ['a b', "position 3: expected an operator or end of formula, found 'b'"],
    ['a)', "position 2: expected an operator or end of formula (unmatched ')'), found ')'"],
    ['2x', "position 2: expected an operator after the number, found 'x'"],
    ['x[]', "position 3: expected a breakdown name such as women after '[', found ']'"],
    ['x[women', "position 8: expected ']' after the breakdown women, found end of formula"],
  ])('rejects %j with position and expectation', (formula, message) => {
    const error = errorOf(() => parseFormula(formula))
    expect(error.code).toBe('invalid_input')
    expect(error.details[0]?.message).toBe(message)
  })
})

describe('validateFormula', () => {
  const vocabulary = { indicatorCodes: ['elb', 'integrations', 'llu'], figureCodes: ['K2'] }

  it('returns what a formula references', () => {
    const formula = 'sum(integrations[women], 12) / mean(elb, 12) + K2'
    expect(validateFormula({ formula, node: parseFormula(formula), vocabulary })).toEqual({
      indicators: ['integrations', 'elb'],
      figures: ['K2'],
      breakdowns: ['women'],
    })
  })

  it('rejects unknown codes and breakdowns with a suggestion', () => {
    const formula = 'sum(integration, 12) / elbb + k2 + elb[woman] + zzz'
    const error = errorOf(() => validateFormula({ formula, node: parseFormula(formula), vocabulary }))
    expect(error.details.map((d) => d.message)).toEqual([
      "position 5: expected a known indicator or figure code, found 'integration' (did you mean integrations?)",
      "position 24: expected a known indicator or figure code, found 'elbb' (did you mean elb?)",
      "position 31: expected a known indicator or figure code, found 'k2' (did you mean K2?)",
      "position 40: expected a breakdown (total, women, men), found 'woman' (did you mean women?)",
      "position 49: expected a known indicator or figure code, found 'zzz'",
    ])
  })
})

describe('computeRequiredHistory', () => {
  const history = (formula: string) => computeRequiredHistory(parseFormula(formula))
  it.each([
    ['elb', 1],
    ['1', 0],
    ['sum(integrations, 12)', 12], // months m−11 … m
    ['lag(llu, 12)', 13], // months m−12 and m
    ['change(llu, 12)', 13],
    ['mean(elb_outflows / lag(elb, 1), 12)', 13], // window m−11 … m, each reaching back one more
    ['sum(lag(x, 12), 12)', 24], // 13 + 11
    ['sum(1, 3)', 3],
    ['a + lag(b, 2)', 3],
  ])('%s needs %i months', (formula, months) => {
    expect(history(formula)).toBe(months)
  })
})
