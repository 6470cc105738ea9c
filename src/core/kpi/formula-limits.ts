import { AppError, type ErrorDetail } from '../errors/app-error'
import type { FormulaNode } from './formula-ast'

/**
 * Limits on the formulas of own figures, checked when a figure is defined (not when stored
 * definitions are read, so a definition made before a limit was lowered still evaluates). Each
 * bounds the work one definition can cause in every later computation: the evaluator compiles one
 * kernel with a few arrays of the computed months per node, figure references are inlined, and
 * `change(x, n)` evaluates x twice. The official figures stay far below every limit (at most 9
 * nodes, one window inside another, 13 months).
 */
export const FORMULA_LIMITS = {
  /** Characters of one formula (numerator or denominator). */
  maxLength: 1000,
  /** Levels of the syntax tree: `a + b + c` has 3, `-(-(-a))` has 4. */
  maxDepth: 24,
  /** Numbers, codes, operators and functions of one formula. */
  maxNodes: 100,
  /** Months of one `lag`, `change`, `sum` or `mean`. */
  maxWindowMonths: 36,
  /** Window functions inside each other, through referenced figures too (`mean(x / lag(y, 1), 12)` = 2). */
  maxWindowNesting: 2,
  /** Nodes of the whole figure with referenced figures written out and `change` counted twice. */
  maxExpandedNodes: 400,
} as const

/**
 * Own figures: every one is computed for every organisation, month and breakdown, so their number
 * is bounded per organisation (by whoever defined the first version; accounts without an
 * organisation each count as one), in the whole network, and in versions per figure.
 */
export const OWN_FIGURE_LIMITS = {
  perOrganisation: 50,
  total: 300,
  versionsPerFigure: 20,
} as const

/** Depth the parser descends at most, whatever else: keeps the call stack safe for any input. */
export const MAX_PARSE_NESTING = 64

function detail(position: number, expected: string, found: string): ErrorDetail {
  return { field: 'formula', message: `position ${position}: expected ${expected}, found ${found}` }
}

function throwProblems(formula: string, problems: ErrorDetail[]): void {
  if (problems.length === 0) return
  const shown = problems.slice(0, 5)
  throw new AppError(
    'invalid_input',
    `Invalid formula "${formula.length > 80 ? `${formula.slice(0, 80)}…` : formula}": ${shown.map((p) => p.message).join('; ')}${problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : ''}`,
    shown.map((p) => ({ ...p, value: formula })),
  )
}

/** Checked before the formula is read at all, so that no work depends on its size. */
export function checkFormulaLength(formula: string): void {
  if (formula.length <= FORMULA_LIMITS.maxLength) return
  throwProblems(formula, [
    detail(
      FORMULA_LIMITS.maxLength + 1,
      `a formula of at most ${FORMULA_LIMITS.maxLength} characters`,
      `${formula.length} characters`,
    ),
  ])
}

/**
 * Depth, node count, window months, nesting of windows and finite, representable numbers of one
 * parsed formula. All problems are reported at once (the first five in the message).
 */
export function checkFormulaLimits(options: { formula: string; node: FormulaNode }): void {
  const { formula, node } = options
  const problems: ErrorDetail[] = []
  let nodes = 0
  let isDepthReported = false
  let isNestingReported = false
  const visit = (n: FormulaNode, depth: number, windows: number): void => {
    nodes++
    if (depth > FORMULA_LIMITS.maxDepth && !isDepthReported) {
      isDepthReported = true
      problems.push(
        detail(n.position, `at most ${FORMULA_LIMITS.maxDepth} levels of nesting`, `level ${depth} here`),
      )
    }
    switch (n.kind) {
      case 'number':
        if (!Number.isFinite(n.value))
          problems.push(
            detail(n.position, 'a number between -1.8e308 and 1.8e308', 'a number too large to compute with'),
          )
        else if (n.value === 0 && /[1-9]/.test(mantissaOf(formula, n.position)))
          problems.push(detail(n.position, 'a number of at least 1e-307', 'a number so small it would be 0'))
        return
      case 'identifier':
        return
      case 'negate':
      case 'breakdown':
        return visit(n.operand, depth + 1, windows)
      case 'binary':
        visit(n.left, depth + 1, windows)
        return visit(n.right, depth + 1, windows)
      case 'call':
        if (n.months > FORMULA_LIMITS.maxWindowMonths)
          problems.push(
            detail(
              n.position,
              `at most ${FORMULA_LIMITS.maxWindowMonths} months in ${n.name}`,
              `${n.name}(…, ${n.months})`,
            ),
          )
        if (windows + 1 > FORMULA_LIMITS.maxWindowNesting && !isNestingReported) {
          isNestingReported = true
          problems.push(
            detail(
              n.position,
              `at most ${FORMULA_LIMITS.maxWindowNesting} window functions (lag, change, sum, mean) inside each other`,
              `${n.name} as the ${windows + 1}${ordinalSuffix(windows + 1)}`,
            ),
          )
        }
        return visit(n.argument, depth + 1, windows + 1)
    }
  }
  visit(node, 1, 0)
  if (nodes > FORMULA_LIMITS.maxNodes)
    problems.unshift(
      detail(1, `at most ${FORMULA_LIMITS.maxNodes} numbers, codes, operators and functions`, `${nodes}`),
    )
  throwProblems(formula, problems)
}

