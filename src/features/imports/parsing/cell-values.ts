import type { MissingReason, ObservationStatus } from '../../../db/schema'
import type { SymbolMeaning } from './mapping-schema'

/**
 * Symbols of the German official statistics (Zeichenerklärung of Destatis and the statistical
 * offices, plus the BA's `*`) and what a value cell holding one of them becomes. Numbers are never
 * invented: "–" literally means "nichts vorhanden" (nothing there), which is a true zero for a
 * count but "cannot be computed" for a quotient, so it defaults to not_applicable and a mapping for
 * count series can declare `"symbols": { "-": "zero" }`.
 */
export const DEFAULT_SYMBOLS: Record<string, SymbolMeaning> = {
  '-': 'not_applicable', // nichts vorhanden
  '–': 'not_applicable',
  '—': 'not_applicable',
  '.': 'suppressed', // Zahlenwert unbekannt oder geheim zu halten
  '/': 'suppressed', // keine Angabe, da Zahlenwert nicht sicher genug
  '*': 'suppressed', // BA: Daten unterliegen der statistischen Geheimhaltung
  x: 'not_applicable', // Tabellenfach gesperrt, weil Aussage nicht sinnvoll
  X: 'not_applicable',
  '…': 'not_delivered', // Angabe fällt später an
  '...': 'not_delivered',
  'k.A.': 'not_delivered', // keine Angabe
  NA: 'not_delivered',
  'n/a': 'not_delivered',
}

export const SYMBOL_EXPLANATIONS: Record<string, string> = {
  '-': 'nichts vorhanden',
  '–': 'nichts vorhanden',
  '—': 'nichts vorhanden',
  '.': 'Zahlenwert unbekannt oder geheim zu halten',
  '/': 'keine Angabe, da Zahlenwert nicht sicher genug',
  '*': 'statistische Geheimhaltung',
  x: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll',
  X: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll',
  '…': 'Angabe fällt später an',
  '...': 'Angabe fällt später an',
  'k.A.': 'keine Angabe',
}

const PLAIN_INTEGER = /^-?\d+$/
const PLAIN_DOT_DECIMAL = /^-?\d+\.\d+$/
// Thousands groups are only accepted in their exact form, so "1.5" is never read as 15.
const COMMA_DECIMAL = /^[+\-\u2212]?(?:\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d*)(?:,\d+)?$/
const DOT_DECIMAL = /^[+\-\u2212]?(?:\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
const HAS_DIGIT = /\d/

/** Reads a number written with the given decimal separator; NaN when the text is not one. */
export function parseDecimal(text: string, decimal: ',' | '.'): number {
  if (PLAIN_INTEGER.test(text)) return Number(text)
  if (decimal === '.') {
    if (PLAIN_DOT_DECIMAL.test(text)) return Number(text)
    if (!DOT_DECIMAL.test(text) || !HAS_DIGIT.test(text)) return NaN
    return Number(text.replace(/[, \u00a0\u202f]/g, '').replace('\u2212', '-'))
  }
  if (!COMMA_DECIMAL.test(text) || !HAS_DIGIT.test(text)) return NaN
  return Number(
    text
      .replace(/[. \u00a0\u202f]/g, '')
      .replace(',', '.')
      .replace('\u2212', '-'),
  )
}

/** Evidence for the decimal separator in one sample value: ',' or '.' or undefined (ambiguous). */
export function decimalEvidence(text: string): ',' | '.' | 'ambiguous' | undefined {
  if (/^[+\-\u2212]?\d+,\d+$/.test(text)) return /^[+\-\u2212]?\d{1,3},\d{3}$/.test(text) ? 'ambiguous' : ','
  if (/^[+\-\u2212]?\d+\.\d+$/.test(text))
    return /^[+\-\u2212]?\d{1,3}\.\d{3}$/.test(text) ? 'ambiguous' : '.'
  if (/^[+\-\u2212]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return ','
  if (/^[+\-\u2212]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return '.'
  return undefined
}

/** Removes float noise introduced by scaling (1.1 · 1000 = 1100.0000000000002). */
export function scaleValue(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(15))
}

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[\s_\-.]+/g, '')
}

/** Header names compare without case, spaces, underscores, dots and umlaut spelling. */
export const normaliseHeader = (text: string): string => fold(text.replace(/^\uFEFF/, ''))

const STATUS_ALIASES: Record<string, ObservationStatus> = {
  provisional: 'provisional',
  preliminary: 'provisional',
  vorlaeufig: 'provisional',
  p: 'provisional',
  final: 'final',
  endgueltig: 'final',
  e: 'final',
  corrected: 'corrected',
  revised: 'corrected',
  korrigiert: 'corrected',
  berichtigt: 'corrected',
  revidiert: 'corrected',
  r: 'corrected',
}

/** null for an empty cell, undefined for text that is no status. */
export function parseStatus(text: string): ObservationStatus | null | undefined {
  const key = fold(text)
  return key === '' ? null : STATUS_ALIASES[key]
}

const BREAKDOWN_ALIASES: Record<string, string> = {
  '': 'total',
  total: 'total',
  insgesamt: 'total',
  gesamt: 'total',
  zusammen: 'total',
  alle: 'total',
  women: 'women',
  female: 'women',
  frauen: 'women',
  weiblich: 'women',
  w: 'women',
  f: 'women',
  men: 'men',
  male: 'men',
  maenner: 'men',
  maennlich: 'men',
  m: 'men',
}

/** Sex breakdowns in German or English become total/women/men; other breakdowns stay as written. */
export function normaliseBreakdown(text: string): string {
  return BREAKDOWN_ALIASES[fold(text)] ?? text.trim()
}

const MISSING_ALIASES: Record<string, MissingReason> = {
  notdelivered: 'not_delivered',
  nichtgeliefert: 'not_delivered',
  fehlt: 'not_delivered',
  keineangabe: 'not_delivered',
  ka: 'not_delivered',
  suppressed: 'suppressed',
  geheim: 'suppressed',
  geheimhaltung: 'suppressed',
  anonymisiert: 'suppressed',
  gesperrt: 'suppressed',
  notapplicable: 'not_applicable',
  nichtzutreffend: 'not_applicable',
  entfaellt: 'not_applicable',
}

/** Reads a missing-reason cell: a code, a German word or a statistics symbol. */
export function parseMissingReason(
  text: string,
  symbols: Record<string, SymbolMeaning>,
): MissingReason | null | undefined {
  const t = text.trim()
  if (t === '') return null
  const symbol = symbols[t]
  if (symbol !== undefined) return symbol === 'zero' ? undefined : symbol
  return MISSING_ALIASES[fold(t)]
}
