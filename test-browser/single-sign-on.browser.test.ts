/**
 * Signing in through the browser at a real OpenID Connect provider (oidc-provider on 127.0.0.1, its
 * own login form): a bound account (the demo member lead, by verified e-mail), an allowed domain
 * (a new reader of the KCA) and a refused stranger. Then an administrator who must use a second
 * factor sets up an authenticator app and signs in with codes computed here.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBase32, totpCode } from '../src/core/accounts/totp'
import { inviteUser } from '../src/features/auth/invite-user'
import { configureSsoProvider } from '../src/features/single-sign-on/configure-sso-provider'
import type { SingleSignOnSettings } from '../src/features/single-sign-on/sso-settings'
import { createUser, TEST_PASSWORD } from '../src/test/factories'
import { startTestOidcProvider, type TestOidcProvider } from '../src/test/oidc-provider'
import { screenshot } from './browser'
import { expectAccessible, fillCredentials, settle, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp
let provider: TestOidcProvider
let kca: { id: number }
const settings: SingleSignOnSettings = { publicUrl: null, isHttpLocalhostAllowed: true }

beforeAll(async () => {
  demo = await startDemoApp({
    keyFigures: false,
    singleSignOn: settings,
    prepare: (database) =>
      createUser(database.db, {
        email: 'ada@network.example',
        role: 'admin',
        name: 'Ada Zwei',
        isTotpExempt: false,
      }).then(() => undefined),
  })
  // The redirect URI names the app's port, known only now.
  settings.publicUrl = demo.url
  provider = await startTestOidcProvider({
    redirectUri: `${demo.url}/sign-in/sso`,
    identities: [
      { subject: 'lena', email: 'lead.kca@demo.benchlearn.de', name: 'Lena Leitung' },
      { subject: 'nils', email: 'nils.neu@kca.example', name: 'Nils Neu' },
      { subject: 'eve', email: 'eve@elsewhere.example', name: 'Eve Fremd' },
      { subject: 'ina', email: 'ina@partner.example', name: 'Ina Eingeladen' },
    ],
  })
  kca = await demo.database.db
    .selectFrom('organisation_area as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select('o.id')
    .where('a.ags5', '=', '06435')
    .executeTakeFirstOrThrow()
  await configureSsoProvider(demo.database, {
    organisationId: kca.id,
    provider: {
      displayName: 'KCA Main-Kinzig',
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowedDomains: ['kca.example'],
    },
    settings,
    actor: { userId: null, label: 'test' },
    now: new Date(),
  })
  // The demo network takes minutes to create on a busy machine.
}, 480_000)
afterAll(async () => {
  await demo?.close()
  await provider?.close()
})

/** From the app's sign-in page (or `path`) through the provider's login form back into the app. */
async function signInAtOrganisation(login: string, path = '/sign-in'): Promise<Page> {
  // Neither the app's nor the provider's session of the previous sign-in may carry over.
  await demo.browser.clearCookies()
  const page = await demo.browser.newPage()
  await page.goto(`${demo.url}${path}`)
  await page.getByRole('button', { name: 'Mit KCA Main-Kinzig anmelden' }).click()
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password')
  await page.locator('input[name="password"]').press('Enter')
  return page
}

describe('sign-in with the organisation account', () => {
  it('binds the existing account of the same verified address', async () => {
    const page = await signInAtOrganisation('lena')
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await expect(page.locator('.account-name').innerText()).resolves.toMatch(
      /Lena Leitung \(KCA\)[\s\S]*Leitung Jobcenter/,
    )
    await screenshot(page, 'sso-bound-account')
    await page.close()
  })

  it('gives an address of an allowed domain a reader account of the organisation', async () => {
    const page = await signInAtOrganisation('nils')
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await expect(page.locator('.account-name').innerText()).resolves.toMatch(/Nils Neu[\s\S]*Lesezugriff/)
    await page.close()
  })

  it("accepts an invitation from its link with the organisation's account", async () => {
    const invitation = await inviteUser(demo.database, {
      role: 'member_analyst',
      organisationId: kca.id,
      email: 'ina@partner.example',
      validHours: 24,
      inviter: null,
      actor: { userId: null, label: 'test' },
      now: new Date(),
    })
    // The invitation page offers the organisation's sign-in next to choosing a password.
    const page = await signInAtOrganisation('ina', invitation.path)
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await expect(page.locator('.account-name').innerText()).resolves.toMatch(
      /Ina Eingeladen[\s\S]*Controlling Jobcenter/,
    )
    // The account page names the organisation account among the ways to sign in.
    await page.goto(`${demo.url}/account`)
    await page
      .getByRole('region', { name: 'Anmeldeverfahren' })
      .getByText(/Mit dem Konto von KCA Main-Kinzig \(verbunden am/)
      .waitFor()
    await page.goto(`${demo.url}${invitation.path}`)
    await page.getByText('Dieser Einladungslink ist unbekannt, schon verwendet oder abgelaufen').waitFor()
    await page.close()
  })

  it('refuses a stranger with the reason, in German', async () => {
    const page = await signInAtOrganisation('eve')
    await page.getByRole('heading', { level: 1, name: 'Anmeldung abgelehnt' }).waitFor()
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'Für diese E-Mail-Adresse gibt es kein Konto und keine Einladung',
    )
    await settle(page)
    await expectAccessible(page, 'sign-in refused')
    await screenshot(page, 'sso-refused-stranger')
    await page.getByRole('link', { name: 'Zurück zur Anmeldung' }).waitFor()
    await page.close()
  })
})

describe('second factor of an administrator', () => {
  const codeNow = (secret: string, offsetSeconds = 0) =>
    totpCode(decodeBase32(secret)!, Math.floor(Date.now() / 1000) + offsetSeconds)
  let secret = ''
  /** A fresh page on which Ada has sent her address and password. */
  const signInAsAda = async () => {
    await demo.browser.clearCookies()
    const page = await demo.browser.newPage()
    await page.goto(`${demo.url}/sign-in`)
    await fillCredentials(page, 'ada@network.example', TEST_PASSWORD)
    return page
  }

  it('sets up an authenticator app at the first sign-in and shows the recovery codes once', async () => {
    const page = await signInAsAda()
    await page.getByText('Ihre Rolle braucht einen zweiten Faktor').waitFor()
    await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click()
    secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await expectAccessible(page, 'second factor set-up')
    await screenshot(page, 'totp-enrolment')
    await page.getByLabel('Code der Authenticator-App').fill(codeNow(secret))
    await page.getByLabel('Code der Authenticator-App').press('Enter')
    await page.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor()
    expect(await page.locator('.recovery-codes li').count()).toBe(10)
    await page.getByRole('button', { name: 'Codes gesichert, weiter' }).click()
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await page.close()
  })

  it('signs in with the next code of the app', async () => {
    const page = await signInAsAda()
    await page.getByText('Bitte geben Sie den sechsstelligen Code').waitFor()
    // The step of the first code is used up; the next step's code is within the drift the server allows.
    await page.getByLabel('Code der Authenticator-App').fill(codeNow(secret, 30))
    await page.getByLabel('Code der Authenticator-App').press('Enter')
    await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
    await page.close()
  })
})
