/**
 * The Rings page end to end on the demo network: a moderator proposes 10 rings of 9–12, reads the
 * quality, moves a member and sees the quality change before saving, saves and applies the model;
 * an infeasible request shows the server's reason; a member sees no forming controls (and the server
 * refuses the forming API); the map appears once the BKG boundaries are imported (skipped without
 * ../shared/data); axe-core on every state; the form by keyboard alone; screenshots.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/connect'
import { importBoundaries } from '../src/features/areas/import-boundaries'
import { screenshot } from './browser'
import { expectAccessible, settle, signInAs as signInDemo, startDemoApp, type DemoApp } from './demo-app'

const BKG_FILE = join(import.meta.dirname, '../../shared/data/kreise_vg5000_20210101_ags_nuts.geojson')
const hasBoundaries = existsSync(BKG_FILE)
if (!hasBoundaries)
  console.warn(`the map test is skipped: ${BKG_FILE} is absent (the shared data folder is missing)`)

let demo: DemoApp
let database: Database

beforeAll(async () => {
  demo = await startDemoApp({ keyFigures: false })
  database = demo.database
})

afterAll(async () => demo?.close())

const signInAs = (role: string, path = '/rings') =>
  signInDemo(demo, role, { path, heading: 'Vergleichsringe' })

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`
  })

describe('member', () => {
  it('sees the rings read-only, no forming controls, and the server refuses the forming API', async () => {
    const page = await signInAs('member_lead')
    expect(await page.getByRole('button', { name: 'Vorschlag berechnen' }).count()).toBe(0)
    await page.getByRole('heading', { level: 2, name: 'Heutige Ringe' }).waitFor()
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/v1/peers/proposals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'rings', k: 10 }),
      })
      return response.status
    })
    expect(status).toBe(403)
    // Without boundaries the map panel says who imports them; the command line is for administrators.
    const noBoundaries = await page.locator('.no-boundaries').innerText()
    expect(noBoundaries).toContain('Die Netzwerk-Administration spielt sie ein')
    expect(noBoundaries).not.toContain('npx benchlearn')
    await expectAccessible(page, 'rings as member without boundaries')
    await screenshot(page, 'rings-member-no-boundaries')
    await page.close()
  })
})

describe('moderator forms rings', () => {
  it('shows the reason of an infeasible request', async () => {
    const page = await signInAs('moderator')
    await page.getByLabel('Anzahl der Ringe').fill('10')
    await page.getByLabel('Mindestens Mitglieder je Ring').fill('12')
    await page.getByLabel('Höchstens Mitglieder je Ring').fill('14')
    await page.getByRole('button', { name: 'Vorschlag berechnen' }).click()
    const alert = page.getByRole('alert').filter({ hasText: '120' })
    await alert.waitFor()
    await expect(alert.innerText()).resolves.toMatch(
      /10 Vergleichsringe mit je mindestens 12 Mitgliedern brauchen mindestens 120 Mitglieder, es gibt aber nur 104/,
    )
    await expectAccessible(page, 'rings infeasible')
    await screenshot(page, 'rings-infeasible')
    await page.close()
  })

  it('proposes 10 rings of 9–12, moves a member with the quality change, saves and applies', async () => {
    const page = await signInAs('moderator')
    await expectAccessible(page, 'rings form')
    await screenshot(page, 'rings-form')
    await page.getByLabel('Anzahl der Ringe').fill('10')
    await page.getByLabel('Mindestens Mitglieder je Ring').fill('9')
    await page.getByLabel('Höchstens Mitglieder je Ring').fill('12')
    // The page sends a progress token and polls the stability check's progress while it runs.
    const progress: { done: number; total: number }[] = []
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/peers/progress/') && response.ok())
        void response.json().then((answer: { done: number; total: number }) => progress.push(answer))
    })
    const proposalRequest = page.waitForRequest((r) => r.url().endsWith('/api/v1/peers/proposals'))
    await page.getByRole('button', { name: 'Vorschlag berechnen' }).click()
    expect((await proposalRequest).postDataJSON().progressToken).toMatch(/^[0-9a-f-]{36}$/)
    await page
      .getByRole('heading', { level: 2, name: 'Vorschlag (noch nicht gespeichert)' })
      .waitFor({ timeout: 60_000 })
    await settle(page, 60_000)
    for (const answer of progress) expect(answer.done).toBeLessThanOrEqual(answer.total)
    const quality = await page.locator('.quality-list').innerText()
    expect(quality).toMatch(/Die Gruppen erklären \d+\s% der Unterschiede/)
    expect(quality).toMatch(/Trennschärfe/)
    expect(quality).toMatch(/Wiederholungen/)
    const sizes = await page.locator('.proposal-groups .card .muted').allInnerTexts()
    expect(sizes).toHaveLength(10)
    for (const size of sizes) {
      const n = Number(/(\d+) Mitglieder/.exec(size)![1])
      expect(n).toBeGreaterThanOrEqual(9)
      expect(n).toBeLessThanOrEqual(12)
    }
    await expectAccessible(page, 'rings proposal')
    await screenshot(page, 'rings-proposal')

    await page.getByRole('button', { name: 'Vorschlag speichern' }).click()
    await page.getByRole('heading', { level: 2, name: /Gespeichertes Modell/ }).waitFor()
    // A member of a ring with more than 9 into a ring with fewer than 12 (no size bound broken).
    const choice = await page.evaluate(() => {
      const who = document.querySelector<HTMLSelectElement>('.move-member select')!
      const groups = [...who.querySelectorAll('optgroup')].map((g) => ({
        code: g.label.split(' ')[0]!,
        size: Number(/\((\d+) Mitglieder\)/.exec(g.label)![1]),
        first: g.querySelector('option')!.value,
      }))
      const from = groups.find((g) => g.size > 9)!
      const to = groups.find((g) => g.size < 12 && g.code !== from.code)!
      return { org: from.first, to: to.code }
    })
    await page.getByLabel('Jobcenter', { exact: true }).selectOption(choice.org)
    await page.getByLabel('in Gruppe').selectOption(choice.to)
    await page.getByRole('button', { name: 'Qualität prüfen' }).click()
    const preview = page.locator('.move-preview')
    await preview.waitFor()
    await expect(preview.innerText()).resolves.toMatch(/vorher[\s\S]*nachher/)
    await expect(preview.innerText()).resolves.toMatch(/Prozentpunkte|praktisch gleich/)
    await expectAccessible(page, 'rings move preview')
    await screenshot(page, 'rings-move-preview')
    await page.getByRole('button', { name: 'Verschiebung speichern' }).click()
    await page.getByText(/Bisher von Hand verschoben/).waitFor()

    await page.getByLabel('Gültig ab').fill('2030-01-01')
    await page.getByRole('button', { name: 'Ringe übernehmen …' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ringe wirklich übernehmen?' })
    await dialog.waitFor()
    await expect(dialog.innerText()).resolves.toMatch(/31\.12\.2029/)
    await expectAccessible(page, 'rings apply dialog')
    await screenshot(page, 'rings-apply-dialog')
    await dialog.getByRole('button', { name: 'Ja, übernehmen' }).click()
    await page.getByText('10 Ringe gelten ab 01.01.2030.').waitFor()
    await screenshot(page, 'rings-applied')
    await page.close()
  })

  it('works with the keyboard alone: method, size, submit, result heading', async () => {
    const page = await signInAs('moderator')
    await page.locator('main h1').focus()
    for (let i = 0; i < 20 && !(await focused(page)).startsWith('input:'); i++)
      await page.keyboard.press('Tab')
    // The first stop in the form is the method radio group; arrows choose within it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio')
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('ward')
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('rings')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('10')
    for (let i = 0; i < 60 && (await focused(page)) !== 'button:Vorschlag berechnen'; i++)
      await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button:Vorschlag berechnen')
    await page.keyboard.press('Enter')
    await page
      .getByRole('heading', { level: 2, name: 'Vorschlag (noch nicht gespeichert)' })
      .waitFor({ timeout: 60_000 })
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2')
    expect(await focused(page)).toBe('h2:Vorschlag (noch nicht gespeichert)')
    await screenshot(page, 'rings-keyboard-proposal')
    await page.close()
  })
})

describe('the map of rings', () => {
  it.skipIf(!hasBoundaries)(
    'shows the districts coloured by ring after importing the BKG boundaries',
    async () => {
      const summary = await importBoundaries(database, {
        fileName: 'kreise_vg5000_20210101_ags_nuts.geojson',
        bytes: readFileSync(BKG_FILE),
        actor: { userId: null, label: 'test' },
        now: new Date(),
      })
      expect(summary.imported).toBe(401)
      const page = await signInAs('moderator')
      await page.locator('.ring-map canvas').waitFor()
      await expect(page.locator('.map-legend').innerText()).resolves.toMatch(/R01|T01|Vergleichsring/)
      await expect(page.locator('.ring-map .hint').innerText()).resolves.toMatch(/GeoBasis-DE \/ BKG 2021/)
      await page.locator('.ring-map').getByRole('button', { name: 'Als Tabelle zeigen' }).click()
      await page.getByRole('table', { name: 'Kreise und ihre heutigen Ringe' }).waitFor()
      await expectAccessible(page, 'rings map (moderator)')
      await screenshot(page, 'rings-map-moderator')
      await page.close()

      const member = await signInAs('member_lead')
      await member.locator('.ring-map canvas').waitFor()
      const legend = await member.locator('.map-legend').innerText()
      expect(legend.match(/Vergleichsring/g)?.length ?? 0).toBeLessThanOrEqual(2)
      await expectAccessible(member, 'rings map (member)')
      await screenshot(member, 'rings-map-member')
      await member.close()
    },
  )
})
