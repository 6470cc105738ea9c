/**
 * Server texts as keys with parameters, rendered in the reader's language at the last moment: the
 * server's error mapping (caller's language), the web UI (UI language) and the CLI (German first, or
 * `LANG`). Parameters keep raw values; numbers, dates and periods are formatted here per language by
 * the one formatting module. Placeholders: `{name}` (strings as given, numbers formatted),
 * `{name:date}` (ISO day), `{name:period}` ("2026-03", "2026"), `{name:percent}` (a share as percent),
 * `{name:fixed}` (one decimal), `{name:signed}` (one decimal with a true sign, never "-0"),
 * `{name:points}` (signed percentage points), `{name:euros}`, `{name:text}` (another catalogue text,
 * named by its key), `{name:meetingStatus}` (a meeting's status by its name in the language), and
 * plurals `{name|# Stimme|# Stimmen}` (the form by the language's plural rule, `#` the formatted count).
 */
import type { Locale } from '../format/format'
import { SERVER_MESSAGES } from './catalogue'
import { renderTemplate, type ParamValue, type TextLookup } from './render'
import type { Message, ServerMessageKey } from './message'
import { setErrorTextRenderer, type AppError } from '../errors/app-error'

export {
  message,
  type ArgsOf,
  type Message,
  type ParameterlessKey,
  type ParamsOf,
  type ParamValue,
  type ServerMessageKey,
} from './message'

export function isServerMessageKey(key: unknown): key is ServerMessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(SERVER_MESSAGES, key)
}

/** A catalogue text by key in a language, for `{name:text}` and `{name:status}` placeholders. */
const lookUp: TextLookup = (locale, key) =>
  isServerMessageKey(key) ? SERVER_MESSAGES[key][locale] : undefined

/** The text of a key in a language; an unknown placeholder stays visible so a missing value is noticed. */
export function text(locale: Locale, key: ServerMessageKey, params: Record<string, ParamValue> = {}): string {
  return fillTemplate(locale, SERVER_MESSAGES[key][locale], params)
}

/** Fills a catalogue template's placeholders and plurals with raw parameters, formatted for the language. */
export function fillTemplate(locale: Locale, template: string, params: Record<string, ParamValue>): string {
  return renderTemplate(locale, template, params, lookUp)
}

/** A message as sent to clients: English text with the key and raw parameters to render it again. */
export function toSent(m: Message): { message: string; key: string; params: Record<string, ParamValue> } {
  return { message: render('en', m), key: m.key, params: m.params }
}

/** Renders a message in a language. */
export function render(locale: Locale, m: Message): string {
  return text(locale, m.key, m.params)
}

/**
 * A server text sent as key + params (maybe from an older server or an unknown key): the text in the
 * reader's language where the key is known, else the text as sent.
 */
export function renderSent(
  locale: Locale,
  sent: { message: string; key?: string; params?: Record<string, ParamValue> },
): string {
  return isServerMessageKey(sent.key) ? text(locale, sent.key, sent.params ?? {}) : sent.message
}

/** The language of a request: the signed-in user's setting, else Accept-Language, else German. */
export function pickLocale(userLocale: Locale | undefined, acceptLanguage: string | undefined): Locale {
  if (userLocale) return userLocale
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag = '', ...rest] = part.trim().split(';')
        const q = rest.map((r) => /^\s*q=([\d.]+)/.exec(r)?.[1]).find((v) => v !== undefined)
        return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index }
      })
      .filter((p) => p.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index)
    for (const { tag } of ranked) {
      if (tag.startsWith('de')) return 'de'
      if (tag.startsWith('en')) return 'en'
    }
  }
  return 'de'
}

/** The CLI's language: German first, English where `LANG`/`LC_ALL`/`LC_MESSAGES` asks for it. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en/i.test(lang) ? 'en' : 'de'
}

// Errors carry their English text for logs (core/errors/app-error.ts, which does not import the catalogue).
setErrorTextRenderer((m) => render('en', m))

/**
 * An error's text as parameters of another message (`{reason:inLanguage}`): its English text and
 * its German one, so the outer message reads in one language either way.
 */
export function reasonOf(error: AppError): { reason: string; reasonDe: string } {
  return bothLanguages({ key: error.key as ServerMessageKey, params: error.params })
}

/** A message as `reason` (English) and `reasonDe` (German), for a `{reason:inLanguage}` placeholder. */
export function bothLanguages(reason: Message): { reason: string; reasonDe: string } {
  return { reason: render('en', reason), reasonDe: render('de', reason) }
}
