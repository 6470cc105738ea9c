/**
 * The one account page: `/settings` leads to `/account`, whose sections are the password, the second
 * factor and the mail choices, in German and English. A choice is saved, the password is changed and
 * signs in afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, TEST_PASSWORD } from '../src/test/factories'
import { screenshot } from './browser'
import { expectAccessible, settle } from './demo-app'
import { startMailApp, type MailApp } from './mail-app'

const EMAIL = 'mara.member@jobcenter.example'
const NEW_PASSWORD = 'ein ganz neues Passwort'
let mail: MailApp
let browser: BrowserContext
let url: string

beforeAll(async () => {
  mail = await startMailApp((database) =>
    createUser(database.db, { email: EMAIL, role: 'viewer', name: 'Mara Member' }),
  )
  ;({ browser, url } = mail)
})
afterAll(async () => mail?.close())

async function signIn(page: Page, password: string) {
  await page.goto(`${url}/sign-in`)
  await page.getByLabel('E-Mail-Adresse').fill(EMAIL)
  await page.getByLabel('Passwort', { exact: true }).fill(password)
  await page.getByLabel('Passwort', { exact: true }).press('Enter')
  await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
}

describe('account page', () => {
  it('gathers password, second factor and mail choices; /settings leads there', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await signIn(page, TEST_PASSWORD)
    await page.goto(`${url}/settings`)
    await page.getByRole('heading', { level: 1, name: 'Konto und Einstellungen' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/account')
    await settle(page)
    const sections = page.getByRole('navigation', { name: 'Abschnitte der Seite' })
    expect(await sections.getByRole('link').allInnerTexts()).toEqual([
      'Passwort ändern',
      'Zweiter Faktor (Authenticator-App)',
      'Anmeldeverfahren',
      'Nachrichten per E-Mail',
    ])
    await page
      .getByRole('region', { name: 'Anmeldeverfahren' })
      .getByText('kein Konto einer Organisation ist verbunden')
      .waitFor()
    await page
      .getByRole('region', { name: 'Zweiter Faktor (Authenticator-App)' })
      .getByText('Ausgeschaltet')
      .waitFor()
    await expectAccessible(page, 'account page')
    await screenshot(page, 'account-page')

    const mailChoices = page.getByRole('region', { name: 'Nachrichten per E-Mail' })
    await mailChoices.getByLabel('Zustellung: Fällige Aufgaben').selectOption('digest')
    await mailChoices.getByText('Gespeichert.').waitFor()

    const password = page.getByRole('region', { name: 'Passwort ändern' })
    await password.getByLabel('Ihr Passwort').fill(TEST_PASSWORD)
    await password.getByLabel('Neues Passwort').fill(NEW_PASSWORD)
    await password.getByLabel('Passwort wiederholen').fill(NEW_PASSWORD)
    await password.getByRole('button', { name: 'Passwort ändern' }).click()
    await password.getByText('Ihr Passwort ist geändert.').waitFor()

    // The choice stays, and the page reads in English.
    await page.reload()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Account and settings' }).waitFor()
    const choices = page.getByRole('region', { name: 'Messages by e-mail' })
    expect(await choices.getByRole('combobox', { name: /Actions due/ }).inputValue()).toBe('digest')
    await expectAccessible(page, 'account page in English')
    await page.getByRole('button', { name: 'Deutsch' }).click()

    // The new password signs in.
    await browser.clearCookies()
    await signIn(page, NEW_PASSWORD)
    expect(errors).toEqual([])
    await page.close()
  })
})
