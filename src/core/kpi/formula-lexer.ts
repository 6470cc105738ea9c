import { AppError } from '../errors/app-error'
import { message } from '../messages/text'

export type TokenKind = 'number' | 'identifier' | 'operator' | '(' | ')' | '[' | ']' | ',' | 'end'

export interface Token {
  kind: TokenKind
  text: string
  /** 1-based character position of the token's first character. */
  position: number
}

// The domain documents write formulas with typographic signs; accepting them saves users a
// confusing error when they paste from there.
const OPERATOR_ALIASES: Record<string, string> = { '−': '-', '×': '*', '·': '*', '÷': '/' }
const PUNCTUATION = new Set(['(', ')', '[', ']', ','])

/**
 * Throws the language's one error shape: position, what was expected, what was found. The head is a
 * catalogue message; the detail is still English, as the parser words what it expected.
 */
export function throwFormulaError(options: {
  formula: string
  position: number
  expected: string
  found: string
}): never {
  const { formula, position, expected, found } = options
  const problem = `position ${position}: expected ${expected}, found ${found}`
  throw new AppError('invalid_input', message('formula.invalid', { formula, n: 1 }), [
    { field: 'formula', value: formula, message: problem },
  ])
}

export function describeToken(token: Token): string {
  return token.kind === 'end' ? 'end of formula' : `'${token.text}'`
}

/** Splits a formula into tokens; the last token is always `end`. */
export function tokenizeFormula(formula: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < formula.length) {
    const ch = formula[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const start = i
    if (/[0-9.]/.test(ch)) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i))
      if (!match) throwFormulaError({ formula, position: i + 1, expected: 'a number', found: `'${ch}'` })
      i += match[0].length
      if (i < formula.length && /[A-Za-z_]/.test(formula[i]!)) {
        throwFormulaError({
          formula,
          position: i + 1,
          expected: 'an operator after the number',
          found: `'${formula[i]}'`,
        })
      }
      tokens.push({ kind: 'number', text: match[0], position: start + 1 })
      continue
    }
    if (/[A-Za-z]/.test(ch)) {
      while (i < formula.length && /[A-Za-z0-9_]/.test(formula[i]!)) i++
      tokens.push({ kind: 'identifier', text: formula.slice(start, i), position: start + 1 })
      continue
    }
    if ('+-*/'.includes(ch) || OPERATOR_ALIASES[ch]) {
      tokens.push({ kind: 'operator', text: OPERATOR_ALIASES[ch] ?? ch, position: start + 1 })
      i++
      continue
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as TokenKind, text: ch, position: start + 1 })
      i++
      continue
    }
    throwFormulaError({
      formula,
      position: i + 1,
      expected: 'a number, an indicator code, an operator or a bracket',
      found: `'${ch}'`,
    })
  }
  tokens.push({ kind: 'end', text: '', position: formula.length + 1 })
  return tokens
}
