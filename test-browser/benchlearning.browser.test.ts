/**
 * Benchlearning (issue 6) through the web UI, one full cycle in one demo database: the moderator
 * plans a meeting (host by the rotation), members propose and vote topics and register, the
 * moderator builds the agenda from a voted topic and a data spotlight, writes minutes with a
 * decision and an action, a member comments, the moderator approves; the action shows on the
 * owner's start page and on the next meeting's agenda; the meeting pack PDF is downloaded through
 * the UI and checked with pdftotext; a practice card is published with an attachment, adopted and
 * its effect check shown; the self-assessment is filled in and compared, and a moderator opens, closes
 * and reopens a cycle that members then answer; notifications read in English, and benchlearning pages
 * in English (their texts are a chunk fetched with them). axe-core on every new page,
 * keyboard-only for voting and the notification bell, screenshots of every page.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import { isoDate } from '../src/core/periods/dates'
import { createCycle } from '../src/features/self-assessment/manage-cycles'
import { screenshot, screenshotPdf } from './browser'
import {
  buildUiIfMissing,
  expectAccessible,
  fillSignInForm,
  settle,
  startDemoApp,
  type DemoApp,
} from './demo-app'

let demo: DemoApp

const ROOT = join(import.meta.dirname, '..')
const RESULTS = join(ROOT, 'test-results')
const KCA = 'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis'
const FULDA = 'Jobcenter Landkreis Fulda'
const MEETING_TITLE = 'Vergleichsring 8: Sondertreffen Wirkung (Test)'
// The meeting takes place today: it can be marked held from its first day on, not before.
const MEETING_DAY = isoDate(new Date())
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const [MEETING_YEAR, MEETING_MONTH, MEETING_DATE] = MEETING_DAY.split('-').map(Number) as [
  number,
  number,
  number,
]
const MEETING_DAY_EN = `${MEETING_DATE} ${MONTHS_EN[MEETING_MONTH - 1]} ${MEETING_YEAR}`
const TOPIC_TITLE = 'Wirkung von Jobcoaching messen (Test)'
const ACTION_TITLE = 'Auswertung der Jobcoaching-Fälle an den Ring schicken (Test)'
const PRACTICE_TITLE = 'Jobcoaching mit Wirkungsmessung (Test)'

/** Shared between the steps: the steps run in order (one file, no parallelism). */
let meetingPath = ''
let practicePath = ''

beforeAll(async () => {
  buildUiIfMissing()
  // A private copy of the built UI: a rebuild in the same tree (emptyOutDir) must not pull the
  // files away under a running test.
  const webRoot = mkdtempSync(join(tmpdir(), 'benchlearning-web-'))
  cpSync(WEB_ROOT, webRoot, { recursive: true })
  // The data spotlights and the effect check read computed key figures (startDemoApp computes them).
  demo = await startDemoApp({
    webRoot,
    // A cycle of the self-assessment that runs today, so members can fill it in (the demo's are closed).
    async prepare(database) {
      const year = new Date().getUTCFullYear()
      await createCycle(database, {
        request: {
          code: String(year),
          name: `Selbstbewertung ${year} (Test)`,
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
        },
        actor: { userId: null, label: 'test' },
        now: new Date(),
      })
    },
  })
})

afterAll(async () => demo?.close())

const pageErrors = new WeakMap<Page, string[]>()

async function signInAs(role: string): Promise<Page> {
  // A step that failed leaves its page open; its late requests must not carry a session over.
  for (const open of demo.browser.pages()) await open.close()
  await demo.browser.clearCookies()
  const page = await demo.browser.newPage()
  const errors: string[] = []
  pageErrors.set(page, errors)
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${demo.url}/`)
  await fillSignInForm(page, role)
  await page.getByRole('heading', { level: 1, name: /Willkommen|Übersicht/ }).waitFor()
  return page
}

async function done(page: Page): Promise<void> {
  expect(pageErrors.get(page) ?? []).toEqual([])
  await page.close()
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${demo.url}${path}`)
  await settle(page)
}

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText()
}

