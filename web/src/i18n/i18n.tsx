/**
 * The language of the UI: German by default, English on request. The choice is kept in localStorage
 * and mirrored to <html lang>, so screen readers pronounce the texts correctly.
 *
 * Texts come in parts so that a page loads only the texts it uses. The core table (messages.ts: shell,
 * navigation, states, errors, every page outside benchlearning) is a chunk per language like every
 * part (messages.ts, messages-en.ts), fetched in the reader's language before the first render, so an
 * English reader never loads the German table. A feature's own texts are a
 * part made with `defineTexts` (benchlearning-texts.ts): one chunk per language, fetched in the chosen
 * language when a page that calls `useTexts(part)` is shown. Until it is there the page suspends (its
 * <Suspense> shows the loading state), so raw keys never flash; a language switch fetches the parts on
 * screen before switching. `t()` takes every key of every part (`MessageKey`), so the type checker still
 * catches a missing text; translate.test.ts checks each part's English against its German.
 *
 * Until the core of a language is there the UI stays in the language it is in (or, on the first render,
 * shows nothing for the few milliseconds it takes). If English cannot be fetched (offline) the UI stays German;
 * a feature part's German texts stand in for its English ones.
 */
import {
  createContext,
  use,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { MessageKey } from './messages'
import { interpolate, isLocale, type Locale, type MessageParams } from './translate'
import { setUiLanguage } from '../api/client'

export interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: (key: MessageKey, params?: MessageParams) => string
}

type Table = Record<string, string>

/** One part of the texts: a loader per language (see `defineTexts`). */
export interface Texts {
  load: Record<Locale, () => Promise<Table>>
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

const coreTexts: Texts = {
  load: {
    de: () => import('./messages').then((module) => module.de),
    en: () => import('./messages-en').then((module) => module.en),
  },
}

/** The texts per locale, every part fetched so far merged into one table. */
const tables: Record<Locale, Table> = { de: {}, en: {} }
/** The parts whose texts are in `tables` (for English also: given up on, German stands in). */
const settled: Record<Locale, Set<Texts>> = { de: new Set(), en: new Set() }
const fetches: Record<Locale, Map<Texts, Promise<void>>> = { de: new Map(), en: new Map() }
/** The feature parts on screen now, with how many components use each. */
const textsInUse = new Map<Texts, number>()

/** Declares a feature's texts, one chunk per language; English must have the same keys as German. */
export function defineTexts<K extends string>(load: {
  de: () => Promise<Record<K, string>>
  en: () => Promise<Record<K, string>>
}): Texts {
  return { load }
}

/** A settled promise that React's `use` reads without suspending (marked as React marks those it tracked). */
const READY: Promise<void> = Object.assign(Promise.resolve(), { status: 'fulfilled', value: undefined })

function isReady(locale: Locale, texts: Texts): boolean {
  return settled[locale].has(texts)
}

/**
 * Fetches a part in a language once: the same promise for every caller, as React's `use` needs. A
 * feature part whose English fails falls back to its German; German failing fails like a page chunk.
 */
function fetchTexts(locale: Locale, texts: Texts): Promise<void> {
  let fetching = fetches[locale].get(texts)
  if (!fetching) {
    fetching = texts.load[locale]().then(
      (table) => {
        Object.assign(tables[locale], table)
        settled[locale].add(texts)
      },
      async (error: unknown) => {
        fetches[locale].delete(texts)
        if (locale === 'de' || texts === coreTexts) throw error
        await fetchTexts('de', texts)
        settled.en.add(texts)
      },
    )
    fetches[locale].set(texts, fetching)
  }
  return fetching
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState<Locale>(initialLocale)
  const [current, setCurrent] = useState<Locale | null>(() => (isReady(wanted, coreTexts) ? wanted : null))
  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered then; the switch still works for this visit.
    }
    const parts = [coreTexts, ...textsInUse.keys()].filter((texts) => !isReady(next, texts))
    void Promise.allSettled(parts.map((texts) => fetchTexts(next, texts)))
      // Without English's core (offline) the UI is German: fetch that if nothing is shown yet.
      .then(() => (isReady(next, coreTexts) ? undefined : fetchTexts('de', coreTexts).catch(() => undefined)))
      .then(() =>
        // Without the core (offline) stay in the current language.
        setCurrent((shown) => (isReady(next, coreTexts) ? next : (shown ?? 'de'))),
      )
  }, [])
  useEffect(() => {
    if (current === null) setLocale(wanted)
  }, [current, wanted, setLocale])
  const locale = current ?? 'de'
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  // Before children render: their requests and server errors then use this language.
  setUiLanguage(locale)
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      // A part not fetched yet is never shown (useTexts suspends); the key is the last resort for a bug.
      t: (key, params) => interpolate(tables[locale][key] ?? tables.de[key] ?? key, params),
    }),
    [locale, setLocale],
  )
  if (current === null) return null
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

/**
 * Makes a feature's texts available to the calling page: suspends until they are fetched in the current
 * language, and has a language switch fetch them before switching while the page is shown.
 */
export function useTexts(texts: Texts): void {
  const { locale } = useI18n()
  useEffect(() => {
    textsInUse.set(texts, (textsInUse.get(texts) ?? 0) + 1)
    return () => {
      const count = (textsInUse.get(texts) ?? 1) - 1
      if (count > 0) textsInUse.set(texts, count)
      else textsInUse.delete(texts)
    }
  }, [texts])
  // `use` is called on every render, never conditionally: a component that suspended in `use` is
  // replayed when the texts arrive, and a replay that does not call `use` again runs under React's
  // update dispatcher and fails ("Update hook called on initial render", React errors #467/#520).
  use(isReady(locale, texts) ? READY : fetchTexts(locale, texts))
}
