import { AppError, detail, type ErrorDetail } from '../errors/app-error'
import { message, type Message } from '../messages/text'
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

/** A position is a place in the formula, read as it is (never grouped like a quantity). */
const at = (position: number) => String(position)

function throwProblems(formula: string, problems: Message[]): void {
  if (problems.length === 0) return
  const shown = formula.length > 80 ? `${formula.slice(0, 80)}…` : formula
  throw new AppError(
    'invalid_input',
    message('formula.invalid', { formula: shown, n: problems.length }),
    problems.slice(0, 5).map((p): ErrorDetail => detail(p, { field: 'formula', value: formula })),
  )
}

/** Checked before the formula is read at all, so that no work depends on its size. */
export function checkFormulaLength(formula: string): void {
  if (formula.length <= FORMULA_LIMITS.maxLength) return
  throwProblems(formula, [
    message('formula.tooLong', {
      position: at(FORMULA_LIMITS.maxLength + 1),
      max: FORMULA_LIMITS.maxLength,
      length: formula.length,
    }),
  ])
}

/**
 * Depth, node count, window months, nesting of windows and finite, representable numbers of one
 * parsed formula. All problems are reported at once (the first five in the message).
 */
export function checkFormulaLimits(options: { formula: string; node: FormulaNode }): void {
  const { formula, node } = options
  const problems: Message[] = []
  let nodes = 0
  let isDepthReported = false
  let isNestingReported = false
  const visit = (n: FormulaNode, depth: number, windows: number): void => {
    nodes++
    if (depth > FORMULA_LIMITS.maxDepth && !isDepthReported) {
      isDepthReported = true
      problems.push(
        message('formula.tooDeep', { position: at(n.position), max: FORMULA_LIMITS.maxDepth, depth }),
      )
    }
    switch (n.kind) {
      case 'number':
        if (!Number.isFinite(n.value))
          problems.push(message('formula.numberTooLarge', { position: at(n.position) }))
        else if (n.value === 0 && /[1-9]/.test(mantissaOf(formula, n.position)))
          problems.push(message('formula.numberTooSmall', { position: at(n.position) }))
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
            message('formula.windowTooLong', {
              position: at(n.position),
              max: FORMULA_LIMITS.maxWindowMonths,
              name: n.name,
              months: n.months,
            }),
          )
        if (windows + 1 > FORMULA_LIMITS.maxWindowNesting && !isNestingReported) {
          isNestingReported = true
          problems.push(
            message('formula.windowsNested', {
              position: at(n.position),
              max: FORMULA_LIMITS.maxWindowNesting,
              name: n.name,
              level: windows + 1,
            }),
          )
        }
        return visit(n.argument, depth + 1, windows + 1)
    }
  }
  visit(node, 1, 0)
  if (nodes > FORMULA_LIMITS.maxNodes)
    problems.unshift(
      message('formula.tooManyNodes', { position: at(1), max: FORMULA_LIMITS.maxNodes, nodes }),
    )
  throwProblems(formula, problems)
}

/** The digits before the exponent of the number literal at `position` (1-based). */
function mantissaOf(formula: string, position: number): string {
  const match = /^[0-9.]*/.exec(formula.slice(position - 1))
  return match ? match[0] : ''
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
  const problems: Message[] = []
  if (size.expandedNodes > FORMULA_LIMITS.maxExpandedNodes)
    problems.push(
      message('formula.expandedTooLarge', {
        position: at(1),
        max: FORMULA_LIMITS.maxExpandedNodes,
        nodes: size.expandedNodes,
      }),
    )
  if (size.windowNesting > FORMULA_LIMITS.maxWindowNesting)
    problems.push(
      message('formula.expandedNesting', {
        position: at(1),
        max: FORMULA_LIMITS.maxWindowNesting,
        nesting: size.windowNesting,
      }),
    )
  throwProblems(formula, problems)
  return size
}
