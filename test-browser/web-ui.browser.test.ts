/**
 * The web UI end to end: a real server on a loopback port with the demo network (104 job centres,
 * 10 rings, one account per role), the built UI from dist/web, Debian's chromium. Signs in as each
 * role and checks what each may see and do, uploads files, switches groups on a chart, walks the
 * main flow with the keyboard alone, runs axe-core on every page and saves screenshots.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { screenshot } from './browser'
import {
  buildUiIfMissing,
  demoAccount,
  expectAccessible,
  settle,
  signInAs as signInDemo,
  startDemoApp,
  type DemoApp,
} from './demo-app'

let demo: DemoApp

const KCA_ID_PATH = '/organisations/'

beforeAll(async () => {
  buildUiIfMissing()
  demo = await startDemoApp({ keyFigures: false })
})

afterAll(async () => demo?.close())

/** Opens a fresh page (its own cookies are shared by the context, so sign out at the end). */
const signInAs = (role: string) => signInDemo(demo, role)

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abmelden' }).click()
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor()
  await page.close()
}

async function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allInnerTexts()
}

describe('signed out', () => {
  it('sends to the sign-in page, explains a wrong password, and passes axe', async () => {
    const page = await demo.browser.newPage()
    await page.goto(`${demo.url}/compare`)
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor()
    expect(page.url()).toContain('/sign-in?next=%2Fcompare')
    expect(await page.locator('html').getAttribute('lang')).toBe('de')
    await expectAccessible(page, 'sign-in')
    await screenshot(page, 'sign-in')
    await page.getByLabel('E-Mail-Adresse').fill('lead.kca@demo.benchlearn.de')
    await page.getByLabel('Passwort').fill('wrong password')
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/Passwort stimmen nicht/)
    await screenshot(page, 'sign-in-wrong-password')
    await page.close()
  })
})

describe('each role sees what the server allows', () => {
  const EVERYONE = ['Start', 'Gruppenvergleich', 'Kennzahlen', 'Katalog', 'Jobcenter', 'Vergleichsringe']
  // Pages other features add to the navigation are checked by their own tests.
  const CHECKED = new Set([...EVERYONE, 'Daten', 'Verwaltung'])
  const cases = [
    { role: 'admin', hasData: true, canUpload: true },
    { role: 'moderator', hasData: true, canUpload: false },
    { role: 'member_lead', hasData: true, canUpload: false },
    { role: 'member_analyst', hasData: true, canUpload: true },
    { role: 'viewer', hasData: false, canUpload: false },
  ]
  for (const { role, hasData, canUpload } of cases) {
    it(`${role}: navigation, data page and upload`, async () => {
      const page = await signInAs(role)
      await settle(page)
      const account = demoAccount(role)
      await expect(page.getByRole('banner').innerText()).resolves.toContain(account.name)
      const isAdministration = role === 'admin' || role === 'moderator'
      expect((await navLabels(page)).filter((label) => CHECKED.has(label))).toEqual([
        ...EVERYONE,
        ...(hasData ? ['Daten'] : []),
        ...(isAdministration ? ['Verwaltung'] : []),
      ])
      await screenshot(page, `start-${role}`)
      await page.goto(`${demo.url}/data`)
      if (hasData) {
        await page.getByRole('heading', { level: 1, name: 'Daten' }).waitFor()
        await settle(page)
        expect(await page.getByRole('heading', { name: 'Importhistorie' }).count()).toBe(1)
        expect(await page.getByRole('heading', { name: 'Datei hochladen' }).count()).toBe(canUpload ? 1 : 0)
        if (canUpload) {
          // Lists of organisations (the zkT list) change the whole network: offered to the administration only.
          const mappings = page.getByLabel('Spaltenzuordnung')
          await mappings.locator('option', { hasText: 'inkar-wirtschaft' }).waitFor({ state: 'attached' })
          const names = await mappings.locator('option').allTextContents()
          expect(names.some((n) => n.startsWith('zkt-optionskommunen'))).toBe(role === 'admin')
        }
        await screenshot(page, `data-${role}`)
      } else {
        await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor()
        await screenshot(page, `data-${role}-forbidden`)
      }
      await signOut(page)
    })
  }
})

