/**
 * Builds the web UI from web/ into dist/web at the repository root, where `benchlearn start` serves
 * it. Every page is a lazy chunk; ECharts is imported only by the chart modules (dynamically), so
 * only chart pages pull it in, split by the bundler into the part every chart needs and the parts
 * of radar and map, and exceljs is imported on the click of an XLSX download only. The server's texts
 * are written into their chunks as plain tables, one language each and without the CLI's texts (see
 * web/src/i18n/server-tables.ts), instead of bundling the whole two-language catalogue.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { LABEL_KEYS, serverTable, tableModule } from './src/i18n/server-tables'

const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url))
const CORE_DIR = fileURLToPath(new URL('../src/core/', import.meta.url))

/** The modules of server texts, generated: file in web/src/i18n → its source. */
const GENERATED: Record<string, () => string> = {
  'messages-server.ts': () => tableModule('de', serverTable('de')),
  'messages-server-en.ts': () => tableModule('en', serverTable('en')),
  'server-labels.ts': () => {
    const keep = (key: string) => LABEL_KEYS.includes(key)
    return tableModule('labelTexts', { de: serverTable('de', keep), en: serverTable('en', keep) })
  },
}

function serverTexts(): Plugin {
  const dir = fileURLToPath(new URL('./src/i18n/', import.meta.url))
  return {
    name: 'benchlearn-server-texts',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]!
      if (!path.startsWith(dir)) return null
      return GENERATED[path.slice(dir.length)]?.() ?? null
    },
  }
}

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [serverTexts(), react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // bench/web.ts reads the manifest to add up the JavaScript each route loads.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      // The shared core (src/core) has no module side effects: a page that uses one constant of a
      // module (ROLE_LABELS) does not pull in what the module's other exports need, and text.ts's
      // one registration (AppError's English text for logs) is left out with the catalogue.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(CORE_DIR) },
      output: {
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `benchlearn start` on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
