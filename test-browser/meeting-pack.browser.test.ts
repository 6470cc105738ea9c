/**
 * The meeting pack as a PDF, printed by Debian's chromium through the API route, on the demo
 * network: tagged (pdfinfo), its text (pdftotext from poppler-utils) in German and English without
 * ISO dates, hyphen minus signs or the other language's decimal mark, its page count, page numbers
 * and layout (the ring's figure table on one page), and screenshots of its first pages (pdftoppm)
 * in test-results/screenshots/meeting-pack-*.png.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Database } from '../src/db/connect'
import { DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { createDemoNetwork } from '../src/features/demo/create-demo-network'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { closeSharedChromium } from '../src/features/reports/chromium'
import { buildApp } from '../src/server/app'
import { createTestDatabase } from '../src/test/database'
import { seedReferenceData } from '../src/test/factories'
import { signIn, type SignedIn } from '../src/test/sign-in'
import { SCREENSHOT_DIR, screenshotPdf } from './browser'

const NOW = new Date('2026-11-25T10:00:00Z')
const RESULTS = join(import.meta.dirname, '../test-results')

let database: Database
let app: FastifyInstance
let moderator: SignedIn
let lead: SignedIn

/** Saves the PDF of a response and returns its page count, tagging and text (per page too). */
function readPdf(payload: Buffer, name: string) {
  const file = join(RESULTS, `${name}.pdf`)
  writeFileSync(file, payload)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  const page = (n: number) =>
    execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
  return { file, pages, isTagged: /Tagged:\s+yes/.test(info), text, page }
}

/** The first held meeting the user sees in `meetings` (a query string) and its pack as a PDF response. */
async function fetchHeldPack(user: SignedIn, meetings: string, language = '') {
  const list = await user.inject({ method: 'GET', url: `/api/v1/meetings${meetings}` })
  expect(list.statusCode).toBe(200)
  const held = list
    .json()
    .meetings.find((m: { status: string; ring: unknown }) => m.status === 'held' && m.ring)
  expect(held, `a held ring meeting in ${meetings || 'the list'}`).toBeDefined()
  const response = await user.inject({
    method: 'GET',
    url: `/api/v1/meetings/${held.id}/pack.pdf${language}`,
  })
  expect(response.statusCode).toBe(200)
  return { held, response }
}

/** The pack shows every one of `words`, and every page its number in the footer (`footer(n, pages)`). */
function expectShows(
  pdf: { text: string; pages: number },
  words: readonly string[],
  footer: (n: number, pages: number) => string,
) {
  for (const word of words) expect(pdf.text, `the pack shows "${word}"`).toContain(word)
  for (let n = 1; n <= pdf.pages; n++) expect(pdf.text).toContain(footer(n, pdf.pages))
}

/** Formatting slips that must not be in a pack: ISO dates, hyphen minus signs, the other decimal mark. */
function expectFormatted(text: string, locale: 'de' | 'en') {
  expect(text, 'no ISO dates or months').not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/)
  expect(text, 'a true minus sign before numbers').not.toMatch(/(^|[\s(])-\d/m)
  if (locale === 'de') expect(text, 'German decimal commas').not.toMatch(/\b\d+\.\d\b(?!\.)/)
  else expect(text, 'English decimal points').not.toMatch(/\b\d+,\d\b/)
}

beforeAll(async () => {
  database = await createTestDatabase(inject('testTemplate'))
  await seedReferenceData(database.db)
  await createDemoNetwork(database, { lastMonth: '2026-10', now: NOW })
  await computeKeyFigures(database, { isFull: true })
  app = await buildApp({ database, now: () => NOW })
  moderator = await signIn(app, 'moderator@demo.benchlearn.de', DEMO_PASSWORD)
  lead = await signIn(app, 'lead.kca@demo.benchlearn.de', DEMO_PASSWORD)
})

afterAll(async () => {
  await closeSharedChromium()
  await app?.close()
  await database?.close()
})