describe('every page', () => {
  it('renders without serious or critical axe violations (member lead, German and English)', async () => {
    const page = await signInAs('member_lead')
    const pages: [string, string][] = [
      ['start', '/'],
      ['compare', '/compare'],
      ['catalogue', '/catalogue'],
      ['organisations', '/organisations'],
      ['rings', '/rings'],
      ['data', '/data'],
      ['not-found', '/no-such-page'],
    ]
    // The profile of the member's own organisation, reached through the start page's link.
    await settle(page)
    const profile = await page.getByRole('link', { name: 'Steckbrief' }).getAttribute('href')
    expect(profile).toMatch(new RegExp(`^${KCA_ID_PATH}\\d+$`))
    pages.push(['organisation-profile', profile!])
    for (const [name, path] of pages) {
      await page.goto(`${demo.url}${path}`)
      await settle(page)
      await expectAccessible(page, name)
      await screenshot(page, `page-${name}`)
    }
    // English: every text switches and <html lang> follows.
    await page.goto(`${demo.url}/compare`)
    await settle(page)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Group comparison' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expectAccessible(page, 'compare (en)')
    await screenshot(page, 'page-compare-en')
    // The choice is remembered: a fresh load starts in English (its texts are a chunk of their own).
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Group comparison' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: 'Deutsch' }).click()
    await page.getByRole('heading', { level: 1, name: 'Gruppenvergleich' }).waitFor()
    await signOut(page)
  })

  it('holds its layout on a tablet (768 px)', async () => {
    const page = await signInAs('member_lead')
    await page.setViewportSize({ width: 768, height: 1024 })
    for (const [name, path] of [
      ['start', '/'],
      ['compare', '/compare'],
      ['organisations', '/organisations'],
    ]) {
      await page.goto(`${demo.url}${path}`)
      await settle(page)
      // Nothing may force the page wider than the screen (tables scroll inside their own box).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0)
      await expectAccessible(page, `${name} (tablet)`)
      await screenshot(page, `tablet-${name}`)
    }
    await signOut(page)
  })
})

describe('group comparison', () => {
  it('offers a member only the groups the server shows', async () => {
    const page = await signInAs('member_lead')
    await page.goto(`${demo.url}/compare`)
    await settle(page)
    // The lead's organisation sees its own ring only: the switch has exactly that group.
    const options = await page.getByLabel('Vergleichsgruppe').locator('option').allInnerTexts()
    expect(options).toHaveLength(1)
    expect(options[0]).toMatch(/\(Ihr Ring\)$/)
    await page.goto(`${demo.url}/rings`)
    await settle(page)
    expect(await page.getByText(/^Die Mitglieder dieses Rings sind für Sie nicht sichtbar;/).count()).toBe(9)
    // No sharing text beside hidden members, no administrator's command line for a lead.
    expect(await page.getByText(/Werte (mit Namen|pseudonymisiert) geteilt/).count()).toBe(1)
    expect(await page.locator('pre.command').count()).toBe(0)
    await screenshot(page, 'rings-member-lead')
    await signOut(page)
  })

  it('switches groups on the chart, shows the table alternative and downloads CSV (moderator)', async () => {
    const page = await signInAs('moderator')
    await page.goto(`${demo.url}/compare`)
    await settle(page)
    const group = page.getByLabel('Vergleichsgruppe')
    const own = await group.inputValue()
    const chart = page.getByRole('img', { name: /Balkendiagramm/ })
    const before = await chart.getAttribute('aria-label')
    expect(before).toMatch(/Vergleichsring/)
    const other = await group
      .locator('option')
      .evaluateAll(
        (options, current) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== current)!,
        own,
      )
    await group.selectOption(other)
    await page.waitForFunction(
      () =>
        document.querySelector('[role=img][aria-label^="Balkendiagramm"]')?.getAttribute('aria-label') !==
        null,
    )
    await settle(page)
    expect(page.url()).toContain(`ring=${other}`)
    const after = await page.getByRole('img', { name: /Balkendiagramm/ }).getAttribute('aria-label')
    expect(after).not.toEqual(before)
    // The table alternative lists every member of the new group with its value.
    await page.getByRole('button', { name: 'Als Tabelle zeigen' }).first().click()
    const table = page.getByRole('table').first()
    await table.waitFor()
    expect(await table.getByRole('row').count()).toBeGreaterThan(5)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'CSV' }).first().click()
    expect((await download).suggestedFilename()).toMatch(/\.csv$/)
    await screenshot(page, 'compare-other-group-with-table')
    await signOut(page)
  })
})

