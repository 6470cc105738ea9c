import { describe, expect, it } from 'vitest'
import { formatNumber, formatPeriod, interpolate, isLocale, pick } from './translate'
import { de as german } from './messages'
import { de as benchlearningGerman } from './messages-benchlearning'
import { en as benchlearningEnglish } from './messages-benchlearning-en'
import { en as english } from './messages-en'

describe('interpolate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(interpolate('Zeile {row}, Spalte {column}', { row: 12, column: 'wert' })).toBe(
      'Zeile 12, Spalte wert',
    )
    expect(interpolate('Hallo {name}', {})).toBe('Hallo {name}')
    expect(interpolate('ohne')).toBe('ohne')
  })
})

describe('locale helpers', () => {
  it('recognises locales and picks the matching text', () => {
    expect(isLocale('de')).toBe(true)
    expect(isLocale('fr')).toBe(false)
    expect(pick('en', { de: 'Ring', en: 'ring' })).toBe('ring')
  })

  it('formats numbers and periods per locale', () => {
    expect(formatNumber('de', 1234.56)).toBe('1.234,6')
    expect(formatNumber('en', 1234.56)).toBe('1,234.6')
    expect(formatPeriod('de', '2026-03')).toBe('März 2026')
    expect(formatPeriod('en', '2026-03')).toBe('March 2026')
    expect(formatPeriod('de', '2024')).toBe('2024')
  })
})

describe('messages', () => {
  // Every part of the texts: the core table and each feature module (see i18n.tsx).
  const parts: [string, Record<string, string>, Record<string, string>][] = [
    ['core', german, english],
    ['benchlearning', benchlearningGerman, benchlearningEnglish],
  ]

  it.each(parts)('%s: has an English text for every German one, with the same placeholders', (_, de, en) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(de)) {
      expect(en[key], key).toBeTruthy()
      expect(placeholders(en[key]!), key).toEqual(placeholders(text))
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort())
  })

  it('gives every key to exactly one part', () => {
    const keys = parts.flatMap(([, de]) => Object.keys(de))
    expect(keys.length).toBe(new Set(keys).size)
  })
})