describe('a full benchlearning cycle in the UI', () => {
  it('moderator plans a meeting: the rotation proposes the host, the yearly schedule is proposed', async () => {
    const page = await signInAs('moderator')
    const nav = await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link')
      .allInnerTexts()
    expect(nav).toEqual(expect.arrayContaining(['Treffen', 'Themen', 'Praxisbeispiele', 'Selbstbewertung']))
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Treffen' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Treffen' }).waitFor()
    await settle(page)
    await expectAccessible(page, 'meetings')
    await screenshot(page, 'benchlearning-meetings')

    // The yearly schedule: a proposal first, with hosts by the rotation.
    await page.getByText('Jahresplanung vorschlagen').click()
    const planning = page.locator('details', { hasText: 'Jahresplanung' })
    await planning.getByLabel('Vergleichsring').selectOption({ label: 'Vergleichsring 8 (R08)' })
    await planning.getByLabel('Jahr').fill('2028')
    await planning.getByRole('button', { name: 'Vorschlagen' }).click()
    await planning.getByRole('button', { name: 'Diese Treffen anlegen' }).waitFor()
    const schedule = await planning.innerText()
    expect(schedule.match(/Vorgeschlagener Gastgeber:/g)?.length).toBe(3)
    await screenshot(page, 'benchlearning-meetings-schedule')

    // One meeting planned by hand, the host left to the rotation.
    await page.getByText('Treffen planen').click()
    const plan = page.locator('details', { hasText: 'Treffen planen' })
    await plan.getByLabel('Vergleichsring').selectOption({ label: 'Vergleichsring 8 (R08)' })
    await plan.getByLabel('Titel').fill(MEETING_TITLE)
    await plan.getByLabel('Erster Tag').fill(MEETING_DAY)
    await plan.getByLabel('Ort').fill('Hanau, KCA')
    await expect(plan.getByLabel('Gastgeber').inputValue()).resolves.toBe('')
    await plan.getByRole('button', { name: 'Treffen anlegen' }).click()
    await page.getByRole('heading', { level: 1, name: MEETING_TITLE }).waitFor()
    await settle(page)
    meetingPath = new URL(page.url()).pathname
    expect(meetingPath).toMatch(/^\/meetings\/\d+$/)
    const facts = await mainText(page)
    expect(facts).toContain('nach Rotation vorgeschlagen')
    expect(facts).toMatch(/Vorgeschlagener Gastgeber: .+ – /)
    await page.getByRole('button', { name: 'Einladung versenden' }).click()
    await page.getByText('eingeladen', { exact: true }).first().waitFor()
    await settle(page)
    await expectAccessible(page, 'meeting (moderator)')
    await screenshot(page, 'benchlearning-meeting-invited')
    await done(page)
  })

  it('members propose a topic, vote for it and register for the meeting', async () => {
    const lead = await signInAs('member_lead')
    await open(lead, '/topics')
    await lead.getByText('Thema vorschlagen').click()
    await lead.getByLabel('Thema', { exact: true }).fill(TOPIC_TITLE)
    await lead.getByLabel('Für').selectOption({ label: 'Vergleichsring 8 (R08)' })
    await lead
      .getByLabel('Worum geht es? (optional)')
      .fill('Wie messen die Jobcenter den Erfolg ihres Coachings?')
    await lead.getByRole('button', { name: 'Vorschlagen' }).click()
    await lead.getByText('Ihr Vorschlag steht jetzt zur Abstimmung.').waitFor()
    const topic = lead.locator('li', { hasText: TOPIC_TITLE })
    await topic.waitFor()
    const vote = lead.getByRole('button', { name: `Unterstützen: „${TOPIC_TITLE}“` })
    if (await vote.count()) {
      await vote.click()
      await lead.getByRole('button', { name: `Stimme zurückziehen: „${TOPIC_TITLE}“` }).waitFor()
    }
    await expect(topic.innerText()).resolves.toContain('Ihre Stimme')
    await expectAccessible(lead, 'topics')
    await screenshot(lead, 'benchlearning-topics')

    await open(lead, meetingPath)
    await lead.getByRole('button', { name: 'Anmelden', exact: true }).click()
    await lead.getByText('Sie sind angemeldet.').first().waitFor()
    await expectAccessible(lead, 'meeting (member)')
    await screenshot(lead, 'benchlearning-meeting-member')
    await done(lead)

    // The analyst votes by keyboard only.
    const analyst = await signInAs('member_analyst')
    await open(analyst, '/topics')
    const focused = () =>
      analyst.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`
      })
    const target = `button:Unterstützen: „${TOPIC_TITLE}“`
    for (let i = 0; i < 120 && (await focused()) !== target; i++) await analyst.keyboard.press('Tab')
    expect(await focused()).toBe(target)
    await analyst.keyboard.press('Enter')
    await analyst.getByRole('button', { name: `Stimme zurückziehen: „${TOPIC_TITLE}“` }).waitFor()
    await expect(analyst.locator('li', { hasText: TOPIC_TITLE }).innerText()).resolves.toMatch(/2 Stimmen/)
    await done(analyst)
  })

  it('moderator builds the agenda from the voted topic and a data spotlight, writes minutes with an action', async () => {
    const page = await signInAs('moderator')
    await open(page, meetingPath)
    const topics = page.getByRole('region', { name: 'Gewählte Themen' })
    await expect(topics.innerText()).resolves.toContain(TOPIC_TITLE)
    await page.getByRole('button', { name: `Aufnehmen: „${TOPIC_TITLE}“` }).click()
    const agenda = page.getByRole('list', { name: 'Tagesordnung' })
    await agenda.getByText(TOPIC_TITLE).waitFor()
    const spotlights = page.locator('section', {
      has: page.getByRole('heading', { name: /Datenschlaglichter/ }),
    })
    const firstSpotlight = spotlights.getByRole('button', { name: /^Aufnehmen: / }).first()
    const spotlightLabel = (await firstSpotlight.getAttribute('aria-label')) ?? ''
    expect(spotlightLabel).toMatch(/^Aufnehmen: „.+“$/)
    await firstSpotlight.click()
    await agenda.getByText('Datenschlaglicht').first().waitFor()
    await expect(agenda.innerText()).resolves.toContain('Kennzahlen-Review')
    await screenshot(page, 'benchlearning-agenda-builder')

    await page.getByRole('button', { name: 'Als durchgeführt markieren' }).click()
    await page.getByText('durchgeführt', { exact: true }).first().waitFor()
    await settle(page)
    await page
      .getByLabel(`Protokoll zu „${TOPIC_TITLE}“`)
      .fill(
        'Drei Jobcenter messen den Erfolg über Integrationen nach sechs Monaten; der Ring vergleicht das im nächsten Treffen.',
      )
    const topicItem = page.locator('li', { has: page.getByLabel(`Protokoll zu „${TOPIC_TITLE}“`) })
    await topicItem.getByRole('button', { name: 'Protokoll speichern' }).click()
    await topicItem.getByText('Gespeichert.').waitFor()
    await page
      .getByLabel('Neuer Beschluss')
      .fill('Der Ring erhebt ab dem nächsten Quartal einheitlich die Coaching-Fälle.')
    await page.getByRole('button', { name: 'Beschluss festhalten' }).click()
    await page.getByText('Der Ring erhebt ab dem nächsten Quartal').first().waitFor()
    await page.getByLabel('Neue Aufgabe').fill(ACTION_TITLE)
    await page.getByLabel('Verantwortlich').selectOption({ label: KCA })
    await page.getByLabel('Fällig am').fill('2027-02-28')
    await page.locator('#action-item').selectOption({ label: `1. ${TOPIC_TITLE}` })
    await page.getByRole('button', { name: 'Aufgabe festhalten' }).click()
    await page.getByRole('region', { name: 'Aufgaben' }).getByText(ACTION_TITLE).first().waitFor()
    await expectAccessible(page, 'meeting minutes (moderator)')
    await screenshot(page, 'benchlearning-minutes-draft')
    await done(page)
  })

  it('a member comments on the draft minutes; the moderator approves them and downloads the meeting pack PDF', async () => {
    const lead = await signInAs('member_lead')
    await open(lead, meetingPath)
    await lead.getByLabel('Ihr Kommentar').fill('Bitte die Zahlen aus Hanau noch ergänzen.')
    await lead.getByRole('button', { name: 'Kommentar senden' }).click()
    await lead.getByText('Bitte die Zahlen aus Hanau noch ergänzen.').first().waitFor()
    expect(await lead.getByRole('button', { name: 'Protokoll freigeben' }).count()).toBe(0)
    await screenshot(lead, 'benchlearning-minutes-comment')
    await done(lead)

    const page = await signInAs('moderator')
    await open(page, meetingPath)
    await expect(mainText(page)).resolves.toContain('Bitte die Zahlen aus Hanau noch ergänzen.')
    await page.getByRole('button', { name: 'Protokoll freigeben' }).click()
    await page.getByRole('button', { name: 'Ja, endgültig freigeben' }).click()
    await page
      .getByText(/freigegeben am/)
      .first()
      .waitFor()
    expect(await page.getByLabel('Ihr Kommentar').count()).toBe(0)
    await screenshot(page, 'benchlearning-minutes-approved')

    const downloading = page.waitForEvent('download', { timeout: 90_000 })
    await page.getByRole('button', { name: 'Sitzungsunterlage (PDF)' }).click()
    const download = await downloading
    mkdirSync(RESULTS, { recursive: true })
    const pdfPath = join(RESULTS, 'benchlearning-meeting-pack.pdf')
    await download.saveAs(pdfPath)
    expect(download.suggestedFilename()).toMatch(/^sitzungsunterlage-\d+\.pdf$/)
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
    expect(text).toContain(MEETING_TITLE)
    expect(text).toContain(TOPIC_TITLE)
    expect(text).toContain(ACTION_TITLE)
    expect(text).toMatch(/Tagesordnung/)
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(2)
    screenshotPdf(pdfPath, 2, 'benchlearning-meeting-pack-page')
    await done(page)
  })

  it('the action shows on its owner’s start page; notifications are read by keyboard', async () => {
    const lead = await signInAs('member_lead')
    await settle(lead)
    const mine = lead.locator('section', {
      has: lead.getByRole('heading', { name: /Ihre offenen Aufgaben/ }),
    })
    await mine.getByText(ACTION_TITLE).waitFor()
    await expectAccessible(lead, 'start page with open actions')
    await screenshot(lead, 'benchlearning-start-open-actions')

    // The bell by keyboard: open, read all, Escape returns focus to the button.
    const bell = lead.getByRole('button', { name: /^Benachrichtigungen/ })
    await bell.waitFor()
    await bell.focus()
    await lead.keyboard.press('Enter')
    const panel = lead.locator('.bell-panel')
    await panel.getByRole('heading', { name: 'Benachrichtigungen' }).waitFor()
    await expect(panel.innerText()).resolves.toMatch(/Einladung|Protokoll zur Durchsicht/)
    await expectAccessible(lead, 'notifications')
    await screenshot(lead, 'benchlearning-notifications')
    const markAll = panel.getByRole('button', { name: 'Alle als gelesen markieren' })
    await markAll.focus()
    await lead.keyboard.press('Enter')
    await markAll.waitFor({ state: 'detached' })
    // Focus stays in the panel (on its heading), and the badge is gone.
    await expect(lead.evaluate(() => document.activeElement?.id ?? '')).resolves.toBe('notifications-heading')
    await expect(bell.innerText()).resolves.toBe('Benachrichtigungen')
    await lead.keyboard.press('Escape')
    await expect(lead.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(
      /^Benachrichtigungen$/,
    )
    await done(lead)
  })

  it('the open action is proposed for the next meeting’s agenda', async () => {
    const page = await signInAs('moderator')
    await open(page, '/meetings')
    await page.getByRole('link', { name: 'Vergleichsring 8: Treffen 1/2027' }).click()
    await page.getByRole('heading', { level: 1, name: 'Vergleichsring 8: Treffen 1/2027' }).waitFor()
    await settle(page)
    await page.getByRole('button', { name: `Aufnehmen: „${ACTION_TITLE}“` }).click()
    await page.getByRole('list', { name: 'Tagesordnung' }).getByText(ACTION_TITLE).first().waitFor()
    await screenshot(page, 'benchlearning-next-agenda')
    await done(page)
  })

  it('a practice card is published with an attachment, found by search, adopted, and its effect check shown', async () => {
    const lead = await signInAs('member_lead')
    await open(lead, '/practices')
    await expectAccessible(lead, 'practices')
    await screenshot(lead, 'benchlearning-practices')
    await lead.getByRole('link', { name: 'Neues Praxisbeispiel' }).click()
    await lead.getByRole('heading', { level: 1, name: 'Neues Praxisbeispiel' }).waitFor()
    await lead.getByLabel('Titel').fill(PRACTICE_TITLE)
    await lead.getByLabel('Problem').fill('Coaching nach § 16k SGB II wirkt, aber niemand misst, wie sehr.')
    await lead
      .getByLabel('Vorgehen')
      .fill('Jeder Coaching-Fall wird mit Beginn, Ende und Integration erfasst.')
    await lead.getByLabel('Ergebnisse').fill('Mehr Integrationen bei Langzeitleistungsbeziehenden.')
    await lead.getByLabel('Ansprechperson').fill('Team Coaching, KCA')
    await lead.getByLabel('Themen').fill('Vermittlung, Coaching')
    await lead.getByLabel('Kennzahlen').fill('K2')
    await lead.getByLabel('Stand').selectOption('published')
    await expectAccessible(lead, 'practice form')
    await screenshot(lead, 'benchlearning-practice-new')
    await lead.getByRole('button', { name: 'Anlegen' }).click()
    await lead.getByRole('heading', { level: 1, name: 'Praxisbeispiel bearbeiten' }).waitFor()
    // Created: the edit page confirms it.
    await lead.getByRole('status').filter({ hasText: 'Das Praxisbeispiel ist angelegt.' }).waitFor()
    const attachment = join(RESULTS, 'jobcoaching-leitfaden.txt')
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(attachment, 'Leitfaden Jobcoaching (Test)\n')
    await lead.getByLabel('Datei').setInputFiles(attachment)
    await lead.getByRole('button', { name: 'Hochladen' }).click()
    await lead.getByRole('link', { name: 'jobcoaching-leitfaden.txt' }).waitFor()
    practicePath = new URL(lead.url()).pathname.replace(/\/edit$/, '')
    await screenshot(lead, 'benchlearning-practice-edit')

    await open(lead, '/practices')
    await lead.getByLabel('Suche (deutsch, Wortstämme)').fill('Coaching-Fälle Jobcoaching')
    await lead.getByRole('button', { name: 'Suchen' }).click()
    await lead.getByRole('link', { name: PRACTICE_TITLE }).waitFor()
    await lead.getByRole('link', { name: PRACTICE_TITLE }).click()
    await lead.getByRole('heading', { level: 1, name: PRACTICE_TITLE }).waitFor()
    // An organisation does not adopt its own card: no adopt form for the authors.
    expect(await lead.getByRole('heading', { name: 'Übernahme festhalten' }).count()).toBe(0)
    await done(lead)

    const moderator = await signInAs('moderator')
    await open(moderator, practicePath)
    await moderator.getByLabel('Übernehmendes Jobcenter').selectOption({ label: FULDA })
    await moderator.getByLabel('Beginn').fill('2024-03-01')
    await moderator.getByLabel('Notiz (optional)').fill('Übernommen nach dem Ringtreffen (Test).')
    await moderator.getByRole('button', { name: 'Übernahme speichern' }).click()
    const adoption = moderator.locator('li', { has: moderator.getByRole('heading', { name: FULDA }) })
    await adoption.waitFor()
    await adoption.getByText('Hinweis, kein Beweis', { exact: false }).first().waitFor()
    await settle(moderator)
    const effect = await adoption.innerText()
    expect(effect).toMatch(/Integrationsquote|K2/)
    expect(effect).toMatch(/Prozentpunkte|nicht|zu wenige/)
    await expectAccessible(moderator, 'practice card with effect check')
    await screenshot(moderator, 'benchlearning-practice-effect')
    await done(moderator)
  })

  it('self-assessment: compare in the ring (radar, gaps, change), fill in an area with scale descriptions and evidence', async () => {
    const lead = await signInAs('member_lead')
    await open(lead, '/self-assessment?cycle=2025')
    await lead.getByRole('heading', { name: /Reifegrade im Vergleichsring 8/ }).waitFor()
    const text = await mainText(lead)
    expect(text).toContain('Abstand zum Besten')
    expect(text).toContain('Letzte Runde 2022')
    // A closed cycle is shown read-only.
    await lead.locator('fieldset').first().waitFor()
    expect(await lead.locator('fieldset').first().getByRole('radio').first().isDisabled()).toBe(true)
    expect(await lead.getByRole('button', { name: 'Antworten speichern' }).count()).toBe(0)
    await expectAccessible(lead, 'self-assessment comparison')
    await screenshot(lead, 'benchlearning-self-assessment')

    const year = String(new Date().getUTCFullYear())
    await lead.getByLabel('Runde', { exact: true }).selectOption(year)
    // The running cycle's questionnaire can be filled in.
    const firstArea = lead.locator('fieldset:not([disabled])').first()
    await firstArea.waitFor()
    await settle(lead)
    await firstArea.getByRole('radio').nth(3).check()
    await firstArea
      .getByLabel('Belege und Notizen')
      .fill('Zielvereinbarungen mit allen Teams, monatliches Controlling (Test).')
    await lead.getByRole('button', { name: 'Antworten speichern' }).click()
    await lead.getByText('Gespeichert.').or(lead.locator('main [role=alert]')).first().waitFor()
    expect(await lead.locator('main [role=alert]').allInnerTexts()).toEqual([])
    await expectAccessible(lead, 'self-assessment questionnaire')
    await screenshot(lead, 'benchlearning-self-assessment-fill')
    await done(lead)
  })

  it('a moderator opens, closes and reopens a cycle from the page (errors by field); a member sees it and answers', async () => {
    const year = String(new Date().getUTCFullYear())
    const code = `${year}-zw`
    const name = `Zwischenrunde ${year} (Test)`
    const moderator = await signInAs('moderator')
    await open(moderator, '/self-assessment')
    // The moderation answers for no job centre: said in words, not as an error.
    await moderator.getByText('Den Fragebogen beantworten die Jobcenter').waitFor()
    await moderator.getByRole('button', { name: 'Runden verwalten' }).click()
    const manager = moderator.locator('section', {
      has: moderator.getByRole('heading', { name: 'Runden verwalten' }),
    })
    await manager.getByRole('button', { name: 'Neue Runde' }).click()
    // A code that exists already: the server's refusal appears at the field.
    await manager.getByLabel(/^Kürzel/).fill(year)
    await manager.getByLabel('Name').fill(name)
    await manager.getByRole('button', { name: 'Runde eröffnen' }).click()
    const codeField = manager.getByLabel(/^Kürzel/)
    await manager.locator('.field-error').waitFor()
    await expect(codeField.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(manager.locator('.field-error').innerText()).resolves.toContain(
      `Eine Runde mit dem Kürzel ${year} gibt es schon.`,
    )
    await expectAccessible(moderator, 'cycle form with a field error')
    await screenshot(moderator, 'benchlearning-self-assessment-cycle-error')

    await codeField.fill(code)
    await manager.getByRole('button', { name: 'Runde eröffnen' }).click()
    await manager.getByText(`Runde ${name} eröffnet.`).waitFor()
    // The list of cycles is fetched again after opening: the selection follows once it has arrived.
    await expect.poll(() => moderator.getByLabel('Runde', { exact: true }).inputValue()).toBe(code)
    await expect.poll(() => moderator.locator('main .toolbar .status-badge').innerText()).toBe('läuft')

    await manager.getByRole('button', { name: 'Runde schließen' }).click()
    await manager.getByText(`Runde ${name} geschlossen.`).waitFor()
    await moderator.locator('main .toolbar .status-badge', { hasText: 'abgeschlossen' }).waitFor()
    await manager.getByRole('button', { name: 'Wieder öffnen' }).click()
    await manager.getByLabel(/^Ende/).waitFor()
    await manager.getByRole('button', { name: 'Wieder öffnen' }).last().click()
    await manager.getByText(`Runde ${name} wieder geöffnet bis`).waitFor()
    await moderator.locator('main .toolbar .status-badge', { hasText: 'läuft' }).waitFor()
    await settle(moderator)
    await expectAccessible(moderator, 'cycle manager')
    await screenshot(moderator, 'benchlearning-self-assessment-cycles')
    await done(moderator)

    const lead = await signInAs('member_lead')
    await open(lead, '/self-assessment')
    // The newest cycle is shown first; members get no controls to manage it.
    await expect(lead.getByLabel('Runde', { exact: true }).inputValue()).resolves.toBe(code)
    expect(await lead.getByRole('button', { name: 'Runden verwalten' }).count()).toBe(0)
    const area = lead.locator('fieldset:not([disabled])').first()
    await area.waitFor()
    await area.getByRole('radio').nth(2).check()
    await lead.getByRole('button', { name: 'Antworten speichern' }).click()
    await lead.getByText('Gespeichert.').or(lead.locator('main [role=alert]')).first().waitFor()
    expect(await lead.locator('main [role=alert]').allInnerTexts()).toEqual([])
    await screenshot(lead, 'benchlearning-self-assessment-new-cycle-member')
    await done(lead)
  })

  it('notifications read in English when the UI is in English', async () => {
    const lead = await signInAs('member_lead')
    await lead.getByRole('button', { name: 'English' }).click()
    const bell = lead.getByRole('button', { name: /^Notifications/ })
    await bell.click()
    const panel = lead.locator('.bell-panel')
    await panel.getByRole('heading', { name: 'Notifications' }).waitFor()
    const text = await panel.innerText()
    // The invitation to the meeting the moderator planned in the first step (for today).
    expect(text).toContain('Invitation')
    expect(text).toContain(
      `You are invited to ${MEETING_TITLE} on ${MEETING_DAY_EN}. Please register or decline.`,
    )
    expect(text).toMatch(/The minutes of .+ are ready: please comment before they are approved\./)
    expect(text).not.toMatch(/Sie sind zu|Das Protokoll von|Einladung/)
    await expectAccessible(lead, 'notifications in English')
    await screenshot(lead, 'benchlearning-notifications-english')
    await lead.keyboard.press('Escape')
    // Back to German, so that later sign-ins find the German labels.
    await lead.getByRole('button', { name: 'Deutsch' }).click()
    await lead.getByRole('button', { name: /^Benachrichtigungen/ }).waitFor()
    await done(lead)
  })

  it('benchlearning pages fetch their own texts in English: on a switch, a fresh load and a link', async () => {
    const rawKey =
      /\b(meetings?|agenda|minutes|topics|practices?|practiceEdit|effect|selfAssessment|cycles)\.\w/
    const lead = await signInAs('member_lead')
    await open(lead, '/topics')
    await lead.getByRole('heading', { level: 1, name: 'Themen' }).waitFor()
    // Switching on the page fetches the page's English texts before switching.
    await lead.getByRole('button', { name: 'English' }).click()
    await lead.getByRole('heading', { level: 1, name: 'Topics' }).waitFor()
    expect(await mainText(lead)).not.toMatch(rawKey)
    // A fresh load in English shows the loading state until those texts are there, never raw keys.
    await open(lead, '/self-assessment')
    await lead.getByRole('heading', { level: 1, name: 'Self-assessment' }).waitFor()
    const text = await mainText(lead)
    expect(text).not.toMatch(rawKey)
    expect(text).toContain("Your job centre's maturity in the enabler areas")
    expect(text).not.toContain('Reifegrad')
    await expectAccessible(lead, 'self-assessment in English')
    await screenshot(lead, 'benchlearning-self-assessment-english')
    await lead
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Meetings' })
      .click()
    await lead.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor()
    expect(await mainText(lead)).not.toMatch(rawKey)
    // Back to German, so that later sign-ins find the German labels.
    await lead.getByRole('button', { name: 'Deutsch' }).click()
    await lead.getByRole('heading', { level: 1, name: 'Treffen' }).waitFor()
    await done(lead)
  })
})
