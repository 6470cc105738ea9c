/** The server's texts in English for the web UI; replaced by the table itself at build (vite.config.ts). */
import { serverTable } from './server-tables'

export const en: Record<string, string> = serverTable('en')
