/**
 * Improvement potential through the web UI on the demo network: the KCA's member lead opens its
 * potentials, follows the first one to a practice card of a better peer, marks it "Das wollen wir
 * ausprobieren" and finds the topic proposal, then downloads the council report as a PDF (text and
 * page count checked with pdftotext/pdfinfo, tagged) and as a PowerPoint file (slides read back
 * with jszip). Screenshots of the page and of the report's first slides go to docs/images/.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import { OFFICIAL_FIGURES } from '../src/core/kpi'
import { replacePracticeLinks } from '../src/features/practices/practice.repository'
import { createPractice } from '../src/test/factories'
import { buildUiIfMissing, expectAccessible, signInAs, startDemoApp, type DemoApp } from './demo-app'

const ROOT = join(import.meta.dirname, '..')
const IMAGES = join(ROOT, 'docs/images')
const CARD = 'Arbeitgeberlotsen (Test)'
let demo: DemoApp
let dir: string

beforeAll(async () => {
  buildUiIfMissing()
  const webRoot = mkdtempSync(join(tmpdir(), 'potentials-web-'))
  cpSync(WEB_ROOT, webRoot, { recursive: true })
  dir = mkdtempSync(join(tmpdir(), 'potentials-files-'))
  demo = await startDemoApp({
    webRoot,
    // Every other member of the KCA's ring writes a card on every performance figure, so that the
    // better peers of whichever potential comes first have one.
    async prepare(database) {
      const db = database.db
      const kca = await db
        .selectFrom('organisation_area as a')
        .innerJoin('ring_membership as m', 'm.organisation_id', 'a.organisation_id')
        .select(['a.organisation_id', 'm.ring_id'])
        .where('a.ags5', '=', '06435')
        .executeTakeFirstOrThrow()
      const peers = await db
        .selectFrom('ring_membership')
        .select('organisation_id')
        .where('ring_id', '=', kca.ring_id)
        .where('organisation_id', '!=', kca.organisation_id)
        .execute()
      const figures = OFFICIAL_FIGURES.filter((f) => f.polarity !== 'context').map((f) => f.code)
      for (const peer of peers) {
        const { practiceId } = await createPractice(db, {
          organisationId: peer.organisation_id,
          ringId: kca.ring_id,
          title: CARD,
          visibility: 'network',
        })
        await replacePracticeLinks(db, practiceId, { figureCodes: figures })
      }
    },
  })
}, 600_000)

afterAll(async () => demo?.close())

describe('improvement potential', () => {
  it("a member follows a potential to a better peer's practice, wants to try it and downloads the council report", async () => {
    const page = await signInAs(demo, 'member_lead', {
      path: '/potentials',
      heading: 'Verbesserungspotenziale',
    })
    const first = page.locator('section.panel').first()
    await expect.poll(() => first.locator('h2').textContent()).toMatch(/^K\d/)
    await expectAccessible(page, 'potentials')
    mkdirSync(IMAGES, { recursive: true })
    await page.screenshot({ path: join(IMAGES, 'potentials-page.png'), fullPage: false })

    // The first potential's first card is from a better peer (better peers' cards come first).
    const card = first.locator('li', { hasText: CARD }).first()
    await expect.poll(() => card.textContent()).toContain('von einem besseren Vergleichspartner')
    await card.getByRole('link', { name: CARD }).click()
    await page.getByRole('heading', { level: 1, name: CARD }).waitFor()
    await page.goBack()
    await page.getByRole('heading', { level: 1, name: 'Verbesserungspotenziale' }).waitFor()

    const again = page.locator('section.panel').first().locator('li', { hasText: CARD }).first()
    await again.getByRole('button', { name: 'Das wollen wir ausprobieren' }).click()
    await again.getByRole('status').getByText('Als Thema für das nächste Treffen vorgeschlagen.').waitFor()
    await again.getByRole('link', { name: 'Zu den Themen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Themen' }).waitFor()
    await page.getByText(`Ausprobieren: ${CARD}`).first().waitFor()
    // The topic keeps the card it came from.
    await page
      .getByRole('link', { name: 'Zum Praxisbeispiel, das ausprobiert werden soll' })
      .first()
      .waitFor()

    await page.goto(`${demo.url}/potentials`)
    const report = page.locator('section', {
      has: page.getByRole('heading', { name: 'Bericht für Kreistag und Sozialausschuss' }),
    })
    await report.waitFor()
    const pdfDownload = page.waitForEvent('download', { timeout: 120_000 })
    await report.getByRole('button', { name: 'PDF herunterladen' }).click()
    const pdfPath = join(dir, 'bericht.pdf')
    await (await pdfDownload).saveAs(pdfPath)
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
    expect(info).toMatch(/Tagged:\s+yes/)
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    // Title, position, context, up to three potentials, measures, method.
    expect(pages).toBeGreaterThanOrEqual(6)
    expect(pages).toBeLessThanOrEqual(8)
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const part of [
      // (pdftotext drops the hyphen where a name breaks at one, so the name is checked in the footer)
      'Kennzahlen, Lage und Verbesserungspotenziale',
      'Kommunales Center für Arbeit (KCA) Main-Kinzig-Kreis · Datenstand',
      'BERICHT FÜR KREISTAG UND SOZIALAUSSCHUSS', // the kicker is set in capitals
      'WO WIR STEHEN',
      'K3E2 Aktivierungsquote',
      'WAS UNSERE LAGE ERKLÄRT',
      'VERBESSERUNGSPOTENZIALE',
      'So ist der Bericht entstanden',
      `„${CARD}“`,
    ])
      expect(text, `the report shows "${part}"`).toContain(part)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '3',
      pdfPath,
      join(IMAGES, 'council-report'),
    ])

    await report.getByLabel('Wo wir stehen').uncheck()
    await report.getByLabel('Sprache des Berichts').selectOption('en')
    const pptxDownload = page.waitForEvent('download', { timeout: 60_000 })
    await report.getByRole('button', { name: 'PowerPoint herunterladen' }).click()
    const pptxPath = join(dir, 'report.pptx')
    await (await pptxDownload).saveAs(pptxPath)
    const zip = await JSZip.loadAsync(readFileSync(pptxPath))
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    expect(slides.length).toBe(pages - 1) // the same deck without "where we stand"
    const second = await zip.file('ppt/slides/slide2.xml')!.async('string')
    expect(second).toContain('What explains our situation')
  }, 300_000)
})
