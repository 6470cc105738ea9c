/**
 * The language of the UI: German by default, English on request. The choice is kept in localStorage
 * and mirrored to <html lang>, so screen readers pronounce the texts correctly. The English texts are
 * a chunk of their own, fetched when first chosen; until they are there the UI stays in the language
 * it is in (or, on a first visit in English, shows nothing for the few milliseconds it takes).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { de, type MessageKey, type Messages } from './messages'
import { interpolate, isLocale, type Locale, type MessageParams } from './translate'

export interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, params?: MessageParams) => string
}

const STORAGE_KEY = 'benchlearn.locale'

const I18nContext = createContext<I18n | null>(null)

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (isLocale(stored)) return stored
  } catch {
    // Storage can be blocked; German is the default.
  }
  return 'de'
}

const loaded: Partial<Record<Locale, Messages>> = { de }

async function loadMessages(locale: Locale): Promise<Messages> {
  const known = loaded[locale]
  if (known) return known
  const { en } = await import('./messages-en')
  loaded.en = en
  return en
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState<Locale>(initialLocale)
  const [current, setCurrent] = useState<{ locale: Locale; messages: Messages } | null>(() => {
    const messages = loaded[wanted]
    return messages ? { locale: wanted, messages } : null
  })
  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered then; the switch still works for this visit.
    }
    loadMessages(next).then(
      (messages) => setCurrent({ locale: next, messages }),
      // The chunk could not be fetched (offline): stay in the current language.
      () => setCurrent((shown) => shown ?? { locale: 'de', messages: de }),
    )
  }, [])
  useEffect(() => {
    if (current === null) setLocale(wanted)
  }, [current, wanted, setLocale])
  const locale = current?.locale ?? 'de'
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => interpolate((current?.messages ?? de)[key], params),
    }),
    [locale, current, setLocale],
  )
  if (current === null) return null
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
