import { AppError, detail, type ErrorDetail } from '../errors/app-error'
import { message } from '../messages/text'
import { walkFormula, type FormulaNode } from './formula-ast'

export interface FormulaVocabulary {
  indicatorCodes: Iterable<string>
  /** Figures a formula may reference; a reference stands for that figure's ratio. */
  figureCodes?: Iterable<string>
  /** Breakdown names allowed in `x[name]`; default total, women, men. */
  breakdowns?: Iterable<string>
}

export interface FormulaReferences {
  indicators: string[]
  figures: string[]
  breakdowns: string[]
}

const DEFAULT_BREAKDOWNS = ['total', 'women', 'men']

/**
 * Checks every identifier and breakdown of a parsed formula against the known codes and returns
 * what the formula references. All problems are reported at once, each with its position and a
 * "did you mean" suggestion when a known code is close.
 */
export function validateFormula(options: {
  formula: string
  node: FormulaNode
  vocabulary: FormulaVocabulary
}): FormulaReferences {
  const { formula, node, vocabulary } = options
  const indicators = asSet(vocabulary.indicatorCodes)
  const figures = asSet(vocabulary.figureCodes ?? [])
  const breakdowns = asSet(vocabulary.breakdowns ?? DEFAULT_BREAKDOWNS)
  const found: FormulaReferences = { indicators: [], figures: [], breakdowns: [] }
  const problems: ErrorDetail[] = []
  walkFormula(node, (n) => {
    if (n.kind === 'identifier') {
      if (indicators.has(n.name)) pushOnce(found.indicators, n.name)
      else if (figures.has(n.name)) pushOnce(found.figures, n.name)
      else {
        const hint = suggestCode(n.name, [...indicators, ...figures])
        const position = String(n.position)
        problems.push(
          detail(
            hint
              ? message('formula.unknownCodeHint', { position, name: n.name, hint })
              : message('formula.unknownCode', { position, name: n.name }),
            { field: 'formula', value: n.name },
          ),
        )
      }
    } else if (n.kind === 'breakdown') {
      if (breakdowns.has(n.breakdown)) pushOnce(found.breakdowns, n.breakdown)
      else {
        const hint = suggestCode(n.breakdown, breakdowns)
        const where = {
          position: String(n.position + 1),
          breakdowns: [...breakdowns].join(', '),
          name: n.breakdown,
        }
        problems.push(
          detail(
            hint
              ? message('formula.unknownBreakdownHint', { ...where, hint })
              : message('formula.unknownBreakdown', where),
            { field: 'formula', value: n.breakdown },
          ),
        )
      }
    }
  })
  if (problems.length > 0) {
    throw new AppError('invalid_input', message('formula.invalid', { formula, n: problems.length }), problems)
  }
  return found
}

/** A set as it is, anything else copied into one (checking many formulas must not copy every time). */
function asSet(codes: Iterable<string>): ReadonlySet<string> {
  return codes instanceof Set ? (codes as ReadonlySet<string>) : new Set(codes)
}

function pushOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value)
}

/** The closest known code within a small edit distance (case-insensitive), if there is one. */
export function suggestCode(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(1, Math.min(3, Math.floor(name.length / 3)))
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Months of data, ending with the evaluated month, that the expression needs: a plain series
 * needs 1, `sum(x, 12)` needs 12, `lag(x, 12)` needs 13, `mean(x / lag(y, 1), 12)` needs 13.
 * `figureHistory` answers for figure references and returns undefined for indicators.
 */
export function computeRequiredHistory(
  node: FormulaNode,
  figureHistory?: (code: string) => number | undefined,
): number {
  switch (node.kind) {
    case 'number':
      return 0
    case 'identifier':
      return figureHistory?.(node.name) ?? 1
    case 'negate':
    case 'breakdown':
      return computeRequiredHistory(node.operand, figureHistory)
    case 'binary':
      return Math.max(
        computeRequiredHistory(node.left, figureHistory),
        computeRequiredHistory(node.right, figureHistory),
      )
    case 'call': {
      // A window of n months over an expression needing h months reaches back n − 1 further;
      // lag and change reach back exactly n further.
      const inner = Math.max(1, computeRequiredHistory(node.argument, figureHistory))
      return node.name === 'sum' || node.name === 'mean' ? inner + node.months - 1 : inner + node.months
    }
  }
}
