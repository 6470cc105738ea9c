/**
 * The administration page end to end: the administrator creates an invitation, copies the link and
 * finds the invitation in the audit log; changes a ring's sharing setting and an account's role, each
 * only when saved (an arrow key on a focused selector changes nothing); a member can neither open
 * the page nor call the API behind it (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { expectAccessible, settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp

beforeAll(async () => {
  demo = await startDemoApp()
})
afterAll(async () => demo?.close())

describe('administration', () => {
  it('lets the administrator invite someone and shows the invitation in the audit log', async () => {
    const page = await signInAs(demo, 'admin')
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Verwaltung' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor()
    await settle(page)
    await expectAccessible(page, 'administration')
    await screenshot(page, 'admin-page')

    const invitations = page.getByRole('region', { name: 'Einladungen' })
    await invitations.getByLabel('Rolle').selectOption('member_analyst')
    await invitations
      .getByLabel('Jobcenter')
      .selectOption({ label: 'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis' })
    await invitations.getByLabel('E-Mail (optional)').fill('neue.kollegin@kca.example')
    await invitations.getByRole('button', { name: 'Einladung erstellen' }).click()
    const link = invitations.getByLabel('Einladungslink')
    await link.waitFor()
    expect(await link.inputValue()).toMatch(/\/invitation#.{10,}/)
    await screenshot(page, 'admin-invitation-created')

    const audit = page.getByRole('region', { name: 'Protokoll' })
    await audit.getByLabel('Art').selectOption('invitation')
    await settle(page)
    await expect(audit.getByRole('table').innerText()).resolves.toMatch(
      /invitation\.create[\s\S]*neue\.kollegin@kca\.example/,
    )
    await expectAccessible(page, 'administration after invitation')
    await screenshot(page, 'admin-audit-invitation')
    await page.close()
  })

  it('changes the sharing setting of a ring, audited', async () => {
    const page = await signInAs(demo, 'admin')
    await page.goto(`${demo.url}/admin#admin-rings`)
    await settle(page)
    const rings = page.getByRole('region', { name: 'Vergleichsringe und Freigabe' })
    const select = rings.getByRole('combobox').first()
    const before = await select.inputValue()
    const after = before === 'named' ? 'pseudonymised' : 'named'
    await select.selectOption(after)
    await rings.getByRole('button', { name: /^Speichern: Freigabe von / }).click()
    await expect(rings.getByRole('status').innerText()).resolves.toMatch(/Freigabe von .*: jetzt/)
    // Back to the demo's setting.
    await select.selectOption(before)
    await rings.getByRole('button', { name: /^Speichern: Freigabe von / }).click()
    await rings.getByRole('button', { name: /^Speichern: / }).waitFor({ state: 'detached' })
    const audit = page.getByRole('region', { name: 'Protokoll' })
    await audit.getByLabel('Art').selectOption('ring')
    await settle(page)
    await expect(audit.getByRole('table').innerText()).resolves.toContain('ring.update_sharing')
    await page.close()
  })

  it("changes an account's role only when saved: an arrow key on the selector changes nothing", async () => {
    const page = await signInAs(demo, 'admin')
    await page.goto(`${demo.url}/admin#admin-users`)
    await settle(page)
    const users = page.getByRole('region', { name: 'Benutzerkonten' })
    const roleOf = async () =>
      page.evaluate(async () => {
        const answer = (await (await fetch('/api/v1/users')).json()) as {
          users: { email: string; role: string }[]
        }
        return answer.users.find((u) => u.email === 'viewer@demo.benchlearn.de')!.role
      })
    expect(await roleOf()).toBe('viewer')
    // The list shows 30 accounts at a time: filter to the one this test changes.
    await page.locator('#admin-user-filter').fill('viewer@demo.benchlearn.de')
    const select = users.getByRole('combobox', { name: 'Rolle von Vera Lesezugriff (KCA)' })
    const save = users.getByRole('button', { name: 'Speichern: Rolle von Vera Lesezugriff (KCA)' })
    // One arrow key on the focused selector: a draft, nothing saved, no message.
    await select.focus()
    await page.keyboard.press('ArrowUp')
    expect(await select.inputValue()).not.toBe('viewer')
    await save.waitFor()
    await settle(page)
    expect(await roleOf()).toBe('viewer')
    expect(await users.getByRole('status').count()).toBe(0)
    await expectAccessible(page, 'administration with an unsaved role')
    await screenshot(page, 'admin-role-unsaved')
    // "Verwerfen" goes back to the saved role.
    await users.getByRole('button', { name: 'Verwerfen: Rolle von Vera Lesezugriff (KCA)' }).click()
    expect(await select.inputValue()).toBe('viewer')
    await save.waitFor({ state: 'detached' })
    // Chosen and saved: the role changes, with a message; then back to the demo's role.
    await select.selectOption('member_analyst')
    await save.click()
    await expect(users.getByRole('status').innerText()).resolves.toContain(
      'Vera Lesezugriff (KCA) hat jetzt die Rolle Controlling Jobcenter.',
    )
    expect(await roleOf()).toBe('member_analyst')
    await select.selectOption('viewer')
    await save.click()
    await save.waitFor({ state: 'detached' })
    expect(await roleOf()).toBe('viewer')
    await page.close()
  })

  it('is not reachable for a member, and the server refuses the API with 403', async () => {
    const page = await signInAs(demo, 'member_lead')
    const nav = await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link')
      .allInnerTexts()
    expect(nav).not.toContain('Verwaltung')
    await page.goto(`${demo.url}/admin`)
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor()
    await screenshot(page, 'admin-forbidden-member')
    const status = await page.evaluate(async () => {
      const users = await fetch('/api/v1/users')
      const audit = await fetch('/api/v1/audit')
      return [users.status, audit.status]
    })
    expect(status).toEqual([403, 403])
    await page.close()
  })
})