describe('meeting pack', () => {
  it('prints the pack of a held ring meeting as a German PDF with page numbers and Datenstand', async () => {
    const { held, response } = await fetchHeldPack(moderator, '?ring=R01')
    expect(response.headers['content-type']).toBe('application/pdf')
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const pdf = readPdf(response.rawPayload, 'meeting-pack')
    const { file, pages, isTagged, text, page } = pdf
    expect(isTagged, 'pdfinfo says "Tagged: yes" (BITV 2.0 / PDF/UA)').toBe(true)
    // The demo ring's pack: agenda, figures, spotlights, actions, self-assessment and minutes.
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(pages).toBeLessThanOrEqual(5)
    expectShows(
      pdf,
      [
        'Sitzungsunterlage',
        held.title,
        'Demo-Inhalt',
        'Datenstand: Oktober 2026',
        'Tagesordnung',
        'Kennzahlen des Rings',
        'Median des Rings',
        'Datenschlaglichter',
        'Offene Aufgaben',
        'Protokoll (Entwurf, noch nicht freigegeben)',
      ],
      (n, all) => `Seite ${n} von ${all}`,
    )
    // Every page carries "Seite n von N" and the Datenstand in its footer.
    expect(text.split('Datenstand: Oktober 2026').length - 1).toBeGreaterThanOrEqual(pages)
    expect(text).toMatch(/Integrationsquote \(K2\)/)
    expectFormatted(text, 'de')
    // Layout: the ring's whole figure table (11 members and the median) stands on one page.
    const figurePage = [...Array(pages).keys()]
      .map((i) => i + 1)
      .find((n) => page(n).includes('Kennzahlen des Rings'))!
    const figureText = page(figurePage)
    expect(figureText).toContain('Median des Rings')
    expect(figureText.match(/^\s*(Jobcenter|Kommunales|Kreisjobcenter)\b.*\d,\d\s*$/gm)?.length).toBe(11)
    // The moderator has no organisation: no "eigener Wert" column, the members' values instead.
    expect(text).not.toContain('eigener Wert')
    expect(text).toContain('Werte der Mitglieder')

    screenshotPdf(file, 3, 'meeting-pack')
    // pdftoppm numbers pages with leading zeros depending on the count; normalise to -1, -2, -3.
    for (const name of readdirSync(SCREENSHOT_DIR).filter((f) => /^meeting-pack-0*\d+\.png$/.test(f))) {
      const n = Number(/-0*(\d+)\.png$/.exec(name)![1])
      renameSync(join(SCREENSHOT_DIR, name), join(SCREENSHOT_DIR, `meeting-pack-${n}.png`))
    }
    expect(readdirSync(SCREENSHOT_DIR)).toContain('meeting-pack-1.png')
  })

  it("prints the pack in English, and a member's pack shows their own self-assessment values", async () => {
    const { held, response } = await fetchHeldPack(lead, '', '?lang=en')
    expect(response.headers['content-disposition']).toContain(`meeting-pack-${held.id}.pdf`)
    const pdf = readPdf(response.rawPayload, 'meeting-pack-en')
    const { isTagged, text } = pdf
    expect(isTagged).toBe(true)
    expectShows(
      pdf,
      ['Meeting pack', 'Data as of: October 2026', 'Agenda', 'Key figures of the ring', 'Open actions'],
      (n, all) => `Page ${n} of ${all}`,
    )
    // The pack's own words are English; agenda titles, minutes and names are the members' own text.
    for (const german of [
      'Tagesordnung',
      'Datenstand',
      'Seite ',
      'fällig',
      'Prozentpunkte',
      'Gesamtdauer',
      'eigener Wert',
      'Beschlüsse',
    ])
      expect(text, `no German "${german}" in the English pack`).not.toContain(german)
    expectFormatted(text, 'en')
    // "own value": one number per area (scale 1–5), not a column of dashes.
    expect(text).toContain('own value')
    const ownValues = [
      ...text.matchAll(/^\s*\d\. .*?\s(\d\.\d|–)\s+(\d\.\d|–)\s+(\d\.\d|–)\s+(\d\.\d|–)\s+\d+\s*$/gm),
    ]
    expect(ownValues.length).toBe(7)
    expect(ownValues.every((row) => row[1] !== '–')).toBe(true)
  })

  it('serves the same pack as an HTML page with everything escaped', async () => {
    const list = await moderator.inject({ method: 'GET', url: '/api/v1/meetings?ring=R01' })
    const first = list.json().meetings[0]
    const response = await moderator.inject({ method: 'GET', url: `/api/v1/meetings/${first.id}/pack.html` })
    expect(response.statusCode).toBe(200)
    expect(response.body).toMatch(/^<!doctype html>\n<html lang="de">/)
    expect(response.body).not.toMatch(/<script/i)
  })
})
