/**
 * A real server with the demo network and its key figures computed (as `benchlearn start` does), the
 * built UI and Debian's chromium, plus the small helpers the key-figure and administration tests
 * share.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import { latestCompleteMonth } from '../src/core/periods/period'
import type { Database } from '../src/db/connect'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { createDemoNetwork } from '../src/features/demo/create-demo-network'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { buildApp } from '../src/server/app'
import { createTestDatabase } from '../src/test/database'
import { seedReferenceData } from '../src/test/factories'
import { findSeriousViolations } from './axe'
import { launchBrowser } from './browser'

export interface DemoApp {
  database: Database
  app: FastifyInstance
  browser: BrowserContext
  url: string
  close(): Promise<void>
}

export async function startDemoApp(): Promise<DemoApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error('build the UI first: npm run build:web')
  const database = await createTestDatabase(inject('testTemplate'))
  await seedReferenceData(database.db)
  await createDemoNetwork(database, { lastMonth: latestCompleteMonth(new Date()) })
  await computeKeyFigures(database)
  const app = await buildApp({ database, webRoot: WEB_ROOT })
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  const browser = await launchBrowser()
  return {
    database,
    app,
    browser,
    url,
    async close() {
      await browser.close()
      await app.close()
      await database.close()
    },
  }
}

export function demoAccount(role: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)
  if (!account) throw new Error(`no demo account for ${role}`)
  return account
}

/** Signs in through the form on a fresh page; page errors fail the test. */
export async function signInAs(demo: DemoApp, role: string): Promise<Page> {
  await demo.browser.clearCookies()
  const page = await demo.browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${demo.url}/`)
  await page.getByLabel('E-Mail-Adresse').fill(demoAccount(role).email)
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD)
  await page.getByLabel('Passwort').press('Enter')
  await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
  expect(errors).toEqual([])
  return page
}

/** Waits until no loading state is left on the page (data, lazy pages and charts). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('.state-loading, .echart-overlay') &&
      document.querySelector('main h1') !== null,
    undefined,
    { timeout: 30_000 },
  )
}

export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await findSeriousViolations(page), `axe on ${name}`).toEqual([])
}
