/**
 * Debian's chromium driven by playwright-core (never a downloaded browser), with the flags this
 * closed network needs. Used at run time to print PDFs and by the browser tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { AppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

export function isChromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env))
}

/** A fresh persistent context in a temporary profile; the caller closes it. */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath))
    throw new AppError('internal', message('report.noChromium', { path: executablePath }))
  // playwright-core refuses --user-data-dir among the args: a persistent context takes the folder.
  const profile = mkdtempSync(join(tmpdir(), 'benchlearn-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'de-DE',
  })
  context.on('close', () => {
    // Chromium may still be writing into the profile while it exits; a leftover temp folder is harmless.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
    } catch {
      /* left for the OS to clean */
    }
  })
  return context
}

let shared: Promise<BrowserContext> | null = null

/**
 * One browser for the whole process, started on first use: printing a PDF then costs a page,
 * not a browser start. Restarted when it went away.
 */
async function sharedContext(): Promise<BrowserContext> {
  if (!shared) {
    shared = launchChromium()
    shared.then(
      (context) => context.on('close', () => (shared = null)),
      () => (shared = null),
    )
  }
  return shared
}

/** Closes the shared browser (tests and the CLI call this before exiting). */
export async function closeSharedChromium(): Promise<void> {
  const current = shared
  shared = null
  if (current) await (await current).close().catch(() => undefined)
}

export interface PrintPdfOptions {
  html: string
  /** Chromium header/footer templates (classes pageNumber, totalPages, date, title are filled in). */
  headerTemplate?: string
  footerTemplate?: string
  /** Slides: A4 landscape without margins or chromium's header and footer (the slides draw their own). */
  isLandscape?: boolean
}

/**
 * Prints HTML to an A4 PDF, always tagged (a structure tree for screen readers, PDF/UA's first
 * requirement) and with the headings as its outline. The page loads nothing from the network:
 * everything is inline.
 */
export async function printPdf(options: PrintPdfOptions): Promise<Buffer> {
  const context = await sharedContext()
  const page = await context.newPage()
  try {
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    )
    await page.setContent(options.html, { waitUntil: 'load' })
    const isLandscape = options.isLandscape ?? false
    return await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      landscape: isLandscape,
      printBackground: true,
      displayHeaderFooter: !isLandscape,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      margin: isLandscape
        ? { top: '0', bottom: '0', left: '0', right: '0' }
        : { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    })
  } finally {
    await page.close()
  }
}
