/**
 * Rendering of catalogue templates, apart from the catalogue (text.ts): the web UI renders server texts
 * with tables it fetches per language, the server and CLI with the whole catalogue. The placeholders and
 * plurals are described in text.ts; `lookUp` gives another text of the same catalogue by key (for
 * `{name:text}` and `{name:meetingStatus}`).
 */
import * as fmt from '../format/format'
import type { Locale } from '../format/format'

export type ParamValue = string | number
/** A text of the catalogue by key in a language, `undefined` for an unknown key. */
export type TextLookup = (locale: Locale, key: string) => string | undefined

/** Identifiers (`id`, `meetingId` …) and years are labels, not quantities: never grouped ("987.654", "2.026"). */
const IDENTIFIER = /^(id|year)$|Id$/

function formatParam(
  lookUp: TextLookup,
  locale: Locale,
  name: string,
  value: ParamValue | undefined,
  format: string | undefined,
): string | undefined {
  if (value === undefined) return undefined
  if (IDENTIFIER.test(name) && typeof value === 'number' && !format) return String(value)
  if (format === 'date' && typeof value === 'string') return fmt.formatDate(locale, value)
  if (format === 'period' && typeof value === 'string') return fmt.formatPeriod(locale, value)
  // A share (0.229) as the percent everyone reads ("22,9 %"), like R² everywhere in the UI.
  if (format === 'percent' && typeof value === 'number') return fmt.formatPercent(locale, value * 100, 1)
  if (typeof value === 'number') {
    if (format === 'fixed') return fmt.formatFixed(locale, value, 1)
    if (format === 'signed') return fmt.formatSigned(locale, value, 1)
    if (format === 'points') return fmt.formatPercentagePoints(locale, value, 1)
    if (format === 'euros') return fmt.formatEuros(locale, value)
    if (format === 'seconds') return fmt.formatDuration(locale, value)
  }
  // {action:text}: the value names another catalogue text, shown in the same language.
  if (format === 'text' && typeof value === 'string') return lookUp(locale, value) ?? value
  // {status:meetingStatus} reads meeting.status.<value>, {expected:typeWord} type.word.<value> …
  const named = /^(\w+?)(Status|Word)$/.exec(format ?? '')
  if (named) {
    const key = `${named[1]}.${named[2]!.toLowerCase()}.${value}`
    return lookUp(locale, key) ?? String(value)
  }
  if (typeof value === 'number') return fmt.formatNumber(locale, value, 3)
  return value
}

/** Fills a template's placeholders and plurals with raw parameters, formatted for the language. */
export function renderTemplate(
  locale: Locale,
  template: string,
  params: Record<string, ParamValue>,
  lookUp: TextLookup,
): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const count = params[name]
      if (typeof count !== 'number') return whole
      const form = fmt.pluralCategory(locale, count) === 'one' ? one : other
      return form.replace(/#/g, fmt.formatNumber(locale, count, 3))
    })
    .replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, format: string | undefined) => {
      // {why:inLanguage}: a text written by a person in English (`why`) and maybe German (`whyDe`).
      if (format === 'inLanguage') {
        const german = params[`${name}De`]
        return String((locale === 'de' && typeof german === 'string' ? german : params[name]) ?? whole)
      }
      return formatParam(lookUp, locale, name, params[name], format) ?? whole
    })
}
