import { AppError, detail } from '../errors/app-error'
import { message, reasonOf } from '../messages/text'
import type { FormulaNode } from './formula-ast'
import { parseFormula } from './formula-parser'
import {
  checkExpandedLimits,
  checkFormulaLength,
  checkFormulaLimits,
  MAX_REQUIRED_MONTHS,
  measureFormula,
  type FormulaSize,
} from './formula-limits'
import { computeRequiredHistory, validateFormula, type FormulaVocabulary } from './formula-validate'
import type { Polarity } from './polarity'

/** 'percent' shows ratio · 100; 'change_rate' shows (ratio − 1) · 100 (change to a year earlier). */
export type DisplayTransform = 'percent' | 'change_rate'

/**
 * One version of a key-figure definition. A figure may have several versions; each applies from
 * its `validFrom` month until the next version's. Formulas are in the formula language.
 */
export interface FigureDefinition {
  code: string
  version: number
  /** First day of the first month this version applies to, ISO date. */
  validFrom: string
  nameDe: string
  nameEn: string
  explanationDe: string
  explanationEn: string
  numerator: string
  denominator: string
  unit: string
  transform: DisplayTransform
  polarity: Polarity
  hasSexBreakdown: boolean
  legalSource: string
}

/** A definition with its formulas parsed, validated and measured. */
export interface CheckedFigure {
  definition: FigureDefinition
  numerator: FormulaNode
  denominator: FormulaNode
  indicators: string[]
  figures: string[]
  /** Months of data ending with the evaluated month that the figure needs (see computeRequiredHistory). */
  requiredHistory: number
}

export const SEX_BREAKDOWN_NAMES = ['total', 'women', 'men'] as const

export function listFigureBreakdowns(definition: FigureDefinition): string[] {
  return definition.hasSexBreakdown ? [...SEX_BREAKDOWN_NAMES] : ['total']
}

/** Applies the display transform to a ratio. */
export function transformRatio(ratio: number, transform: DisplayTransform): number {
  return transform === 'percent' ? ratio * 100 : (ratio - 1) * 100
}

/** The version of `code` that applies to `month` ("2021-05" or an ISO date), or undefined. */
export function selectFigureVersion(options: {
  definitions: readonly FigureDefinition[]
  code: string
  month: string
}): FigureDefinition | undefined {
  const day = options.month.length === 7 ? `${options.month}-01` : options.month
  let chosen: FigureDefinition | undefined
  for (const d of options.definitions) {
    if (d.code !== options.code || d.validFrom > day) continue
    if (
      !chosen ||
      d.validFrom > chosen.validFrom ||
      (d.validFrom === chosen.validFrom && d.version > chosen.version)
    ) {
      chosen = d
    }
  }
  return chosen
}

/**
 * Parses and validates every definition, rejects duplicate (code, version) pairs and cycles among
 * figure references (the message names the cycle: K_A → K_B → K_A), and returns the definitions
 * in dependency order with their required history. Cycles are checked over all versions together,
 * which is stricter than necessary but keeps every combination of versions evaluable.
 */
export function checkFigureDefinitions(options: {
  definitions: readonly FigureDefinition[]
  vocabulary: Omit<FormulaVocabulary, 'figureCodes'>
}): CheckedFigure[] {
  const { definitions, vocabulary } = options
  const codes = new Set(definitions.map((d) => d.code))
  const indicatorCodes = new Set(vocabulary.indicatorCodes)
  const seen = new Set<string>()
  const parsed: CheckedFigure[] = []
  for (const definition of definitions) {
    const key = `${definition.code}@${definition.version}`
    if (seen.has(key)) {
      throw new AppError(
        'conflict',
        message('kpi.definedTwice', { code: definition.code, version: definition.version }),
      )
    }
    seen.add(key)
    const parts = FORMULA_SIDES.map((side) =>
      naming(definition, side, () => {
        const formula = definition[side]
        const node = parseFormula(formula)
        const refs = validateFormula({
          formula,
          node,
          vocabulary: { ...vocabulary, indicatorCodes, figureCodes: codes },
        })
        return { node, refs }
      }),
    )
    const [num, den] = parts as [(typeof parts)[0], (typeof parts)[0]]
    parsed.push({
      definition,
      numerator: num.node,
      denominator: den.node,
      indicators: [...new Set([...num.refs.indicators, ...den.refs.indicators])],
      figures: [...new Set([...num.refs.figures, ...den.refs.figures])],
      requiredHistory: 0,
    })
  }
  const order = orderByDependencies(parsed)
  const history = new Map<string, number>()
  for (const figure of order) {
    const lookup = (code: string) => (codes.has(code) ? history.get(code) : undefined)
    figure.requiredHistory = Math.max(
      computeRequiredHistory(figure.numerator, lookup),
      computeRequiredHistory(figure.denominator, lookup),
    )
    history.set(
      figure.definition.code,
      Math.max(history.get(figure.definition.code) ?? 0, figure.requiredHistory),
    )
  }
  return order
}

