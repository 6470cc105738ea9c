/**
 * The few server texts pages show on mount (LABEL_KEYS), both languages, in the entry; replaced by the table itself at build (vite.config.ts).
 */
import { LABEL_KEYS, serverTable } from './server-tables'

const keep = (key: string) => LABEL_KEYS.includes(key)
export const labelTexts: Record<'de' | 'en', Record<string, string>> = {
  de: serverTable('de', keep),
  en: serverTable('en', keep),
}
