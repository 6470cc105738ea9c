/**
 * The meeting pack as a PDF, printed by Debian's chromium through the API route, on the demo
 * network: its text (pdftotext from poppler-utils), its page count and page numbers, and
 * screenshots of its first pages (pdftoppm) in test-results/screenshots/meeting-pack-*.png.
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

beforeAll(async () => {
  database = await createTestDatabase(inject('testTemplate'))
  await seedReferenceData(database.db)
  await createDemoNetwork(database, { lastMonth: '2026-10', now: NOW })
  await computeKeyFigures(database, { isFull: true })
  app = await buildApp({ database, now: () => NOW })
  moderator = await signIn(app, 'moderator@demo.benchlearn.de', DEMO_PASSWORD)
})

afterAll(async () => {
  await closeSharedChromium()
  await app?.close()
  await database?.close()
})

describe('meeting pack', () => {
  it('prints the pack of a held ring meeting as a German PDF with page numbers and Datenstand', async () => {
    const list = await moderator.inject({ method: 'GET', url: '/api/v1/meetings?ring=R01' })
    expect(list.statusCode).toBe(200)
    const held = list.json().meetings.find((m: { status: string }) => m.status === 'held')
    expect(held, 'the demo year has a held meeting in R01').toBeDefined()

    const response = await moderator.inject({ method: 'GET', url: `/api/v1/meetings/${held.id}/pack.pdf` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const file = join(RESULTS, 'meeting-pack.pdf')
    writeFileSync(file, response.rawPayload)

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(pages).toBeLessThanOrEqual(8)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const heading of [
      'Sitzungsunterlage',
      held.title,
      'Demo-Inhalt',
      'Datenstand: 10/2026',
      'Tagesordnung',
      'Kennzahlen des Rings',
      'Median des Rings',
      'Datenschlaglichter',
      'Offene Aufgaben',
      'Protokoll (Entwurf, noch nicht freigegeben)',
    ])
      expect(text, `the pack shows "${heading}"`).toContain(heading)
    // Every page carries "Seite n von N" and the Datenstand in its footer.
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Seite ${n} von ${pages}`)
    expect(text.split('Datenstand: 10/2026').length - 1).toBeGreaterThanOrEqual(pages)
    expect(text).toMatch(/Integrationsquote \(K2\)/)

    screenshotPdf(file, 3, 'meeting-pack')
    // pdftoppm numbers pages with leading zeros depending on the count; normalise to -1, -2, -3.
    for (const name of readdirSync(SCREENSHOT_DIR).filter((f) => /^meeting-pack-0*\d+\.png$/.test(f))) {
      const n = Number(/-0*(\d+)\.png$/.exec(name)![1])
      renameSync(join(SCREENSHOT_DIR, name), join(SCREENSHOT_DIR, `meeting-pack-${n}.png`))
    }
    expect(readdirSync(SCREENSHOT_DIR)).toContain('meeting-pack-1.png')
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