const FORMULA_SIDES = ['numerator', 'denominator'] as const

/** Runs a check of one side of a definition; its AppError names the figure, version and side. */
function naming<T>(definition: FigureDefinition, side: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(
        error.code,
        message('formula.inSide', {
          code: definition.code,
          version: definition.version,
          side,
          ...reasonOf(error),
        }),
        error.details,
      )
    throw error
  }
}

/**
 * Checks a definition about to be added to `existing`: everything checkFigureDefinitions checks,
 * and the limits of formula-limits.ts, for the new definition and for every figure that references
 * it (directly or through others), whose formulas grow with it. The length is checked before
 * anything is parsed. Every problem is an AppError('invalid_input') naming figure, side and position;
 * a definition that passes is evaluable without throwing. Returns all definitions checked.
 */
export function checkNewFigureDefinition(options: {
  definition: FigureDefinition
  existing: readonly FigureDefinition[]
  vocabulary: Omit<FormulaVocabulary, 'figureCodes'>
}): CheckedFigure[] {
  const { definition } = options
  for (const side of FORMULA_SIDES) naming(definition, side, () => checkFormulaLength(definition[side]))
  const checked = checkFigureDefinitions({
    definitions: [...options.existing, definition],
    vocabulary: options.vocabulary,
  })
  const isNew = (f: CheckedFigure) => f.definition === definition
  for (const f of checked.filter(isNew))
    for (const side of FORMULA_SIDES)
      naming(definition, side, () => checkFormulaLimits({ formula: definition[side], node: f[side] }))
  // In dependency order, so every referenced figure is measured before its referrers.
  const sizes = new Map<string, FormulaSize>()
  const affected = new Set([definition.code])
  for (const f of checked) {
    const figureSize = (code: string) => sizes.get(code)
    const isAffected = isNew(f) || f.figures.some((code) => affected.has(code))
    if (isAffected) affected.add(f.definition.code)
    for (const side of FORMULA_SIDES) {
      const size = isAffected
        ? naming(f.definition, side, () =>
            checkExpandedLimits({ formula: f.definition[side], node: f[side], figureSize }),
          )
        : measureFormula(f[side], figureSize)
      const known = sizes.get(f.definition.code)
      sizes.set(f.definition.code, {
        expandedNodes: Math.max(known?.expandedNodes ?? 0, size.expandedNodes),
        windowNesting: Math.max(known?.windowNesting ?? 0, size.windowNesting),
      })
    }
    if (isAffected && f.requiredHistory > MAX_REQUIRED_MONTHS)
      throw new AppError(
        'invalid_input',
        message('kpi.historyTooLong', {
          code: f.definition.code,
          version: f.definition.version,
          months: f.requiredHistory,
          max: MAX_REQUIRED_MONTHS,
        }),
        [
          detail(
            message('kpi.historyTooLongDetail', { max: MAX_REQUIRED_MONTHS, months: f.requiredHistory }),
            {
              field: 'formula',
              value: f.definition.code,
            },
          ),
        ],
      )
  }
  return checked
}

function orderByDependencies(figures: CheckedFigure[]): CheckedFigure[] {
  const edges = new Map<string, Set<string>>()
  for (const f of figures) {
    const set = edges.get(f.definition.code) ?? new Set<string>()
    f.figures.forEach((code) => set.add(code))
    edges.set(f.definition.code, set)
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const orderedCodes: string[] = []
  const stack: string[] = []
  const visit = (code: string): void => {
    const s = state.get(code)
    if (s === 'done') return
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(code)), code]
      throw new AppError('invalid_input', message('kpi.definitionCycle', { cycle: cycle.join(' → ') }), [
        detail(message('kpi.definitionCycleDetail', { cycle: cycle.join(' → ') }), {
          field: 'formula',
          value: cycle.join(' → '),
        }),
      ])
    }
    state.set(code, 'visiting')
    stack.push(code)
    for (const next of edges.get(code) ?? []) visit(next)
    stack.pop()
    state.set(code, 'done')
    orderedCodes.push(code)
  }
  for (const code of edges.keys()) visit(code)
  const rank = new Map(orderedCodes.map((code, i) => [code, i]))
  return [...figures].sort((a, b) => rank.get(a.definition.code)! - rank.get(b.definition.code)!)
}
