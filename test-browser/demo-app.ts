/**
 * A real server with the demo network and its key figures computed (as `benchlearn start` does), the
 * built UI and Debian's chromium, plus the small helpers the key-figure and administration tests
 * share.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import type { Database } from '../src/db/connect'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import type { SingleSignOnSettings } from '../src/features/single-sign-on/sso-settings'
import { findSeriousViolations } from './axe'
import { startSmallWorld, type SmallWorld } from './small-world'

export type DemoApp = SmallWorld

const ROOT = join(import.meta.dirname, '..')

/** Builds the UI when it is missing: `npm ci` builds it (prepare), a fresh checkout without it here. */
export function buildUiIfMissing(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`)
}

/**
 * Starts the demo app. `keyFigures: false` leaves the key figures uncomputed; `prepare` adds to the
 * demo data before the server starts; `webRoot` serves another copy of the built UI.
 */
export async function startDemoApp(
  options: {
    keyFigures?: boolean
    prepare?: (database: Database) => Promise<void>
    webRoot?: string
    /** Sign-in with providers; its publicUrl may be set once the app's URL is known. */
    singleSignOn?: SingleSignOnSettings
  } = {},
): Promise<DemoApp> {
  return startSmallWorld({
    // The demo network, generated once per run by the global setup (test-browser/global-setup.ts).
    snapshot: inject('demoSnapshot'),
    prepare: async (database) => {
      if (options.keyFigures ?? true) await computeKeyFigures(database)
      await options.prepare?.(database)
    },
    app: {
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      ...(options.singleSignOn ? { singleSignOn: options.singleSignOn } : {}),
    },
  })
}

export function demoAccount(role: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)
  if (!account) throw new Error(`no demo account for ${role}`)
  return account
}

/** Fills in the sign-in form on `page` with an address and a password and sends it. */
export async function fillCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email)
  await page.getByLabel('Passwort', { exact: true }).fill(password)
  await page.getByLabel('Passwort', { exact: true }).press('Enter')
}

/** Fills in the sign-in form on `page` as the demo account of `role` and sends it. */
export async function fillSignInForm(page: Page, role: string): Promise<void> {
  await fillCredentials(page, demoAccount(role).email, DEMO_PASSWORD)
}

/**
 * Signs in through the form on a fresh page; page errors fail the test. Without `next` the start page
 * follows; with it the sign-in form is opened for `next.path`, whose heading is awaited and which is
 * left settled.
 */
export async function signInAs(
  demo: DemoApp,
  role: string,
  next?: { path: string; heading: string },
): Promise<Page> {
  // A test that failed before signing out must not leave its session to the next one.
  await demo.browser.clearCookies()
  const page = await demo.browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(next ? `${demo.url}/sign-in?next=${encodeURIComponent(next.path)}` : `${demo.url}/`)
  await fillSignInForm(page, role)
  await page.getByRole('heading', { level: 1, name: next?.heading ?? /Willkommen|Übersicht/ }).waitFor()
  if (next) await settle(page, 60_000)
  expect(errors).toEqual([])
  return page
}

/** Waits until no loading state is left on the page (data, lazy pages and charts). */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('.state-loading, .echart-overlay') &&
      document.querySelector('main h1') !== null,
    undefined,
    { timeout },
  )
}

export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await findSeriousViolations(page), `axe on ${name}`).toEqual([])
}
