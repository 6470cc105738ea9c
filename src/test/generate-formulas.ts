/**
 * Formulas for the fuzz tests of the formula language, from a seed: well-formed trees over known
 * and unknown codes with literals of every size and windows of every length, token soup with
 * unicode, deep nesting and overlong text. The same seed gives the same formulas.
 */
import { createRandom, drawInteger, drawItem as pick, type Random } from '../core/random'

export interface FormulaVocabularyForFuzz {
  indicators: readonly string[]
  figures: readonly string[]
}

const NUMBERS = [
  '0',
  '1',
  '2.5',
  '.5',
  '100',
  '12',
  '1e3',
  '1e308',
  '1.7976931348623157e308',
  '1e309',
  '9e999',
  '1e-300',
  '1e-320',
  '1e-400',
  '0.000',
  '00012',
  '3.',
  '4.5e+2',
  '123456789012345678901234567890',
]
const MONTHS = ['0', '1', '2', '12', '13', '35', '36', '37', '600', '601', '1.5', '-1', '1e1', 'x', '']
const FUNCTIONS = ['lag', 'sum', 'mean', 'change', 'max', 'exp', 'LAG']
const BREAKDOWNS = ['women', 'men', 'total', 'female', '', 'WOMEN']
const UNKNOWN = ['foo', 'elb2', 'Integrations', 'x_y', 'ELB', 'K99', 'constructor', '__proto__', 'toString']
const SOUP = [
  '(',
  ')',
  '[',
  ']',
  ',',
  '+',
  '-',
  '*',
  '/',
  '−',
  '×',
  '·',
  '÷',
  '^',
  '%',
  '$',
  '.',
  'e',
  'e+',
  '1e',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u200b',
  'ä',
  'ß',
  '😀',
  '١٢',
  '＋',
  '\\',
  '"',
  "'",
  ';',
  '=',
  '!',
  '{',
  '}',
  'lag(',
  'sum(',
  ', 12)',
  'elb',
  'K2',
  '[women]',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'undefined',
]

/** A formula tree printed as text; depth bounds the recursion of the generator, not the result. */
function tree(random: Random, vocabulary: FormulaVocabularyForFuzz, depth: number): string {
  const r = random()
  if (depth <= 0 || r < 0.3) {
    const leaf = random()
    if (leaf < 0.45) return pick(random, vocabulary.indicators)
    if (leaf < 0.6 && vocabulary.figures.length > 0) return pick(random, vocabulary.figures)
    if (leaf < 0.9) return pick(random, NUMBERS)
    return pick(random, UNKNOWN)
  }
  const next = () => tree(random, vocabulary, depth - 1)
  if (r < 0.6) return `${next()} ${pick(random, ['+', '-', '*', '/', '/', '−', '×'])} ${next()}`
  if (r < 0.68) return `(${next()})`
  if (r < 0.74) return `-${next()}`
  if (r < 0.8) return `${vocabulary.indicators[0]!}[${pick(random, BREAKDOWNS)}]`
  if (r < 0.83) return `(${next()})[${pick(random, BREAKDOWNS)}]`
  // Mostly real functions with allowed windows, sometimes anything.
  const name = random() < 0.9 ? pick(random, FUNCTIONS.slice(0, 4)) : pick(random, FUNCTIONS)
  const months = random() < 0.7 ? String(1 + drawInteger(random, 36)) : pick(random, MONTHS)
  return `${name}(${next()}, ${months})`
}

function nested(random: Random, vocabulary: FormulaVocabularyForFuzz): string {
  const n = 1 + drawInteger(random, random() < 0.5 ? 30 : 1500)
  const inner = pick(random, vocabulary.indicators)
  switch (drawInteger(random, 4)) {
    case 0:
      return `${'('.repeat(n)}${inner}${')'.repeat(n)}`
    case 1:
      return `${'-'.repeat(n)}${inner}`
    case 2: {
      const fn = pick(random, FUNCTIONS.slice(0, 4))
      const months = pick(random, ['1', '12', '36', '600'])
      return `${`${fn}(`.repeat(n)}${inner}${`, ${months})`.repeat(n)}`
    }
    default:
      return Array.from({ length: n }, () => pick(random, vocabulary.indicators)).join(' + ')
  }
}

function soup(random: Random): string {
  const n = 1 + drawInteger(random, 40)
  return Array.from({ length: n }, () => pick(random, SOUP)).join(random() < 0.5 ? '' : ' ')
}

/** `count` formulas from `seed`: about 55 % trees, 20 % deep nesting, 20 % token soup, 5 % overlong. */
export function generateFormulas(options: {
  seed: number
  count: number
  vocabulary: FormulaVocabularyForFuzz
}): string[] {
  const random = createRandom(options.seed)
  const formulas: string[] = []
  for (let i = 0; i < options.count; i++) {
    const kind = random()
    if (kind < 0.55) formulas.push(tree(random, options.vocabulary, 1 + drawInteger(random, 7)))
    else if (kind < 0.75) formulas.push(nested(random, options.vocabulary))
    else if (kind < 0.95) formulas.push(soup(random))
    else
      formulas.push(
        `${tree(random, options.vocabulary, 4)} + ${'1'.repeat(1000 + drawInteger(random, 20_000))}`,
      )
  }
  return formulas
}
