/**
 * The syntax tree of the key-figure formula language. Positions are 1-based character offsets
 * into the formula text, so that validation errors can point at the offending spot.
 */
export type WindowFunction = 'lag' | 'sum' | 'mean' | 'change'

export const WINDOW_FUNCTIONS: readonly WindowFunction[] = ['lag', 'sum', 'mean', 'change']

export type BinaryOperator = '+' | '-' | '*' | '/'

export interface NumberNode {
  kind: 'number'
  value: number
  position: number
}

/** An indicator code (`elb`) or a figure code (`K2`); which one is decided by validation. */
export interface IdentifierNode {
  kind: 'identifier'
  name: string
  position: number
}

export interface NegateNode {
  kind: 'negate'
  operand: FormulaNode
  position: number
}

export interface BinaryNode {
  kind: 'binary'
  operator: BinaryOperator
  left: FormulaNode
  right: FormulaNode
  position: number
}

/** `lag(x, n)`, `sum(x, n)`, `mean(x, n)`, `change(x, n)`; `months` is a positive integer literal. */
export interface CallNode {
  kind: 'call'
  name: WindowFunction
  argument: FormulaNode
  months: number
  position: number
}

/**
 * `x[women]` or `(a / b)[women]`: evaluates the operand with every series in it read for the
 * given breakdown. The innermost selection wins, so `(a[men] + b)[women]` reads a for men.
 */
export interface BreakdownNode {
  kind: 'breakdown'
  operand: FormulaNode
  breakdown: string
  position: number
}

export type FormulaNode = NumberNode | IdentifierNode | NegateNode | BinaryNode | CallNode | BreakdownNode

/** Calls `visit` on every node of the tree, parents before children. */
export function walkFormula(node: FormulaNode, visit: (node: FormulaNode) => void): void {
  visit(node)
  switch (node.kind) {
    case 'negate':
    case 'breakdown':
    case 'call':
      walkFormula(node.kind === 'call' ? node.argument : node.operand, visit)
      break
    case 'binary':
      walkFormula(node.left, visit)
      walkFormula(node.right, visit)
      break
    default:
      break
  }
}

/** Prints a tree back as canonical formula text (fully parenthesised binary operations). */
export function formatFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value)
    case 'identifier':
      return node.name
    case 'negate':
      return `-${formatFormula(node.operand)}`
    case 'binary':
      return `(${formatFormula(node.left)} ${node.operator} ${formatFormula(node.right)})`
    case 'call':
      return `${node.name}(${formatFormula(node.argument)}, ${node.months})`
    case 'breakdown':
      return `${formatFormula(node.operand)}[${node.breakdown}]`
  }
}