/** The digits before the exponent of the number literal at `position` (1-based). */
function mantissaOf(formula: string, position: number): string {
  const match = /^[0-9.]*/.exec(formula.slice(position - 1))
  return match ? match[0] : ''
}

function ordinalSuffix(n: number): string {
  return n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'
}

/** What a formula costs once referenced figures are written out. */
export interface FormulaSize {
  /** Nodes with figure references inlined and `change` counted twice (it evaluates its argument twice). */
  expandedNodes: number
  /** Window functions inside each other, through references. */
  windowNesting: number
}

/**
 * Measures a formula with figure references written out; `figureSize` answers for figure codes
 * (the larger side and the larger version) and returns undefined for indicators.
 */
export function measureFormula(
  node: FormulaNode,
  figureSize: (code: string) => FormulaSize | undefined,
): FormulaSize {
  switch (node.kind) {
    case 'number':
      return { expandedNodes: 1, windowNesting: 0 }
    case 'identifier':
      return figureSize(node.name) ?? { expandedNodes: 1, windowNesting: 0 }
    case 'negate':
    case 'breakdown': {
      const inner = measureFormula(node.operand, figureSize)
      return { expandedNodes: inner.expandedNodes + 1, windowNesting: inner.windowNesting }
    }
    case 'binary': {
      const left = measureFormula(node.left, figureSize)
      const right = measureFormula(node.right, figureSize)
      return {
        expandedNodes: left.expandedNodes + right.expandedNodes + 1,
        windowNesting: Math.max(left.windowNesting, right.windowNesting),
      }
    }
    case 'call': {
      const inner = measureFormula(node.argument, figureSize)
      const copies = node.name === 'change' ? 2 : 1
      return { expandedNodes: inner.expandedNodes * copies + 1, windowNesting: inner.windowNesting + 1 }
    }
  }
}

/** Months of data one figure may need, ending with the computed month: two windows of the longest. */
export const MAX_REQUIRED_MONTHS = 1 + FORMULA_LIMITS.maxWindowNesting * FORMULA_LIMITS.maxWindowMonths

/**
 * The limits that depend on referenced figures: a figure written out may have at most
 * maxExpandedNodes nodes and maxWindowNesting windows inside each other.
 */
export function checkExpandedLimits(options: {
  formula: string
  node: FormulaNode
  figureSize: (code: string) => FormulaSize | undefined
}): FormulaSize {
  const { formula, node, figureSize } = options
  const size = measureFormula(node, figureSize)
  const problems: ErrorDetail[] = []
  if (size.expandedNodes > FORMULA_LIMITS.maxExpandedNodes)
    problems.push(
      detail(
        1,
        `at most ${FORMULA_LIMITS.maxExpandedNodes} nodes with the referenced figures written out`,
        `${size.expandedNodes}`,
      ),
    )
  if (size.windowNesting > FORMULA_LIMITS.maxWindowNesting)
    problems.push(
      detail(
        1,
        `at most ${FORMULA_LIMITS.maxWindowNesting} window functions inside each other, counting those of referenced figures`,
        `${size.windowNesting}`,
      ),
    )
  throwProblems(formula, problems)
  return size
}
