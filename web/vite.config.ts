/**
 * Builds the web UI from web/ into dist/web at the repository root, where `benchlearn start` serves
 * it. Every page is a lazy chunk; ECharts is imported only by the chart modules (dynamically), so
 * only chart pages pull it in, split by the bundler into the part every chart needs and the parts
 * of radar and map, and exceljs is imported on the click of an XLSX download only.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // bench/web.ts reads the manifest to add up the JavaScript each route loads.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
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
