/** Display names for codes the API sends (Länder, units, breakdowns, statuses). */
import { LAND_NAMES } from '../../../src/core/keys/ags'
import type { Locale } from '../i18n/translate'
import { renderSent } from '../i18n/server-texts'

/** An organisation as the server labelled it; the anonymous label in the reader's language. */
export function organisationName(locale: Locale, organisation: { name: string; key?: string }): string {
  return renderSent(locale, { message: organisation.name, key: organisation.key })
}

/** Land names stay German in both languages: they are proper names. */
export function landName(code: string | null): string {
  return code ? (LAND_NAMES[code] ?? code) : '–'
}

const UNITS: Record<string, { de: string; en: string }> = {
  persons: { de: 'Personen', en: 'persons' },
  EUR: { de: 'Euro', en: 'euro' },
  '%': { de: '%', en: '%' },
  '1000 EUR': { de: 'Tsd. Euro', en: 'thousand euro' },
  'inhabitants/km²': { de: 'Einw./km²', en: 'inhabitants/km²' },
  'overnight stays per inhabitant': { de: 'Übernachtungen je Einw.', en: 'overnight stays per inhabitant' },
  'type 1–4': { de: 'Typ 1–4', en: 'type 1–4' },
}

export function unitLabel(locale: Locale, unit: string): string {
  return UNITS[unit]?.[locale] ?? unit
}

const BREAKDOWNS: Record<string, { de: string; en: string }> = {
  total: { de: 'insgesamt', en: 'total' },
  women: { de: 'Frauen', en: 'women' },
  men: { de: 'Männer', en: 'men' },
}

export function breakdownLabel(locale: Locale, breakdown: string): string {
  return BREAKDOWNS[breakdown]?.[locale] ?? breakdown
}
