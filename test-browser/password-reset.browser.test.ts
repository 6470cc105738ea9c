/**
 * A forgotten password, end to end: the sign-in page's "Passwort vergessen?" sends a link by mail
 * (to a real SMTP server in the test process, through the outbox and the app's mail worker); the link
 * of the received message opens the reset page, the new password signs in, and the link is spent.
 */
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../src/test/factories'
import type { SmtpSink } from '../src/test/smtp-sink'
import { screenshot } from './browser'
import { expectAccessible, fillCredentials, settle } from './demo-app'
import { startMailApp, type MailApp } from './mail-app'

// A small world (one account) instead of the demo network: the test is about mail, not data.
const EMAIL = 'anna.analyst@jobcenter.example'
const NEW_PASSWORD = 'ein neues langes Passwort'
let mail: MailApp
let browser: BrowserContext
let smtp: SmtpSink
let url: string

beforeAll(async () => {
  mail = await startMailApp((database) =>
    createUser(database.db, { email: EMAIL, role: 'viewer', name: 'Anna Analyst' }),
  )
  ;({ browser, smtp, url } = mail)
})
afterAll(async () => mail?.close())

describe('password reset', () => {
  it('sets a new password from the link of the received mail', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${url}/sign-in`)
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click()
    await page.getByRole('heading', { level: 1, name: 'Neues Passwort' }).waitFor()
    await page.getByLabel('E-Mail-Adresse').fill(EMAIL)
    await page.getByRole('button', { name: 'Link anfordern' }).click()
    await page.getByText('Wenn zu dieser Adresse ein Konto gehört').waitFor()
    await expectAccessible(page, 'password reset requested')

    const [mail] = await smtp.waitFor(1, 30_000)
    expect(mail!.envelopeTo).toEqual([EMAIL])
    const link = new RegExp(`${url}/password-reset#[A-Za-z0-9_-]+`).exec(mail!.parsed.text ?? '')?.[0]
    expect(link, mail!.parsed.text).toBeDefined()

    await page.goto(link!)
    await page.getByRole('heading', { level: 1, name: 'Neues Passwort' }).waitFor()
    await page.getByLabel('Neues Passwort').fill(NEW_PASSWORD)
    await page.getByLabel('Passwort wiederholen').fill(NEW_PASSWORD)
    await expectAccessible(page, 'password reset form')
    await screenshot(page, 'password-reset-form')
    await page.getByRole('button', { name: 'Passwort speichern' }).click()
    await page.getByText('Ihr Passwort ist geändert').waitFor()
    expect(new URL(page.url()).hash).toBe('')

    await page.getByRole('link', { name: 'Zur Anmeldung' }).click()
    await fillCredentials(page, EMAIL, NEW_PASSWORD)
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await settle(page)

    // The link works once.
    await page.goto(link!)
    await page.getByLabel('Neues Passwort').fill('noch ein anderes Passwort')
    await page.getByLabel('Passwort wiederholen').fill('noch ein anderes Passwort')
    await page.getByRole('button', { name: 'Passwort speichern' }).click()
    await page.getByText('Dieser Link ist unbekannt, schon verwendet oder abgelaufen').waitFor()
    expect(errors).toEqual([])
    await page.close()
  })
})
