/** The server's texts in German for the web UI; replaced by the table itself at build (vite.config.ts). */
import { serverTable } from './server-tables'

export const de: Record<string, string> = serverTable('de')
