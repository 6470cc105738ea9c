/**
 * Improvement potentials through the API, with an attacker's eye: a named ring R1 (A, B, C) and a
 * ring R2 (H1, H2, H3) that A's people may not see, in one network, with K2 computed for both.
 * Hand-computed: A has 10 integrations a month on 1 000 ELB (K2 = 12 %), B 21 on 1 100
 * (22.909 %), C 22 on 1 200 (22 %). The ring's upper quartile (linear, h = 1.5) is
 * 22 + 0.5 · 0.909 = 22.4545 %, so at it A would have (22.4545 − 12) / 100 · 1 000 = 104.5
 * integrations more a year.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeSharedChromium, isChromiumAvailable } from '../reports/chromium'
import type { Database } from '../../db/connect'
import { computeKeyFigures } from '../kpi/compute-key-figures'
import { importFile } from '../imports/import-file'
import { insertAdoption, replacePracticeLinks } from '../practices/practice.repository'
import { createNetwork, createPractice, createRing, seedReferenceData } from '../../test/factories'
import { startApp, type StartedApp } from '../../test/start-app'
import { useTestDatabase } from '../../test/use-test-database'
import type { PotentialsDto, LearningSpotlightDto } from '../../contracts/potentials'

const t = useTestDatabase()
const MONTHS = [...Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`), '2021-01']
// Hidden organisations get values no one else has, so that an answer carrying one is caught.
const HIDDEN = [
  { ags: '06437', elb: 1370, integrations: 37 },
  { ags: '06438', elb: 1380, integrations: 41 },
  { ags: '06439', elb: 1390, integrations: 43 },
]
const VISIBLE = [
  { ags: '06435', elb: 1000, integrations: 10 },
  { ags: '06433', elb: 1100, integrations: 21 },
  { ags: '06432', elb: 1200, integrations: 22 },
]

let started: StartedApp<'leadA' | 'leadH' | 'moderatorR1'>
let ids: { a: number; b: number; c: number; h1: number; ring1: number; ring2: number }
let hiddenNames: string[]
let cards: { fromB: number; ringOnlyOfH1: number }

async function load(database: Database) {
  const lines = ['org;indicator;period;breakdown;value']
  for (const org of [...VISIBLE, ...HIDDEN])
    for (const month of MONTHS) {
      lines.push(`${org.ags};elb;${month};total;${org.elb}`)
      lines.push(`${org.ags};integrations;${month};total;${org.integrations}`)
    }
  const result = await importFile(database, {
    fileName: 'k2.csv',
    bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
    now: new Date(),
  })
  expect(result.errors).toEqual([])
  await computeKeyFigures(database)
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const networkId = await createNetwork(db)
  const ring1 = await createRing(db, {
    networkId,
    code: 'R1',
    validFrom: '2000-01-01',
    members: VISIBLE.map((v) => ({ ags5: v.ags, name: `Sichtbar ${v.ags}`, shortName: v.ags })),
  })
  const ring2 = await createRing(db, {
    networkId,
    code: 'R2',
    validFrom: '2000-01-01',
    members: HIDDEN.map((h) => ({ ags5: h.ags, name: `Verborgen ${h.ags}`, shortName: h.ags })),
  })
  hiddenNames = HIDDEN.map((h) => `Verborgen ${h.ags}`)
  const [a, b, c] = ring1.memberIds as [number, number, number]
  const [h1] = ring2.memberIds as [number]
  ids = { a, b, c, h1, ring1: ring1.ringId, ring2: ring2.ringId }
  await load(t.database)
  // B (a better peer) wrote a card on K2; the hidden H1 wrote one too and adopted B's.
  const fromB = await createPractice(db, {
    organisationId: b,
    ringId: ring1.ringId,
    title: 'Jobcoaching im Betrieb',
    visibility: 'network',
  })
  const fromH1 = await createPractice(db, {
    organisationId: h1,
    ringId: ring2.ringId,
    title: 'Arbeitgeberservice verstärkt',
    visibility: 'network',
  })
  // A card only ring R2 may read: A's people get the answer of an unknown card.
  const ringOnlyOfH1 = await createPractice(db, {
    organisationId: h1,
    ringId: ring2.ringId,
    title: 'Nur im Ring R2',
    visibility: 'ring',
  })
  cards = { fromB: fromB.practiceId, ringOnlyOfH1: ringOnlyOfH1.practiceId }
  await replacePracticeLinks(db, fromB.practiceId, { figureCodes: ['K2'] })
  await replacePracticeLinks(db, fromH1.practiceId, { figureCodes: ['K2'] })
  await insertAdoption(db, {
    practiceId: fromB.practiceId,
    organisationId: h1,
    startedOn: '2020-03-01',
    note: '',
    createdByUserId: null,
    now: new Date(),
  })
  started = await startApp(t.database, {
    accounts: {
      leadA: { role: 'member_lead', organisationId: a },
      leadH: { role: 'member_lead', organisationId: h1 },
      moderatorR1: { role: 'moderator', moderatedRingIds: [ring1.ringId] },
    },
  })
})
afterAll(async () => started?.app.close())

function assertNothingHidden(body: string) {
  for (const name of hiddenNames) expect(body).not.toContain(name)
  for (const h of HIDDEN) {
    expect(body).not.toContain(`"${h.ags}"`)
    // K2 of a hidden organisation as the API would write it (integrations·12 / elb · 100).
    const k2 = ((h.integrations * 12) / h.elb) * 100
    expect(body).not.toContain(String(k2).slice(0, 7))
  }
}

describe('GET /api/v1/potentials', () => {
  it('gives A its hand-computed potential to the ring quartile, with better peers and their card', async () => {
    const response = await started.as.leadA.inject({
      method: 'GET',
      url: '/api/v1/potentials?org=06435&period=2020-12',
    })
    expect(response.statusCode).toBe(200)
    const body = response.json<PotentialsDto>()
    const k2 = body.potentials.find((p) => p.figure.code === 'K2')!
    expect(k2.actual).toBeCloseTo(12, 9)
    expect(k2.tier).toBe('behind_peers')
    expect(k2.toPeers!.kind).toBe('quartile')
    expect(k2.toPeers!.target).toBeCloseTo(22 + 0.5 * (2520 / 110 - 22), 6)
    expect(k2.toPeers!.translated!.amountPerYear).toBeCloseTo(104.545, 2)
    expect(k2.betterPeers.map((p) => p.id)).toEqual([ids.b, ids.c])
    expect(body.ringId).toBe(ids.ring1)
    // B's card comes first, from a better peer; H1's card is shown without its name.
    expect(k2.evidence[0]).toMatchObject({
      isFromBetterPeer: true,
      practice: { title: 'Jobcoaching im Betrieb' },
    })
    const hiddenCard = k2.evidence.find((e) => e.practice.title === 'Arbeitgeberservice verstärkt')!
    expect(hiddenCard.practice.organisation).toMatchObject({ id: null, kind: 'anonymous' })
    // H1 adopted B's card, but A may not see H1: the adoption neither counts nor gives an effect.
    expect(k2.evidence[0]!.adoptionsVisible).toBe(0)
    expect(k2.evidence[0]!.pooledEffect).toBeNull()
    assertNothingHidden(response.body)
  })

  it('answers a hidden organisation exactly like an unknown key', async () => {
    const hidden = await started.as.leadA.inject({ method: 'GET', url: '/api/v1/potentials?org=06437' })
    const unknown = await started.as.leadA.inject({ method: 'GET', url: '/api/v1/potentials?org=09999' })
    expect(hidden.statusCode).toBe(404)
    expect(unknown.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe(unknown.json().error.code)
    // The refusal repeats the key the caller typed (its own input), and nothing else of the organisation.
    expect(hidden.json().error.params).toEqual({ key: '06437' })
    assertNothingHidden(hidden.body.replace('"params":{"key":"06437"}', ''))
  })
})

describe('GET /api/v1/rings/:id/learning-spotlight', () => {
  it("gives the ring's moderator each member's most realistic potential", async () => {
    const response = await started.as.moderatorR1.inject({
      method: 'GET',
      url: `/api/v1/rings/${ids.ring1}/learning-spotlight?period=2020-12`,
    })
    expect(response.statusCode).toBe(200)
    const body = response.json<LearningSpotlightDto>()
    const forA = body.items.find((i) => i.organisation.id === ids.a)!
    expect(forA.potential.figure.code).toBe('K2')
    expect(forA.potential.evidence.length).toBeGreaterThan(0)
    assertNothingHidden(response.body)
  })

  it('refuses a ring the caller has no part in, as if it did not exist', async () => {
    const response = await started.as.leadH.inject({
      method: 'GET',
      url: `/api/v1/rings/${ids.ring1}/learning-spotlight`,
    })
    expect(response.statusCode).toBe(404)
    expect(response.body).not.toContain('Sichtbar')
  })
})

describe('POST /api/v1/practices/:id/try (Das wollen wir ausprobieren)', () => {
  it("proposes the card as a topic of the caller's ring, linked to it, once per organisation", async () => {
    const first = await started.as.leadA.inject({
      method: 'POST',
      url: `/api/v1/practices/${cards.fromB}/try`,
    })
    expect(first.statusCode).toBe(200)
    const { topicId, isNew } = first.json() as { topicId: number; isNew: boolean }
    expect(isNew).toBe(true)
    const again = await started.as.leadA.inject({
      method: 'POST',
      url: `/api/v1/practices/${cards.fromB}/try`,
    })
    expect(again.json()).toEqual({ topicId, isNew: false })
    const topics = await t.database.db
      .selectFrom('topic')
      .select(['id', 'ring_id', 'practice_id', 'proposed_by_organisation_id', 'title'])
      .where('practice_id', '=', cards.fromB)
      .execute()
    expect(topics).toEqual([
      {
        id: topicId,
        ring_id: ids.ring1,
        practice_id: cards.fromB,
        proposed_by_organisation_id: ids.a,
        title: 'Ausprobieren: Jobcoaching im Betrieb',
      },
    ])
    const list = await started.as.leadA.inject({ method: 'GET', url: '/api/v1/topics' })
    const listed = (list.json() as { topics: { id: number; practiceId: number | null }[] }).topics
    expect(listed.find((topic) => topic.id === topicId)?.practiceId).toBe(cards.fromB)
  })

  it('answers a card the caller may not read exactly like an unknown one, and writes nothing', async () => {
    const hidden = await started.as.leadA.inject({
      method: 'POST',
      url: `/api/v1/practices/${cards.ringOnlyOfH1}/try`,
    })
    const unknown = await started.as.leadA.inject({ method: 'POST', url: '/api/v1/practices/999999/try' })
    expect(hidden.statusCode).toBe(404)
    expect(unknown.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe(unknown.json().error.code)
    expect(hidden.body).not.toContain('Nur im Ring R2')
    const linked = await t.database.db
      .selectFrom('topic')
      .select('id')
      .where('practice_id', '=', cards.ringOnlyOfH1)
      .execute()
    expect(linked).toEqual([])
  })
})

describe('GET /api/v1/reports/organisation/:org (the council report)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'council-'))
  afterAll(async () => {
    await closeSharedChromium()
    rmSync(dir, { recursive: true, force: true })
  })

  it.skipIf(!isChromiumAvailable())(
    'prints a tagged landscape PDF, one slide per message, in German',
    async () => {
      const response = await started.as.leadA.inject({
        method: 'GET',
        url: '/api/v1/reports/organisation/06435?format=pdf&period=2020-12',
      })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('application/pdf')
      const file = join(dir, 'bericht.pdf')
      writeFileSync(file, response.rawPayload)
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      expect(info).toMatch(/Tagged:\s+yes/)
      // Title, position, context, one potential (K2), measures, how it was made.
      expect(info).toMatch(/Pages:\s+6/)
      expect(info).toMatch(/Page size:\s+84\d\.\d+ x 595\.\d+ pts/)
      // Lines wrap where the slide ends: compare with runs of white space made single.
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      expect(text).toContain('Sichtbar 06435: Kennzahlen, Lage und Verbesserungspotenziale')
      expect(text).toContain('Datenstand Dezember 2020')
      expect(text).toContain('Integrationsquote: etwa 105 Integrationen mehr im Jahr')
      expect(text).toContain('Noch keine übernommenen Praxisbeispiele erfasst.')
      for (const name of hiddenNames) expect(text).not.toContain(name)
    },
    60_000,
  )

  it('builds an editable PowerPoint file in English with the chosen sections only', async () => {
    const response = await started.as.leadA.inject({
      method: 'GET',
      url: '/api/v1/reports/organisation/06435?format=pptx&lang=en&period=2020-12&sections=potentials',
    })
    expect(response.statusCode).toBe(200)
    const zip = await JSZip.loadAsync(response.rawPayload)
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    // Title, the K2 potential, how it was made.
    expect(slides).toHaveLength(3)
    const second = await zip.file('ppt/slides/slide2.xml')!.async('string')
    expect(second).toContain('Integration rate: about 105 more integrations a year')
    expect(second).toContain('At the upper quartile')
  })

  it('refuses an unknown section and an organisation the caller may not see by name', async () => {
    const bad = await started.as.leadA.inject({
      method: 'GET',
      url: '/api/v1/reports/organisation/06435?format=pptx&sections=potentials,gossip',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.message).toContain('sections: „gossip“ ist kein Abschnitt')
    const hidden = await started.as.leadA.inject({
      method: 'GET',
      url: '/api/v1/reports/organisation/06437?format=pptx',
    })
    expect(hidden.statusCode).toBe(404)
  })
})
