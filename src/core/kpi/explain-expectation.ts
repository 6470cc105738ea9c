import { formatFixed, formatNumber, formatPercent, withUnit, type Locale } from '../format/format'
import type { ResidualClass } from './ols'

export type ExplanationLocale = Locale

/** A value with its unit through the one formatting module: true minus, no-break space before the unit. */
function formatValue(options: { value: number; unit: string; decimals: number; locale: Locale }): string {
  const { value, unit, decimals, locale } = options
  return unit === '%'
    ? formatPercent(locale, value, decimals)
    : withUnit(formatFixed(locale, value, decimals), unit)
}

function joinNames(names: readonly string[], locale: ExplanationLocale): string {
  if (names.length <= 1) return names.join('')
  const and = locale === 'de' ? 'und' : 'and'
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`
}

const JUDGEMENT: Record<ExplanationLocale, Record<ResidualClass, string>> = {
  de: {
    better_than_expected: ': besser als unter diesen Rahmenbedingungen zu erwarten.',
    worse_than_expected: ': schlechter als unter diesen Rahmenbedingungen zu erwarten.',
    as_expected: ': im Rahmen dessen, was unter diesen Rahmenbedingungen zu erwarten ist.',
    above_expected: '. Die Kennzahl beschreibt die Lage und ist keine Leistungsbewertung.',
    below_expected: '. Die Kennzahl beschreibt die Lage und ist keine Leistungsbewertung.',
  },
  en: {
    better_than_expected: ': better than expected under these conditions.',
    worse_than_expected: ': worse than expected under these conditions.',
    as_expected: ': in line with what these conditions lead one to expect.',
    above_expected: '. The figure describes the situation; it is not a performance measure.',
    below_expected: '. The figure describes the situation; it is not a performance measure.',
  },
}

const POSITION: Record<ExplanationLocale, Record<'inside' | 'above' | 'below', string>> = {
  de: { inside: 'innerhalb des Intervalls', above: 'über dem Intervall', below: 'unter dem Intervall' },
  en: { inside: 'within the interval', above: 'above the interval', below: 'below the interval' },
}

/**
 * One or two sentences for a job-centre leader about one organisation's regression result, e.g.
 * "Integrationsquote: Erwartet wären angesichts von SGB II-Quote 21,3 % (95-%-Prognoseintervall
 * 18,0 % bis 24,6 %), erreicht wurden 24,9 %. Das liegt über dem Intervall: besser als …"
 */
export function explainExpectation(options: {
  locale: ExplanationLocale
  figureName: string
  actual: number
  expected: number
  lower: number
  upper: number
  confidence: number
  classification: ResidualClass
  /** The context variables of the model, named for the reader. */
  contextNames?: readonly string[]
  unit?: string
  decimals?: number
}): string {
  const { locale, classification } = options
  const format = (value: number) =>
    formatValue({ value, unit: options.unit ?? '%', decimals: options.decimals ?? 1, locale })
  // The position (above/below) and the judgement (better/worse) are separate: below the interval is
  // worse for an integration rate but better for a change in benefit spending.
  const position =
    options.actual > options.upper ? 'above' : options.actual < options.lower ? 'below' : 'inside'
  const verdict =
    (locale === 'de' ? 'Das liegt ' : 'That is ') +
    POSITION[locale][position] +
    JUDGEMENT[locale][classification]
  const level = formatNumber(locale, options.confidence * 100, 1)
  const context = options.contextNames?.length ? joinNames(options.contextNames, locale) : undefined
  if (locale === 'de') {
    return (
      `${options.figureName}: Erwartet wären${context ? ` angesichts von ${context}` : ''} ${format(options.expected)} ` +
      `(${level}-%-Prognoseintervall ${format(options.lower)} bis ${format(options.upper)}), ` +
      `erreicht wurden ${format(options.actual)}. ${verdict}`
    )
  }
  return (
    `${options.figureName}: ${context ? `given ${context}, ` : ''}${format(options.expected)} would be expected ` +
    `(${level}% prediction interval ${format(options.lower)} to ${format(options.upper)}); ` +
    `the actual value is ${format(options.actual)}. ${verdict}`
  )
}
