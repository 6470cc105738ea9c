/**
 * Starts Debian's chromium through playwright-core (never a downloaded browser) with the flags this
 * closed network needs, and serves a benchlearn app on a loopback port for the test.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../src/features/reports/chromium'

export const SCREENSHOT_DIR = join(import.meta.dirname, '../test-results/screenshots')

export async function launchBrowser(): Promise<BrowserContext> {
  return launchChromium({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
