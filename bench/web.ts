/**
 * JavaScript each route of the web UI loads, gzipped, from the Vite build manifest: the entry with
 * its static imports, the route's page chunk with its static imports, and the dynamic imports that
 * run when the page mounts (ECharts on chart pages). Chunks loaded only on a click (the XLSX writer)
 * are reported on their own. Texts are counted per language: the core table is a chunk per language
 * (messages.ts, messages-en.ts) fetched before the first render; a feature's tables (benchlearning) are one chunk per
 * language that the routes using them fetch. Each route is measured in English and the German size is in
 * the note; the target must be met in both. The server's texts (messages-server*.ts) are fetched only when a
 * server text is shown (an error, a note, a reason): they are reported on their own with that
 * condition, and counted with the routes that show one on every mount (SERVER_TEXTS_ON_MOUNT).
 * Target from issue 5: ≤ 300 kB per route.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchResult } from './types'

const ROOT = join(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist/web')
const TARGET_KB = 300

/** Imported only when someone clicks: never part of a route's load. */
const ON_CLICK = new Map([
  ['src/components/xlsx-export.ts', 'only when an XLSX download is clicked'],
  [
    'src/components/benchlearning/cycle-manager.tsx',
    'only when a moderator or administrator opens "Manage cycles" on /self-assessment',
  ],
])
/** The server's texts: fetched only when an error, note or reason from the server is shown. */
const ON_SHOW = new Map([
  ['src/i18n/messages-server.ts', 'only when a server text (error, note, reason) is shown, in German'],
  ['src/i18n/messages-server-en.ts', 'only when a server text (error, note, reason) is shown, in English'],
])
/** Pages that show a server text on every mount (/topics: the voting rule): counted with the route. */
const SERVER_TEXTS_ON_MOUNT = new Set(['src/pages/topics-page.tsx'])
/** The language of a chunk of texts (messages-en.ts, messages-<feature>.ts, messages-<feature>-en.ts). */
function languageOfTexts(key: string): 'de' | 'en' | undefined {
  if (!/^src\/i18n\/messages(-[\w-]+)?\.ts$/.test(key)) return undefined
  return key.endsWith('-en.ts') ? 'en' : 'de'
}

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/** Page file → the address it serves (web/src/app/routes.ts). */
const ROUTE_OF_PAGE: Record<string, string> = {
  'start-page': '/',
  'compare-page': '/compare',
  'figure-page': '/figures, /figures/:code',
  'admin-page': '/admin',
  'catalogue-page': '/catalogue',
  'organisations-page': '/organisations',
  'organisation-page': '/organisations/:id',
  'rings-page': '/rings',
  'data-page': '/data',
  'sign-in-page': '/sign-in',
  'meetings-page': '/meetings',
  'meeting-page': '/meetings/:id',
  'topics-page': '/topics',
  'practices-page': '/practices',
  'practice-page': '/practices/:id',
  'practice-edit-page': '/practices/new, /practices/:id/edit',
  'self-assessment-page': '/self-assessment',
}

/**
 * The files a route loads: entry and page closures, following mount-time dynamic imports; the chunks of
 * texts those fetch are listed per language.
 */
export function filesOfRoute(
  manifest: Manifest,
  pageKey: string,
): { files: Set<string>; texts: Record<'de' | 'en', Set<string>> } {
  const files = new Set<string>()
  const texts = { de: new Set<string>(), en: new Set<string>() }
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) return
    files.add(chunk.file)
    for (const next of chunk.imports ?? []) visit(next)
    for (const next of chunk.dynamicImports ?? []) {
      const file = manifest[next]?.file
      const language = languageOfTexts(next)
      if (ON_SHOW.has(next) && !SERVER_TEXTS_ON_MOUNT.has(pageKey)) continue
      if (language) {
        if (file) texts[language].add(file)
      } else if (!chunk.isEntry && !ON_CLICK.has(next) && !next.startsWith('src/pages/')) {
        // Dynamic imports of the entry are the other pages; those of shared chunks run on mount.
        visit(next)
      }
    }
  }
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)
  if (entry) visit(entry)
  visit(pageKey)
  return { files, texts }
}

function gzippedKb(file: string): number {
  return gzipSync(readFileSync(join(DIST, file))).length / 1024
}

export async function bench(): Promise<BenchResult[]> {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`)
  const manifestPath = join(DIST, '.vite/manifest.json')
  if (!existsSync(manifestPath)) throw new Error('dist/web/.vite/manifest.json is missing (build.manifest)')
  const manifest: Manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const results: BenchResult[] = []
  for (const core of ['src/i18n/messages.ts', 'src/i18n/messages-en.ts'])
    if (!manifest[core]) throw new Error(`${core} is not a chunk of its own in the build`)
  const pages = Object.keys(manifest)
    .filter((key) => key.startsWith('src/pages/'))
    .sort()
  for (const key of pages) {
    const page = key.replace(/^src\/pages\//, '').replace(/\.tsx?$/, '')
    const { files, texts } = filesOfRoute(manifest, key)
    const sharedKb = [...files].reduce((sum, file) => sum + gzippedKb(file), 0)
    const germanKb = [...texts.de].reduce((sum, file) => sum + gzippedKb(file), sharedKb)
    const kb = [...texts.en].reduce((sum, file) => sum + gzippedKb(file), sharedKb)
    const hasCharts = [...files].some((file) => /echarts-(map-|radar-)?setup/.test(file))
    results.push({
      name: `JS of route ${ROUTE_OF_PAGE[page] ?? page} (${page}, gzip, in English, ${files.size + texts.en.size} files)`,
      value: Math.round(kb * 10) / 10,
      unit: 'kB',
      target: `≤ ${TARGET_KB} kB`,
      // Both languages must meet the target.
      isMet: Math.max(kb, germanKb) <= TARGET_KB,
      note: `${germanKb.toFixed(1)} kB in German; ${hasCharts ? 'with ECharts' : 'no ECharts'}`,
    })
  }
  for (const [key, note] of ON_SHOW) {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not a chunk of its own in the build`)
    results.push({
      name: `JS loaded when shown: ${key.replace(/^src\//, '')} (gzip)`,
      value: Math.round(gzippedKb(chunk.file) * 10) / 10,
      unit: 'kB',
      note,
    })
  }
  for (const [key, note] of ON_CLICK) {
    const chunk = manifest[key]
    if (!chunk) continue
    results.push({
      name: `JS loaded on click: ${key.replace(/^src\//, '')} (gzip)`,
      value: Math.round(gzippedKb(chunk.file) * 10) / 10,
      unit: 'kB',
      note,
    })
  }
  return results
}