describe('data upload', () => {
  it('shows row-level errors in a dry run, then imports a correct file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchlearn-upload-'))
    const broken = join(dir, 'fehlerhaft.csv')
    writeFileSync(
      broken,
      'org;indicator;period;breakdown;value\n06435;integrations;2026-01;total;470\n06435;elb;2026-01;total;abc\n',
    )
    const good = join(dir, 'korrektur.csv')
    writeFileSync(good, 'org;indicator;period;breakdown;value\n06435;integrations;2026-01;total;471\n')

    const page = await signInAs('member_analyst')
    await page.goto(`${demo.url}/data`)
    await settle(page)
    await page.getByLabel('Datei', { exact: true }).setInputFiles(broken)
    await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    const errors = page.getByRole('table', { name: /Fehler je Zeile/ })
    await errors.waitFor()
    const errorText = await errors.innerText()
    expect(errorText).toContain('3')
    expect(errorText).toContain('value')
    expect(errorText).toContain('abc')
    await expectAccessible(page, 'data dry run with errors')
    await screenshot(page, 'data-dry-run-errors')

    await page.getByLabel('Datei', { exact: true }).setInputFiles(good)
    await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    await page.getByText(/Keine Fehler\./).waitFor()
    await screenshot(page, 'data-dry-run-ok')
    // By keyboard: the button sits in the result panel that was just re-rendered.
    await page.getByRole('button', { name: 'Jetzt importieren' }).press('Enter')
    await screenshot(page, 'data-importing')
    await page.getByText(/Import abgeschlossen/).waitFor()
    // The history shows the new batch.
    await page.getByRole('table', { name: 'Importhistorie' }).getByText('korrektur.csv').waitFor()
    await expectAccessible(page, 'data after import')
    await screenshot(page, 'data-imported')

    // A second correction of the same value: the import history opens what it changed.
    const second = join(dir, 'korrektur-2.csv')
    writeFileSync(second, 'org;indicator;period;breakdown;value\n06435;integrations;2026-01;total;472\n')
    await page.getByLabel('Datei', { exact: true }).setInputFiles(second)
    await page.getByRole('button', { name: 'Importieren', exact: true }).click()
    await page.getByText(/Import abgeschlossen/).waitFor()
    await page.getByRole('button', { name: 'Korrekturen durch korrektur-2.csv ansehen' }).first().waitFor()
    await page
      .getByRole('table', { name: 'Importhistorie' })
      .getByRole('button', { name: 'Korrekturen durch korrektur-2.csv ansehen' })
      .click()
    const changes = page.getByRole('table', { name: 'Korrigierte Werte aus korrektur-2.csv' })
    await changes.waitFor()
    await expect.poll(() => page.url()).toMatch(/\/data\?import=\d+$/)
    expect(await page.getByText('Ein Wert korrigiert.').count()).toBe(1)
    const cells = await changes.getByRole('row').nth(1).locator('th, td').allInnerTexts()
    // Organisation, series, period, breakdown, before, after, difference, from which import and when.
    expect(cells.slice(0, 7)).toEqual([
      'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis',
      'Integrationen',
      'Januar 2026',
      'insgesamt',
      '471',
      '472',
      '+1',
    ])
    expect(cells[7]).toMatch(/^korrektur\.csv vom \d{2}\.\d{2}\.\d{4}$/)
    await expectAccessible(page, 'data import changes')
    await screenshot(page, 'data-import-changes')

    // The history of that value: the demo value, then the two corrections; the current one last.
    await changes.getByRole('button', { name: /^Verlauf von / }).click()
    const dialog = page.getByRole('dialog', { name: 'Verlauf eines Werts' })
    const history = dialog.getByRole('table', { name: /Stände dieses Werts/ })
    await history.waitFor()
    const rows = await history.getByRole('row').allInnerTexts()
    expect(rows).toHaveLength(4)
    expect(rows[2]).toMatch(/^2\t471\tkorrigiert\t.*\tkorrektur\.csv\tanalyst\.kca@demo\.benchlearn\.de$/)
    expect(rows[3]).toMatch(/^3\t472\tkorrigiert\t.*\tkorrektur-2\.csv\tanalyst\.kca@demo\.benchlearn\.de$/)
    await expectAccessible(page, 'value history dialog')
    await screenshot(page, 'data-value-history')
    // Escape closes the dialog and the focus returns to the button that opened it.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Verlauf')

    // The same history from the raw series on the profile: its table marks the corrected month.
    await page.goto(`${demo.url}/`)
    await settle(page)
    const profilePath = await page.getByRole('link', { name: 'Steckbrief' }).getAttribute('href')
    await page.goto(`${demo.url}${profilePath}`)
    await settle(page)
    await page.getByLabel('Datenreihe').selectOption('integrations')
    await settle(page)
    const series = page.getByRole('region', { name: /^Integrationen – / })
    await series.getByRole('button', { name: 'Als Tabelle zeigen' }).click()
    await series.getByRole('button', { name: /^Verlauf von Integrationen, Januar 2026, insgesamt/ }).click()
    const profileHistory = page.getByRole('dialog', { name: 'Verlauf eines Werts' })
    await profileHistory.getByRole('table', { name: /Stände dieses Werts/ }).waitFor()
    expect(await profileHistory.getByRole('row').count()).toBe(4)
    await expectAccessible(page, 'value history on the profile')
    await screenshot(page, 'profile-value-history')
    await page.keyboard.press('Escape')
    await signOut(page)
  })
})

