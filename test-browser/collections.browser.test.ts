/**
 * A data collection played through in the browser on the demo network: the moderator defines it,
 * the demo member (KCA) fills the form, gets a blocking error and a warning, comments the warning
 * and submits; the other members are late and are reminded; the moderator closes it, and the
 * results appear on the collection page, on the figure page and in the meeting pack.
 * Screenshots: test-results/screenshots/collections-*.png (to illustrate docs/data-collections.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { expectAccessible, settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp
let collectionPath = ''
const year = new Date().getUTCFullYear() - 1
const TITLE = `Browsertest-Erhebung Widersprüche ${year}`

// The demo network with its key figures takes minutes on a busy machine.
beforeAll(async () => {
  demo = await startDemoApp()
}, 400_000)
afterAll(async () => demo?.close())

async function kcaRing() {
  return demo.database.db
    .selectFrom('ring as r')
    .innerJoin('ring_membership as m', 'm.ring_id', 'r.id')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'm.organisation_id')
    .select(['r.id', 'r.code', 'r.name'])
    .where('a.ags5', '=', '06435')
    .executeTakeFirstOrThrow()
}

describe('a data collection', () => {
  it('is defined by the moderator with an own indicator', async () => {
    const page = await signInAs(demo, 'moderator')
    await page.goto(`${demo.url}/collections`)
    await settle(page)
    // The demo: one closed collection and one in progress with a late, reminded member.
    await page
      .getByRole('link', { name: /Demo-Erhebung Personal und Bearbeitung/ })
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Neue Erhebung' }).click()
    await page.getByLabel('Titel').fill(TITLE)
    await page
      .getByLabel('Hinweise zum Ausfüllen')
      .fill('Widersprüche des Jahres, insgesamt und nach Geschlecht.')
    await page.getByLabel(/^Perioden/).fill(String(year))
    await page.getByLabel('Frist').fill(`${year + 1}-12-31`)
    const ring = await kcaRing()
    await page.getByLabel(`${ring.code} ${ring.name}`).check()
    await page.getByLabel('Kürzel').fill('bt_objections')
    await page.getByLabel('Bezeichnung (deutsch)').fill('Widersprüche je 1.000 Bescheide')
    await page.getByLabel('Bezeichnung (englisch)').fill('Objections per 1,000 decisions')
    await page.getByLabel('Einheit').fill('je 1.000')
    await page.getByLabel('zulässig ab').fill('0')
    await page.getByLabel('zulässig bis').fill('400')
    await page.getByLabel('Polarität').selectOption('lower_is_better')
    await page.getByLabel(/^Merkmale/).fill('total, women, men')
    await page.getByLabel(/^Gehört zur Kennzahl/).fill('K2')
    await screenshot(page, 'collections-define')
    await page.getByRole('button', { name: 'Erhebung anlegen' }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    collectionPath = new URL(page.url()).pathname
    await settle(page)
    await expectAccessible(page, 'collection page (moderator)')
    await page.close()
  })

  it('is filled by a member: a blocking error, a warning commented, then submitted', async () => {
    const page = await signInAs(demo, 'member_lead')
    await page.goto(`${demo.url}${collectionPath}`)
    await settle(page)
    const value = (breakdown: string) =>
      page.getByLabel(`Wert Widersprüche je 1.000 Bescheide ${year} ${breakdown}`)
    await value('insgesamt').fill('4000')
    await page.getByRole('button', { name: 'Entwurf speichern' }).click()
    await page.getByRole('alert').filter({ hasText: 'über dem erlaubten Höchstwert 400' }).waitFor()
    await value('insgesamt').fill('100')
    await value('Frauen').fill('60')
    await value('Männer').fill('50')
    await page.getByRole('button', { name: 'Entwurf speichern' }).click()
    await page.getByText('Entwurf gespeichert.').waitFor()
    await page.locator('.finding.warning').filter({ hasText: 'aber die Summe ist 100' }).waitFor()
    await page.getByRole('button', { name: 'Einreichen' }).click()
    await page.getByRole('alert').filter({ hasText: 'lässt sich noch nicht einreichen' }).waitFor()
    await page
      .getByLabel(`Kommentar Widersprüche je 1.000 Bescheide ${year} insgesamt`)
      .fill('Zehn Widersprüche ohne Angabe des Geschlechts.')
    await page.getByRole('button', { name: 'Entwurf speichern' }).click()
    await page.getByText('(kommentiert)').waitFor()
    await screenshot(page, 'collections-form')
    await page.getByRole('button', { name: 'Einreichen' }).click()
    await page.getByText(/Eingereicht am/).waitFor()
    await expectAccessible(page, 'collection form (member)')
    await page.close()
  })

  it('shows the moderator who is late, reminds them and closes it; results follow', async () => {
    const page = await signInAs(demo, 'moderator')
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(`${demo.url}${collectionPath}`)
    await settle(page)
    const matrix = page.getByRole('region', { name: 'Vollständigkeit' })
    await matrix.getByText('kommentiert').first().waitFor()
    expect(await matrix.getByText('Zehn Widersprüche ohne Angabe des Geschlechts.').count()).toBe(1)
    await page.getByRole('button', { name: 'Säumige erinnern' }).click()
    await page.getByText(/Jobcenter erinnert\./).waitFor()
    await matrix
      .getByText(/erinnert am/)
      .first()
      .waitFor()
    await screenshot(page, 'collections-matrix')
    await page.getByRole('button', { name: 'Erhebung abschließen' }).click()
    await page.getByText('Abgeschlossen: 3 Werte übernommen.').waitFor()
    const results = page.getByRole('region', { name: 'Ergebnisse' })
    await results
      .getByText(/Widersprüche je 1\.000 Bescheide/)
      .first()
      .waitFor()
    await screenshot(page, 'collections-results')

    await page.goto(`${demo.url}/figures/K2`)
    await settle(page)
    const block = page.getByRole('region', { name: 'Aus Erhebungen des Netzwerks' })
    await block.getByRole('link', { name: TITLE }).waitFor()

    const ring = await kcaRing()
    const meeting = await demo.database.db
      .selectFrom('meeting')
      .select('id')
      .where('ring_id', '=', ring.id)
      .orderBy('starts_on', 'desc')
      .executeTakeFirstOrThrow()
    await page.goto(`${demo.url}/api/v1/meetings/${meeting.id}/pack.html`)
    await page.getByRole('heading', { name: 'Ergebnisse der Datenerhebungen' }).waitFor()
    expect(await page.getByText(TITLE).count()).toBeGreaterThan(0)
    await page.close()
  })
})
