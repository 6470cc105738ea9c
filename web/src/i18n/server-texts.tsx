/**
 * The server's texts (errors, notes, reasons sent as catalogue key + parameters) rendered in the UI
 * language. Their tables are a part of the texts (see i18n.tsx) fetched only when a server text is
 * shown: a component that shows one calls `useServerTexts()` (or renders `<ServerText>`) and suspends
 * until the table of the current language is there; code outside rendering (an action's catch) awaits
 * `loadServerTexts` first. Organisation labels need one text on mount everywhere: it is in the entry
 * (server-labels.ts), both languages.
 */
import { Suspense } from 'react'
import { renderTemplate } from '../../../src/core/messages/render'
import { defineTexts, useI18n, useTexts } from './i18n'
import { labelTexts } from './server-labels'
import type { Locale } from './translate'

type Table = Record<string, string>
export interface SentText {
  message: string
  key?: string
  params?: Record<string, string | number>
}

const tables: Partial<Record<Locale, Table>> = {}

/** The server tables as a part of the texts; i18n.tsx merges nothing of them into the UI's table. */
export const serverTexts = defineTexts({
  de: () => loadServerTexts('de').then(() => ({})),
  en: () => loadServerTexts('en').then(() => ({})),
})

/** Fetches the server texts of a language (once; a second call returns the same table). */
export async function loadServerTexts(locale: Locale): Promise<void> {
  if (tables[locale]) return
  tables[locale] =
    locale === 'de' ? (await import('./messages-server')).de : (await import('./messages-server-en')).en
}

function lookUp(locale: Locale, key: string): string | undefined {
  // Without English (offline) the German table stands in, as for every part of the texts.
  return tables[locale]?.[key] ?? labelTexts[locale][key] ?? tables.de?.[key]
}

/**
 * A server text in the reader's language where its key is known, else the text as sent. Call it where
 * the tables are there (under `useServerTexts`, after `loadServerTexts`); before that a key outside the
 * labels also shows the text as sent.
 */
export function renderSent(locale: Locale, sent: SentText): string {
  const template = sent.key === undefined ? undefined : lookUp(locale, sent.key)
  return template === undefined ? sent.message : renderTemplate(locale, template, sent.params ?? {}, lookUp)
}

/** Has the calling component wait (suspend) until the server texts of the UI language are there. */
export function useServerTexts(): void {
  useTexts(serverTexts)
}

/** One server text, fetched in the UI language when shown; nothing (never a raw key) until then. */
export function ServerText({ sent }: { sent: SentText }) {
  return (
    <Suspense fallback={null}>
      <RenderedText sent={sent} />
    </Suspense>
  )
}

function RenderedText({ sent }: { sent: SentText }) {
  useServerTexts()
  const { locale } = useI18n()
  return <>{renderSent(locale, sent)}</>
}
