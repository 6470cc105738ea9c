/**
 * The one formatting module for numbers, changes, periods and dates in German and English: the web
 * UI (web/src/i18n/translate.ts re-exports it) and the server's reports use the same functions.
 */
export type Locale = 'de' | 'en'

export type MessageParams = Record<string, string | number>

/**
 * Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed.
 * `{name|one|other}` picks a word by the plural of the value of `name` ("{count} {count|Wert|Werte}"
 * reads "1 Wert", "2 Werte", "1.200 Werte"): German and English both use the singular for exactly 1.
 * A space between a number and "%" (or percentage points) becomes a no-break space, so "−0,7 %" never
 * breaks before its unit, whatever the catalogue text wrote.
 */
export function interpolate(template: string, params?: MessageParams): string {
  const filled = params
    ? template
        .replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (whole, name: string, one: string, other: string) =>
          name in params ? (String(params[name]) === '1' ? one : other) : whole,
        )
        .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    : template
  return keepUnitsTogether(filled)
}

/** "26,0 %" with a no-break space: a number never ends a line apart from its percent sign. */
function keepUnitsTogether(text: string): string {
  return text.replace(/(\d) (%|Pp\.|pp\b)/g, '$1\u00a0$2')
}

const BCP47: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

/** The true minus sign (U+2212): Intl writes a hyphen-minus, which reads as a dash and may break. */
export const MINUS = '\u2212'
/** A no-break space, between a number and its unit ("26,0 %"), so the unit never wraps alone. */
export const NBSP = '\u00a0'

/**
 * A number in the locale's notation with at most `maximumFractionDigits` decimals (at least
 * `minimumFractionDigits`, default none). Negative numbers carry the true minus sign; a value that
 * rounds to zero is "0", never "-0".
 */
export function formatNumber(
  locale: Locale,
  value: number,
  maximumFractionDigits = 1,
  minimumFractionDigits = 0,
): string {
  return numberFormat(locale, maximumFractionDigits, minimumFractionDigits).format(value).replace('-', MINUS)
}

/** Creating an Intl.NumberFormat costs far more than formatting with one (servers format thousands). */
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, maximumFractionDigits: number, minimumFractionDigits: number) {
  const key = `${locale}:${maximumFractionDigits}:${minimumFractionDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(BCP47[locale], {
      maximumFractionDigits,
      minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
      signDisplay: 'negative',
    })
    numberFormats.set(key, format)
  }
  return format
}

/** A formatted number and its unit, joined by a no-break space: "1.234 Personen", "−0,7 %". */
export function withUnit(number: string, unit: string): string {
  return unit ? `${number}${NBSP}${unit}` : number
}

/** A number with exactly `digits` decimals: every value of one column or axis reads alike. */
export function formatFixed(locale: Locale, value: number, digits = 1): string {
  return formatNumber(locale, value, digits, digits)
}

/** A percentage (the value is already in percent): "26,0 %" / "26.0 %", with a no-break space. */
export function formatPercent(locale: Locale, percent: number, digits = 1): string {
  return `${formatFixed(locale, percent, digits)}${NBSP}%`
}

/**
 * A signed change: "+1,2", "−0,7", and "±0" where it rounds to zero (no "-0", no "+0"). `unit` is
 * appended after a no-break space.
 */
export function formatSigned(locale: Locale, value: number, digits = 1, unit?: string): string {
  const suffix = unit ? `${NBSP}${unit}` : ''
  const magnitude = formatFixed(locale, Math.abs(value), digits)
  if (formatFixed(locale, 0, digits) === magnitude) return `±${formatNumber(locale, 0)}${suffix}`
  return `${value > 0 ? '+' : MINUS}${magnitude}${suffix}`
}

/** A change in percent with its sign: "+3,5 %", "−0,7 %", "±0 %". */
export function formatChange(locale: Locale, percent: number, digits = 1): string {
  return formatSigned(locale, percent, digits, '%')
}

const POINTS: Record<Locale, string> = { de: 'Pp.', en: 'pp' }

/** A difference of two percentages, in percentage points: "+1,2 Pp." / "−0.4 pp". */
/** A wait in words: "1 Sekunde", "45 seconds", "3 Minuten" (whole seconds below two minutes, else whole minutes). */
export function formatDuration(locale: Locale, seconds: number): string {
  const [amount, unit] = seconds < 120 ? [Math.ceil(seconds), 'second'] : [Math.ceil(seconds / 60), 'minute']
  return new Intl.NumberFormat(BCP47[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(amount)
}

export function formatPercentagePoints(locale: Locale, points: number, digits = 1): string {
  return formatSigned(locale, points, digits, POINTS[locale])
}

/** A range of two numbers with an en dash between spaces, so "−3,6 – −0,1" never reads "-3,6–-0". */
export function formatRange(locale: Locale, lower: number, upper: number, digits = 1): string {
  return `${formatFixed(locale, lower, digits)}${NBSP}– ${formatFixed(locale, upper, digits)}`
}

/**
 * A value rounded as a page shows it, for downloads (CSV, XLSX): `digits` decimals, no "-0". Full
 * precision belongs in a separate raw column, only where the user asks for it.
 */
export function roundAsShown(value: number, digits: number): number {
  // toFixed rounds the exact binary value as Intl.NumberFormat does, so the download matches the page.
  const rounded = Number(Math.abs(value).toFixed(digits))
  return rounded === 0 ? 0 : Math.sign(value) * rounded
}

/** The plural category of `count` in the language ("one", "other"), for "1 Stimme" / "2 Stimmen". */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(BCP47[locale]).select(count)
}

/**
 * Picks the form for `count` (`one` or `other`, both catalogue texts with `{count}`) and fills in the
 * formatted count: "1 Stimme", "2 Stimmen", "1.200 Stimmen".
 */
export function formatCount(
  locale: Locale,
  count: number,
  forms: { one: string; other: string },
  params: MessageParams = {},
): string {
  const form = pluralCategory(locale, count) === 'one' ? forms.one : forms.other
  return interpolate(form, { ...params, count: formatNumber(locale, count, 0) })
}

/** "A, B und C" / "A, B, and C": a list joined the way the language joins it. */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(BCP47[locale], { style: 'long', type: 'conjunction' }).format(items)
}

/** "2026-03" → "03/2026" for axis labels, where long month names collide. */
export function formatPeriodShort(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period)
  return match ? `${match[2]}/${match[1]}` : period
}

/** "2026-03" → "März 2026" / "March 2026"; "2024" stays "2024". */
export function formatPeriod(locale: Locale, period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period)
  if (!match) return period
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
  return new Intl.DateTimeFormat(BCP47[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  )
}

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** Euros, short for large amounts: "1,2 Mio. €" / "€1.2M", "140.000 €" below a million. */
export function formatEuros(locale: Locale, value: number): string {
  const isLarge = Math.abs(value) >= 1_000_000
  const text = new Intl.NumberFormat(BCP47[locale], {
    style: 'currency',
    currency: 'EUR',
    notation: isLarge ? 'compact' : 'standard',
    maximumFractionDigits: isLarge ? 1 : 0,
    signDisplay: 'negative',
  }).format(value)
  // The true minus sign, as for every other number ("−5,3 Mio. €", "−€5.3m").
  return text.replace('-', MINUS)
}
