/**
 * An account invitation, end to end: an administrator invites a person on the administration page; the
 * invitation goes out by mail (to a real SMTP server in the test process, through the outbox and the
 * app's mail worker); the link of the received message opens the invitation page, the person sets a
 * name and password and is signed in with the role given; the link is spent afterwards.
 */
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, createUser, TEST_PASSWORD } from '../src/test/factories'
import type { SmtpSink } from '../src/test/smtp-sink'
import { screenshot } from './browser'
import { expectAccessible, settle } from './demo-app'
import { startMailApp, type MailApp } from './mail-app'

// A small world (an administrator and one job centre) instead of the demo network: the test is about
// the invitation, not data.
const ADMIN = 'ada.admin@network.example'
const INVITED = 'neue.kollegin@kca.example'
const PASSWORD = 'ein langes neues Passwort'
let mail: MailApp
let browser: BrowserContext
let smtp: SmtpSink
let url: string

beforeAll(async () => {
  mail = await startMailApp(async (database) => {
    await createJobcentre(database.db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' })
    await createUser(database.db, { email: ADMIN, role: 'admin', name: 'Ada Admin' })
  })
  ;({ browser, smtp, url } = mail)
})
afterAll(async () => mail?.close())

describe('account invitation', () => {
  it('invites by mail; the link signs the person in with the role given, once', async () => {
    const admin = await browser.newPage()
    const errors: string[] = []
    admin.on('pageerror', (error) => errors.push(error.message))
    await admin.goto(`${url}/sign-in?next=/admin`)
    await admin.getByLabel('E-Mail-Adresse').fill(ADMIN)
    await admin.getByLabel('Passwort', { exact: true }).fill(TEST_PASSWORD)
    await admin.getByLabel('Passwort', { exact: true }).press('Enter')
    await admin.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor()
    await settle(admin)
    const invitations = admin.getByRole('region', { name: 'Einladungen' })
    await invitations.getByLabel('Rolle').selectOption('member_analyst')
    await invitations.getByLabel('Jobcenter').selectOption({ label: 'KCA Main-Kinzig-Kreis' })
    await invitations.getByLabel('E-Mail (optional)').fill(INVITED)
    await invitations.getByRole('button', { name: 'Einladung erstellen' }).click()
    await invitations.getByLabel('Einladungslink').waitFor()

    const [mail] = await smtp.waitFor(1, 30_000)
    expect(mail!.envelopeTo).toEqual([INVITED])
    const link = new RegExp(`${url}/invitation#[A-Za-z0-9_-]+`).exec(mail!.parsed.text ?? '')?.[0]
    expect(link, mail!.parsed.text).toBeDefined()

    // The invited person, in a browser of their own (no session of the administrator).
    await browser.clearCookies()
    const page = await browser.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(link!)
    await page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor()
    await page.getByText('Sie sind eingeladen als Controlling Jobcenter für KCA Main-Kinzig-Kreis.').waitFor()
    await page.getByText(`Sie melden sich an mit ${INVITED}.`).waitFor()
    await page.getByLabel('Ihr Name').fill('Nele Neu')
    await page.getByLabel('Neues Passwort').fill(PASSWORD)
    await page.getByLabel('Passwort wiederholen').fill('ein anderes Passwort')
    await page.getByText('Die beiden Passwörter stimmen nicht überein.').waitFor()
    await page.getByLabel('Passwort wiederholen').fill(PASSWORD)
    await expectAccessible(page, 'invitation form')
    await screenshot(page, 'invitation-form')
    await page.getByRole('button', { name: 'Konto anlegen und anmelden' }).click()
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await settle(page)
    expect(new URL(page.url()).hash).toBe('')
    await page.getByRole('link', { name: 'Nele Neu' }).waitFor()
    await page.getByText('Controlling Jobcenter · KCA Main-Kinzig-Kreis').waitFor()

    // The link works once, also for someone who is not signed in.
    await browser.clearCookies()
    const again = await browser.newPage()
    await again.goto(link!)
    await again.getByText('Dieser Einladungslink ist unbekannt, schon verwendet oder abgelaufen').waitFor()
    expect(new URL(again.url()).hash).toBe('')
    await expectAccessible(again, 'spent invitation')
    expect(errors).toEqual([])
  })
})
