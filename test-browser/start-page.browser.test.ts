import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre } from '../src/test/factories'
import { insertNetwork } from '../src/features/networks/network.repository'
import { screenshot } from './browser'
import { startSmallWorld, type SmallWorld } from './small-world'

let world: SmallWorld

beforeAll(async () => {
  world = await startSmallWorld({
    prepare: async (database) => {
      await createJobcentre(database.db, {
        ags5: '06435',
        name: 'Kommunales Center für Arbeit Main-Kinzig-Kreis',
      })
      await insertNetwork(database.db, { name: 'Benchlearning (Demo)', isDemo: true })
    },
  })
})

afterAll(async () => {
  await world?.close()
})

describe('start page', () => {
  it('shows the platform, the demo label and the API links', async () => {
    const { browser, url } = world
    const page = await browser.newPage()
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect(page.title()).resolves.toMatch(/benchlearn/)
    // The body exists before the app has rendered (it waits for its texts): wait for the content,
    // not for the element.
    await expect.poll(() => page.locator('body').innerText()).toMatch(/benchlearn/)
    await screenshot(page, 'start')
    const health = await page.goto(`${url}/api/health`)
    expect(await health?.json()).toMatchObject({ status: 'ok', isDemo: true })
  })
})
