/**
 * Starts Debian's chromium through playwright-core (never a downloaded browser) with the flags this
 * closed network needs, and serves a benchlearn app on a loopback port for the test.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../src/features/reports/chromium'

export const SCREENSHOT_DIR = join(import.meta.dirname, '../test-results/screenshots')

/**
 * The browser of a test file. Every page's Content-Security-Policy violations (chromium reports them
 * on the console) are collected, and closing the browser fails the test file when there were any: the
 * server's policy must hold for everything the UI does in the tests.
 */
export async function launchBrowser(): Promise<BrowserContext> {
  const context = await launchChromium({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
  const violations: string[] = []
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      violations.push(`${message.page()?.url()}: ${message.text()}`)
  })
  const close = context.close.bind(context)
  context.close = async (options) => {
    await close(options)
    if (violations.length > 0)
      throw new Error(`the pages broke the Content-Security-Policy:\n${[...new Set(violations)].join('\n')}`)
  }
  return context
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Saves the first `pages` pages of a PDF as PNGs (pdftoppm from poppler-utils), named `<name>-<n>.png`. */
export function screenshotPdf(pdfPath: string, pages: number, name: string): void {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    String(pages),
    pdfPath,
    join(SCREENSHOT_DIR, name),
  ])
}
