import type { BinaryOperator, FormulaNode, WindowFunction } from './formula-ast'
import { WINDOW_FUNCTIONS } from './formula-ast'
import { describeToken, throwFormulaError, tokenizeFormula, type Token } from './formula-lexer'
import { MAX_PARSE_NESTING } from './formula-limits'

/** Longest window or lag a formula may use: 50 years of months is far beyond any real figure. */
export const MAX_FORMULA_MONTHS = 600

/**
 * Parses a formula by recursive descent. Grammar (lowest precedence first):
 *
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | postfix
 *   postfix    := primary ('[' breakdown ']')*
 *   primary    := number | code | function '(' expression ',' integer ')' | '(' expression ')'
 *
 * Throws AppError('invalid_input') with the 1-based position and what was expected.
 */
export function parseFormula(formula: string): FormulaNode {
  const parser = new Parser(formula, tokenizeFormula(formula))
  return parser.parseWhole()
}

class Parser {
  private index = 0
  /** Open brackets, signs and function calls around the current token (bounded: no stack overflow). */
  private nesting = 0

  constructor(
    private readonly formula: string,
    private readonly tokens: Token[],
  ) {}

  parseWhole(): FormulaNode {
    const node = this.parseExpression()
    const token = this.peek()
    if (token.kind !== 'end') {
      this.fail(
        token,
        token.kind === ')'
          ? "an operator or end of formula (unmatched ')')"
          : 'an operator or end of formula',
      )
    }
    return node
  }

  private peek(): Token {
    return this.tokens[this.index]!
  }

  private next(): Token {
    const token = this.tokens[this.index]!
    if (token.kind !== 'end') this.index++
    return token
  }

  private fail(token: Token, expected: string): never {
    throwFormulaError({
      formula: this.formula,
      position: token.position,
      expected,
      found: describeToken(token),
    })
  }

  private isOperator(...operators: string[]): boolean {
    const token = this.peek()
    return token.kind === 'operator' && operators.includes(token.text)
  }

  /** Runs a nested rule; refuses input nested deeper than MAX_PARSE_NESTING before recursing. */
  private nested<T>(opening: Token, rule: () => T): T {
    if (this.nesting >= MAX_PARSE_NESTING)
      this.fail(opening, `at most ${MAX_PARSE_NESTING} levels of brackets, signs and functions`)
    this.nesting++
    try {
      return rule()
    } finally {
      this.nesting--
    }
  }

  private parseExpression(): FormulaNode {
    let left = this.parseTerm()
    while (this.isOperator('+', '-')) {
      const token = this.next()
      const right = this.parseTerm()
      left = { kind: 'binary', operator: token.text as BinaryOperator, left, right, position: token.position }
    }
    return left
  }

  private parseTerm(): FormulaNode {
    let left = this.parseUnary()
    while (this.isOperator('*', '/')) {
      const token = this.next()
      const right = this.parseUnary()
      left = { kind: 'binary', operator: token.text as BinaryOperator, left, right, position: token.position }
    }
    return left
  }

  private parseUnary(): FormulaNode {
    if (this.isOperator('-')) {
      const token = this.next()
      return {
        kind: 'negate',
        operand: this.nested(token, () => this.parseUnary()),
        position: token.position,
      }
    }
    return this.parsePostfix()
  }

  private parsePostfix(): FormulaNode {
    let node = this.parsePrimary()
    while (this.peek().kind === '[') {
      const open = this.next()
      const name = this.peek()
      if (name.kind !== 'identifier') this.fail(name, "a breakdown name such as women after '['")
      this.next()
      const close = this.peek()
      if (close.kind !== ']') this.fail(close, `']' after the breakdown ${name.text}`)
      this.next()
      node = { kind: 'breakdown', operand: node, breakdown: name.text, position: open.position }
    }
    return node
  }

  private parsePrimary(): FormulaNode {
    const token = this.peek()
    if (token.kind === 'number') {
      this.next()
      return { kind: 'number', value: Number(token.text), position: token.position }
    }
    if (token.kind === 'identifier') {
      this.next()
      if (this.peek().kind === '(') return this.parseCall(token)
      return { kind: 'identifier', name: token.text, position: token.position }
    }
    if (token.kind === '(') {
      this.next()
      const inner = this.nested(token, () => this.parseExpression())
      const close = this.peek()
      if (close.kind !== ')') this.fail(close, "')' to close the '(' at position " + token.position)
      this.next()
      return inner
    }
    return this.fail(token, "a number, an indicator code, '-' or '('")
  }

  private parseCall(nameToken: Token): FormulaNode {
    const name = nameToken.text
    if (!WINDOW_FUNCTIONS.includes(name as WindowFunction)) {
      this.fail(nameToken, `one of the functions ${WINDOW_FUNCTIONS.join(', ')}`)
    }
    this.next() // '('
    const argument = this.nested(nameToken, () => this.parseExpression())
    const comma = this.peek()
    if (comma.kind !== ',') this.fail(comma, `',' and a number of months after the first argument of ${name}`)
    this.next()
    const months = this.peek()
    const value = Number(months.text)
    if (months.kind !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FORMULA_MONTHS) {
      this.fail(
        months,
        `a whole number of months from 1 to ${MAX_FORMULA_MONTHS} as the second argument of ${name}`,
      )
    }
    this.next()
    const close = this.peek()
    if (close.kind !== ')') this.fail(close, `')' after the arguments of ${name}`)
    this.next()
    return {
      kind: 'call',
      name: name as WindowFunction,
      argument,
      months: value,
      position: nameToken.position,
    }
  }
}
