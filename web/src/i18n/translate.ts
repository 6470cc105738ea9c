/**
 * The tiny i18n core: messages are flat objects keyed by id, German is the reference language and
 * English must have exactly the same keys (the type checker enforces it). Placeholders are `{name}`.
 */
export const LOCALES = ['de', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export type { MessageParams } from '../../../src/core/format/format'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Picks the field of a bilingual pair (`nameDe`/`nameEn`, `{ de, en }`) for the locale. */
export function pick<T>(locale: Locale, pair: { de: T; en: T }): T {
  return locale === 'en' ? pair.en : pair.de
}

// Numbers, changes, periods and dates are formatted by one module shared with the server's
// reports (src/core/format), so a value reads the same on a page and in a council report.
export {
  interpolate,
  formatChange,
  formatCount,
  formatDate,
  formatDateTime,
  formatFixed,
  formatNumber,
  formatPercent,
  formatPercentagePoints,
  formatPeriod,
  formatPeriodShort,
  formatRange,
  formatSigned,
  roundAsShown,
  withUnit,
} from '../../../src/core/format/format'
