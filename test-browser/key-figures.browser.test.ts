/**
 * The key-figure views end to end, as the KCA's lead sees them: official figures on the start page
 * with the expected-vs-actual sentence, the figure page with its group switch and the table with
 * numerator and denominator, the catalogue of the 15 figures and the profile with neighbours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { expectAccessible, settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp

beforeAll(async () => {
  demo = await startDemoApp()
})
afterAll(async () => demo?.close())

describe('key figures for a member', () => {
  it('shows the official figures on the start page with expected vs actual in plain words', async () => {
    const page = await signInAs(demo, 'member_lead')
    await settle(page)
    const panel = page.getByRole('region', { name: 'Amtliche Kennzahlen (§ 48a SGB II)' })
    await panel.waitFor()
    const text = await panel.innerText()
    expect(text).toContain('Integrationsquote')
    expect(text).toMatch(/Rang \d+ von \d+/)
    // The server's sentence: what would be expected under these conditions, and what was reached.
    expect(text).toMatch(/Erwartet wären angesichts von .* erreicht wurden/)
    expect(text).toMatch(/(Wie|Besser als|Schlechter als) erwartet/)
    expect(text).toMatch(/Ihr erster Besuch|Seit Ihrem letzten Besuch/)
    const table = panel.getByRole('table', { name: /Alle 15 amtlichen Kennzahlen/ })
    expect(await table.getByRole('row').count()).toBe(16)
    // One column reads alike: every value with one decimal ("26,0" beside "0,3", never "26").
    const values = await table.locator('tbody tr > :nth-child(3)').allInnerTexts()
    expect(values).toHaveLength(15)
    for (const value of values) expect(value).toMatch(/^(−?\d{1,3}(\.\d{3})*,\d|–)$/)
    await expectAccessible(page, 'start with key figures')
    await screenshot(page, 'figures-start-member')
    await page.close()
  })

  it('switches groups on a key-figure chart and shows numerator and denominator', async () => {
    const page = await signInAs(demo, 'member_lead')
    await page.goto(`${demo.url}/figures/K2`)
    await page.getByRole('heading', { level: 1, name: /Integrationsquote \(K2\)/ }).waitFor()
    await settle(page)
    const stats = page.getByRole('group', { name: 'Kennwerte der Gruppe' })
    await expect(stats.innerText()).resolves.toMatch(/Vergleichsring/)
    await expect(page.getByRole('heading', { name: 'Wer macht es besser?' }).count()).resolves.toBe(1)
    // The leader reads the calculation in words; the formula waits behind "Formel für Fachleute".
    const main = page.getByRole('main')
    await expect(main.innerText()).resolves.toMatch(/So wird gerechnet: Summe von .+ der letzten 12 Monate/)
    expect(await main.getByText('sum(integrations, 12)').isVisible()).toBe(false)
    await expectAccessible(page, 'figure K2 ring')
    await screenshot(page, 'figures-k2-ring')

    // The table alternative of the bar chart: value, numerator, denominator, rank.
    const barPanel = page.getByRole('region', { name: /Integrationsquote in der Gruppe/ })
    await barPanel.getByRole('button', { name: 'Als Tabelle zeigen' }).click()
    const table = barPanel.getByRole('table')
    const headers = await table.getByRole('columnheader').allInnerTexts()
    expect(headers.join(' ')).toMatch(/Zähler.*Nenner.*Rang/s)
    const ownRow = table.locator('tr.highlighted')
    await expect(ownRow.innerText()).resolves.toMatch(/Main-Kinzig-Kreis/)
    await expectAccessible(page, 'figure K2 table')

    await page.getByRole('radio', { name: 'Netzwerk' }).check()
    await page.waitForURL(/group=all/)
    await settle(page)
    await expect(stats.innerText()).resolves.toMatch(/Benchlearning/)
    await expect(stats.innerText()).resolves.toMatch(/\d+ \/ 104/)
    await screenshot(page, 'figures-k2-network')

    await page.getByRole('radio', { name: 'Nächste Nachbarn' }).check()
    await page.waitForURL(/group=neighbours/)
    await settle(page)
    await expect(stats.innerText()).resolves.toMatch(/nächste Nachbarn/)
    await expectAccessible(page, 'figure K2 neighbours')
    await screenshot(page, 'figures-k2-neighbours')

    // The demo brings synthetic comparison types (no official ones are imported): labelled so.
    await page.getByRole('radio', { name: 'Vergleichstyp', exact: true }).check()
    await page.waitForURL(/group=type/)
    await settle(page)
    await expect(stats.innerText()).resolves.toMatch(
      /Demo-Vergleichstypen \(synthetisch\): [SVL][12] (städtisch|verdichtet|ländlich), /,
    )
    await expect(stats.innerText()).resolves.toMatch(/\d+ \/ \d+/)
    await expectAccessible(page, 'figure K2 comparison type')
    await screenshot(page, 'figures-k2-type')
    await page.close()
  })

  it('shows a context figure without judging it, and the catalogue and the profile', async () => {
    const page = await signInAs(demo, 'member_lead')
    await page.goto(`${demo.url}/figures/K3E2`)
    await settle(page)
    await expect(page.getByRole('main').innerText()).resolves.toMatch(/Kontextkennzahl: ohne Wertung/)
    await screenshot(page, 'figures-k3e2-context')

    await page.goto(`${demo.url}/catalogue`)
    await settle(page)
    const figures = page.getByRole('region', { name: 'Kennzahlen nach § 48a SGB II' })
    expect(
      await figures
        .getByRole('listitem')
        .filter({ has: page.locator('h3') })
        .count(),
    ).toBe(15)
    // Plain words for everyone; the formula for analysts behind "Formel für Fachleute".
    await expect(figures.innerText()).resolves.toMatch(
      /So wird gerechnet: Summe von .+ der letzten 12 Monate geteilt durch Durchschnitt von .+, in Prozent\./,
    )
    await figures.locator('#figure-K2').getByText('Formel für Fachleute').click()
    await expect(figures.innerText()).resolves.toMatch(/sum\(integrations, 12\)/)
    await expectAccessible(page, 'catalogue with figures')
    await screenshot(page, 'figures-catalogue')

    await page.goto(`${demo.url}/`)
    await settle(page)
    await page.getByRole('link', { name: 'Steckbrief' }).first().click()
    await settle(page)
    await page.getByRole('heading', { name: 'Nächste Nachbarn' }).waitFor()
    await expect(page.getByRole('region', { name: 'Nächste Nachbarn' }).innerText()).resolves.toMatch(/\S/)
    await expect(page.getByRole('main').innerText()).resolves.toContain(
      'Amtliche Kennzahlen im Vergleichsring',
    )
    await expectAccessible(page, 'profile with figures')
    await screenshot(page, 'figures-profile')
    await page.close()
  })
})
