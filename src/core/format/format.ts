/**
 * The one formatting module for numbers, changes, periods and dates in German and English: the web
 * UI (web/src/i18n/translate.ts re-exports it) and the server's reports use the same functions.
 */
export type Locale = 'de' | 'en'

export type MessageParams = Record<string, string | number>

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

const BCP47: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(BCP47[locale], { maximumFractionDigits }).format(value)
}

/** A change in percent with its sign; values that round to zero read "±0". */
export function formatChange(locale: Locale, percent: number, digits = 1): string {
  const rounded = Number(percent.toFixed(digits))
  if (rounded === 0) return `±${formatNumber(locale, 0)} %`
  return `${rounded > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(rounded), digits)} %`
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
  return new Intl.NumberFormat(BCP47[locale], {
    style: 'currency',
    currency: 'EUR',
    notation: isLarge ? 'compact' : 'standard',
    maximumFractionDigits: isLarge ? 1 : 0,
  }).format(value)
}

/**
 * A number with exactly `digits` decimals and a true minus sign ("−1,9", never "-1,9"); values that
 * round to zero read "0,0", never "−0,0".
 */
export function formatFixed(locale: Locale, value: number, digits = 1): string {
  const text = new Intl.NumberFormat(BCP47[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'negative',
  }).format(value)
  return text.replace('-', '−')
}
