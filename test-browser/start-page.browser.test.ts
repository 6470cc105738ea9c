import type { FastifyInstance } from 'fastify'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Database } from '../src/db/connect'
import { buildApp } from '../src/server/app'
import { createTestDatabase } from '../src/test/database'
import { createJobcentre, seedReferenceData } from '../src/test/factories'
import { insertNetwork } from '../src/features/networks/network.repository'
import { WEB_ROOT } from '../src/cli/commands/start'
import { launchBrowser, screenshot } from './browser'

let database: Database
let app: FastifyInstance
let browser: BrowserContext
let url: string

beforeAll(async () => {
  database = await createTestDatabase(inject('testTemplate'))
  await seedReferenceData(database.db)
  await createJobcentre(database.db, {
    ags5: '06435',
    name: 'Kommunales Center für Arbeit Main-Kinzig-Kreis',
  })
  await insertNetwork(database.db, { name: 'Benchlearning (Demo)', isDemo: true })
  app = await buildApp({ database, webRoot: WEB_ROOT })
  url = await app.listen({ port: 0, host: '127.0.0.1' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await database?.close()
})

describe('start page', () => {
  it('shows the platform, the demo label and the API links', async () => {
    const page = await browser.newPage()
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect(page.title()).resolves.toMatch(/benchlearn/)
    const text = await page.locator('body').innerText()
    expect(text).toMatch(/benchlearn/)
    await screenshot(page, 'start')
    const health = await page.goto(`${url}/api/health`)
    expect(await health?.json()).toMatchObject({ status: 'ok', isDemo: true })
  })
})
