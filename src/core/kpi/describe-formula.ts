/**
 * A key figure's formula in plain words, German or English, for people who do not read the formula
 * language: "Integrationen in Erwerbstätigkeit, Summe der letzten 12 Monate, geteilt durch …".
 * Made from the parsed formula, so every figure (also a network's own) has one and it cannot drift
 * from the formula the engine evaluates. The technical formula stays for analysts.
 */
import { formatNumber, type Locale } from '../format/format'
import type { FormulaNode } from './formula-ast'
import type { DisplayTransform } from './figure-definition'
import { parseFormula } from './formula-parser'

const WORDS = {
  de: {
    sum: (x: string, n: number) => `Summe von ${x} der letzten ${n} Monate`,
    mean: (x: string, n: number) => `Durchschnitt von ${x} der letzten ${n} Monate`,
    lag: (x: string, n: number) => `${x} vor ${n} ${n === 1 ? 'Monat' : 'Monaten'}`,
    change: (x: string, n: number) =>
      `Veränderung von ${x} gegenüber ${n} ${n === 1 ? 'Monat' : 'Monaten'} zuvor`,
    '+': 'plus',
    '-': 'minus',
    '*': 'mal',
    '/': 'geteilt durch',
    negate: 'minus',
    percent: (text: string) => `${text}, in Prozent.`,
    changeRate: (n: string, d: string) =>
      `Veränderung in Prozent: ${n} im Vergleich zu ${d} (Verhältnis der beiden minus 1, mal 100).`,
    breakdown: { women: 'Frauen', men: 'Männer' } as Record<string, string>,
  },
  en: {
    sum: (x: string, n: number) => `sum of ${x} over the last ${n} months`,
    mean: (x: string, n: number) => `average of ${x} over the last ${n} months`,
    lag: (x: string, n: number) => `${x} ${n} ${n === 1 ? 'month' : 'months'} earlier`,
    change: (x: string, n: number) => `change in ${x} against ${n} ${n === 1 ? 'month' : 'months'} earlier`,
    '+': 'plus',
    '-': 'minus',
    '*': 'times',
    '/': 'divided by',
    negate: 'minus',
    percent: (text: string) => `${text}, in percent.`,
    changeRate: (n: string, d: string) =>
      `Change in percent: ${n} compared with ${d} (the ratio of the two minus 1, times 100).`,
    breakdown: { women: 'women', men: 'men' } as Record<string, string>,
  },
} as const

/** One formula (tree) in words; `nameOf` gives an indicator's or figure's name by its code. */
export function describeFormulaNode(
  node: FormulaNode,
  locale: Locale,
  nameOf: (code: string) => string,
): string {
  const words = WORDS[locale]
  const inner = (child: FormulaNode) => {
    const text = describeFormulaNode(child, locale, nameOf)
    return child.kind === 'binary' ? `(${text})` : text
  }
  switch (node.kind) {
    case 'number':
      return formatNumber(locale, node.value, 6)
    case 'identifier':
      return nameOf(node.name)
    case 'negate':
      return `${words.negate} ${inner(node.operand)}`
    case 'breakdown':
      return `${inner(node.operand)} (${words.breakdown[node.breakdown] ?? node.breakdown})`
    case 'call':
      return words[node.name](inner(node.argument), node.months)
    case 'binary':
      return `${inner(node.left)} ${words[node.operator]} ${inner(node.right)}`
  }
}

/**
 * A figure (numerator, denominator and how the ratio is shown) in one sentence. A denominator of
 * 1 (figures that average monthly rates) is left out.
 */
export function describeFigureFormula(
  figure: { numerator: string; denominator: string; transform: DisplayTransform },
  locale: Locale,
  nameOf: (code: string) => string,
): string {
  const words = WORDS[locale]
  const numerator = describeFormulaNode(parseFormula(figure.numerator), locale, nameOf)
  const denominatorNode = parseFormula(figure.denominator)
  const isOne = denominatorNode.kind === 'number' && denominatorNode.value === 1
  const denominator = describeFormulaNode(denominatorNode, locale, nameOf)
  const sentence =
    figure.transform === 'change_rate'
      ? words.changeRate(numerator, denominator)
      : words.percent(isOne ? numerator : `${numerator} ${words['/']} ${denominator}`)
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
