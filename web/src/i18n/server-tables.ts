/**
 * The server catalogue (src/core/messages) as the web UI loads it: one table per language, without the
 * command line's own texts (`cli.*`), which the UI never shows. vite.config.ts writes these tables into
 * the chunks messages-server.ts and messages-server-en.ts at build time, so a reader fetches one
 * language of them and only when a server text is shown (see server-texts.tsx); the modules on disk
 * compute the same tables at run time (unit tests, type checking).
 */
import { SERVER_MESSAGES } from '../../../src/core/messages/catalogue'
import type { Locale } from './translate'

export function serverTable(
  locale: Locale,
  keep: (key: string) => boolean = isShownByWeb,
): Record<string, string> {
  const table: Record<string, string> = {}
  for (const [key, texts] of Object.entries(SERVER_MESSAGES)) if (keep(key)) table[key] = texts[locale]
  return table
}

export function isShownByWeb(key: string): boolean {
  return !key.startsWith('cli.')
}

/**
 * The server texts pages show on mount, not only on an error or with a note: the anonymous author of a
 * practice (every practice list) and the demo network's batch name (/data). In the entry, both languages.
 */
export const LABEL_KEYS: readonly string[] = ['practice.authorOfNetwork', 'demo.networkName']

/** The generated source of a module `export const <name> = <table>` (vite.config.ts). */
export function tableModule(name: string, table: unknown): string {
  return `export const ${name} = ${JSON.stringify(table)}\n`
}