describe('keyboard only', () => {
  it('signs in, skips to the content, opens the comparison and its table without a mouse', async () => {
    await demo.browser.clearCookies()
    const page = await demo.browser.newPage()
    await page.goto(`${demo.url}/`)
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor()
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`
      })
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('a:Zum Inhalt springen')
    // Tab on to the e-mail field (through the language switch) and sign in with Enter.
    for (let i = 0; i < 10 && !(await focused()).startsWith('input'); i++) await page.keyboard.press('Tab')
    await page.keyboard.type(demoAccount('member_lead').email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: /Willkommen/ }).waitFor()
    await settle(page)
    // Skip link → main, then back to the navigation by Tab order: find "Gruppenvergleich".
    await page.keyboard.press('Tab')
    // The start page has many links (figures, actions): allow for all of them before the wrap-around.
    for (let i = 0; i < 120 && (await focused()) !== 'a:Gruppenvergleich'; i++)
      await page.keyboard.press('Tab')
    expect(await focused()).toBe('a:Gruppenvergleich')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Gruppenvergleich' }).waitFor()
    await settle(page)
    // Focus moved to the new page's heading, so the next Tab stops lead into the page.
    expect(await focused()).toBe('h1:Gruppenvergleich')
    for (let i = 0; i < 10 && (await focused()) !== 'button:Als Tabelle zeigen'; i++)
      await page.keyboard.press('Tab')
    expect(await focused()).toBe('button:Als Tabelle zeigen')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Tabelle ausblenden' }).first().waitFor()
    // Sorting the table by keyboard: the first column header button.
    for (let i = 0; i < 10 && !(await focused()).startsWith('button:Jobcenter'); i++)
      await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1)
    await screenshot(page, 'keyboard-compare-table')
    // The series switch works from the keyboard too (a member has one group; the series changes).
    await page.getByLabel('Datenreihe').focus()
    await page.keyboard.press('ArrowDown')
    await settle(page)
    expect(page.url()).toMatch(/indicator=\w+/)
    await signOut(page)
  })
})
