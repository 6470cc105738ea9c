/**
 * Every comparison on a network that has only the official publication (no raw series at all): a
 * ring of five job centres with published K2 for April 2021 … June 2023 and one yearly context
 * indicator. Each consumer reads through kpi/read-figure-values and says it used published values.
 *
 * Hand-made K2 (value = numerator / denominator · 100, numerator = 10 · value, denominator 1 000):
 * each job centre has a base level until March 2022 and base + step from April 2022 on.
 *   A (adopter of a practice from 2022-04): 18 → 21 (+3)    P1: 20 → 20 (0)    P2: 22 → 23 (+1)
 *   P3: 25 → 24 (−1)                                         P4: 27 → 27 (0)
 * March 2023: A 21, P1 20, P2 23, P3 24, P4 27; a year earlier A 18, P1 20, P2 22, P3 25, P4 27.
 * Outside the network, a gE job centre of the ring's comparison type has published K2 = 19 only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Viewer } from '../../core/permissions'
import {
  createMeeting,
  createPractice,
  createJobcentre,
  createRing,
  createUser,
  seedReferenceData,
} from '../../test/factories'
import { startApp, type StartedApp } from '../../test/start-app'
import { useTestDatabase } from '../../test/use-test-database'
import { importFile } from '../imports/import-file'
import { loadShippedMapping } from '../imports/load-mapping'
import { fitContextModel } from '../kpi/context-model'
import { findFigureExcellence } from '../kpi/excellence'
import { computeFigureGroupStatistics } from '../kpi/group-statistics'
import { monthIndexOf } from '../kpi/load-series'
import { findLatestComputedMonth } from '../kpi/kpi-value.repository'
import { findRingSpotlights } from '../meetings/find-spotlights'
import { findImprovementPotentials } from '../potentials/find-improvement-potentials'
import { checkPracticeEffect } from '../practices/check-practice-effect'
import { insertAdoption, replacePracticeLinks } from '../practices/practice.repository'
import { buildMeetingPack } from '../reports/meeting-pack/build-meeting-pack'
import { renderMeetingPackHtml } from '../reports/meeting-pack/render-meeting-pack'
import { importPublishedFigures } from './import-published-figures'

const t = useTestDatabase()
const NOW = new Date('2023-09-15T10:00:00Z')
const MARCH = monthIndexOf('2023-03')

/** District, base level, step from April 2022, context value (sgb2_rate 2022). */
const CENTRES = [
  { key: 'A', ags: '06435', base: 18, step: 3, context: 2 },
  { key: 'P1', ags: '06431', base: 20, step: 0, context: 1 },
  { key: 'P2', ags: '06432', base: 22, step: 1, context: 3 },
  { key: 'P3', ags: '06433', base: 25, step: -1, context: 4 },
  { key: 'P4', ags: '06434', base: 27, step: 0, context: 5 },
] as const
const id: Record<string, number> = {}
let ringId = 0
let meetingId = 0
let practiceId = 0
let adoptionId = 0
let viewer: Viewer
let gE = 0
let started: StartedApp<'admin' | 'moderator' | 'lead' | 'analyst' | 'viewer'>

function months(): string[] {
  const list: string[] = []
  for (let m = monthIndexOf('2021-04'); m <= monthIndexOf('2023-06'); m++)
    list.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`)
  return list
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, {
    validFrom: '2020-01-01',
    isNetworkMember: true,
    members: CENTRES.map((c) => ({
      ags5: c.ags,
      name: `Jobcenter ${c.key}`,
      shortName: c.key,
      comparisonType: 'IIIa',
    })),
  })
  gE = await createJobcentre(db, {
    ags5: '06411',
    name: 'Jobcenter Darmstadt (gE)',
    carrierType: 'gE',
    comparisonType: 'IIIa',
  })
  ringId = ring.ringId
  CENTRES.forEach((c, i) => (id[c.key] = ring.memberIds[i]!))
  const userId = await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: id.A })
  viewer = { userId, role: 'member_lead', organisationId: id.A!, ringIds: [ringId], moderatedRingIds: [] }

  const loaded = loadShippedMapping('sgb2-kennzahlen-48a')
  if (loaded.kind !== 'published-figures') throw new Error('expected the published mapping')
  const rows: string[] = []
  for (const c of CENTRES)
    for (const month of months()) {
      const value = c.base + (month >= '2022-04' ? c.step : 0)
      const [year, mm] = month.split('-')
      rows.push(`${c.ags};K2;Insgesamt;${mm}/${year};${value},0;${value * 10};1.000;endgültig;IIIa`)
    }
  rows.push('06411;K2;Insgesamt;03/2023;19,0;190;1.000;endgültig;IIIa')
  const published = await importPublishedFigures(t.database, {
    fileName: 'dl_48a_k2.csv',
    bytes: new TextEncoder().encode(
      [
        'Regionalschlüssel;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status;Vergleichstyp',
        ...rows,
      ].join('\n'),
    ),
    mapping: loaded.mapping,
    now: new Date('2023-08-01T00:00:00Z'),
  })
  expect(published.errors).toEqual([])
  const context = await importFile(t.database, {
    fileName: 'context.csv',
    bytes: new TextEncoder().encode(
      `org;indicator;period;value\n${CENTRES.map((c) => `${c.ags};sgb2_rate;2022;${c.context}`).join('\n')}\n`,
    ),
    now: new Date('2023-08-01T00:00:00Z'),
  })
  expect(context.errors).toEqual([])

  meetingId = await createMeeting(db, { ringId, startsOn: '2023-10-10', hostOrganisationId: id.A })
  // The card is P4's (an organisation does not adopt its own card); A adopts it from April 2022.
  practiceId = (await createPractice(db, { organisationId: id.P4, ringId, now: NOW })).practiceId
  await replacePracticeLinks(db, practiceId, { figureCodes: ['K2'] })
  adoptionId = await insertAdoption(db, {
    practiceId,
    organisationId: id.A!,
    startedOn: '2022-04-01',
    note: '',
    createdByUserId: userId,
    now: NOW,
  })
  started = await startApp(t.database, {
    accounts: {
      admin: { role: 'admin' },
      moderator: { role: 'moderator', moderatedRingIds: [ringId] },
      lead: { role: 'member_lead', organisationId: id.A },
      analyst: { role: 'member_analyst', organisationId: id.A },
      viewer: { role: 'viewer', organisationId: id.A },
    },
  })
})
afterAll(async () => started?.app.close())

const ringGroup = () => ({
  kind: 'ring' as const,
  label: 'R1',
  organisationIds: CENTRES.map((c) => id[c.key]!),
  ringId,
})

describe('a network with only the official publication', () => {
  it('has no computed figure at all', async () => {
    expect(await findLatestComputedMonth(t.database.db)).toBeUndefined()
  })

  it('ranks and takes quartiles of the ring on published values', async () => {
    const { dto } = await computeFigureGroupStatistics(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      month: MARCH,
      group: ringGroup(),
    })
    // 20, 21, 23, 24, 27: mean 23, median 23, q1 (h = 1) 21, q3 (h = 3) 24.
    expect(dto).toMatchObject({ n: 5, mean: 23, median: 23, q1: 21, q3: 24, best: 27 })
    expect(dto.members.map((m) => [m.name, m.value, m.rank, m.changeToPreviousYear, m.source])).toEqual([
      ['Jobcenter P4', 27, 1, 0, 'published'],
      ['Jobcenter P3', 24, 2, -1, 'published'],
      ['Jobcenter P2', 23, 3, 1, 'published'],
      ['Jobcenter A', 21, 4, 3, 'published'],
      ['Jobcenter P1', 20, 5, 0, 'published'],
    ])
  })

  it('fits expected vs actual on published values and says so', async () => {
    const { dto } = await fitContextModel(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      month: MARCH,
      context: ['sgb2_rate'],
    })
    // x = 1 … 5 for y = 20, 21, 23, 24, 27: slope Sxy/Sxx = 17/10 = 1.7, intercept 23 − 3 · 1.7 = 17.9.
    expect(dto.n).toBe(5)
    expect(dto.coefficients[0]!.estimate).toBeCloseTo(17.9, 9)
    expect(dto.coefficients[1]!.estimate).toBeCloseTo(1.7, 9)
    expect(dto.source).toBe('published')
    const expected = Object.fromEntries(dto.observations.map((o) => [o.organisationId, o.expected]))
    expect(expected[id.A!]).toBeCloseTo(21.3, 9)
    expect(expected[id.P4!]).toBeCloseTo(26.4, 9)
    expect(new Set(dto.observations.map((o) => o.source))).toEqual(new Set(['published']))
  })

  it('finds excellence on published values and says so', async () => {
    const dto = await findFigureExcellence(t.database.db, {
      code: 'K2',
      breakdown: 'total',
      month: MARCH,
      group: ringGroup(),
      context: ['sgb2_rate'],
    })
    expect(dto.source).toBe('published')
    expect(dto.byLevel[0]).toMatchObject({ organisationId: id.P4, value: 27, rank: 1, source: 'published' })
    // A improved most: 21 − 18 = +3 on March 2022.
    expect(dto.byImprovement[0]).toMatchObject({
      organisationId: id.A,
      value: 21,
      valuePreviousYear: 18,
      improvement: 3,
      source: 'published',
    })
    // P4 leads every month of the year: 12 of 12 in the top quartile.
    expect(dto.consistency.find((c) => c.organisationId === id.P4)).toMatchObject({
      monthsInTopQuartile: 12,
      monthsConsidered: 12,
      source: 'published',
    })
  })

  it('proposes spotlights on published values and marks them', async () => {
    const found = await findRingSpotlights(t.database.db, { ringId, period: '2023-03' })
    expect(found.period).toBe('2023-03')
    const change = found.spotlights.find((s) => s.kind === 'largest_change' && s.figureCode === 'K2')
    expect(change).toMatchObject({
      organisationId: id.A,
      numbers: { value: 21, valuePreviousYear: 18, change: 3 },
      source: 'published',
    })
    const leader = found.spotlights.find((s) => s.kind === 'excellence' && s.figureCode === 'K2')
    expect(leader).toMatchObject({ organisationId: id.P4, source: 'published' })
  })

  it('checks a practice effect on published values and says so', async () => {
    const result = await checkPracticeEffect(t.database.db, { viewer, practiceId, adoptionId, now: NOW })
    const k2 = result.figures[0]!
    // Before 2021-04 … 2022-03, after 2022-07 … 2023-06. A: 18 → 21; peer changes 0, +1, −1, 0 (mean 0).
    expect(k2).toMatchObject({
      figureCode: 'K2',
      isEstimated: true,
      peerCount: 4,
      adopterBefore: 18,
      adopterAfter: 21,
      adopterChange: 3,
      peerMeanChange: 0,
      estimate: 3,
      source: 'published',
    })
    expect(k2.series).toHaveLength(27)
    expect(k2.series[0]).toEqual({ period: '2021-04', adopter: 18, peerMean: (20 + 22 + 25 + 27) / 4 })
  })

  it('finds improvement potentials on published values and marks the values', async () => {
    const dto = await findImprovementPotentials(t.database.db, {
      viewer,
      query: { org: String(id.A), group: 'ring', period: '2023-03' },
      now: NOW,
      withEvidence: false,
    })
    const k2 = dto.potentials.find((p) => p.figure.code === 'K2')!
    expect(k2).toMatchObject({ actual: 21, numerator: 210, denominator: 1000, source: 'published' })
    // Better peers by name with their published values, best first.
    expect(k2.betterPeers.map((p) => [p.name, p.value, p.source])).toEqual([
      ['Jobcenter P4', 27, 'published'],
      ['Jobcenter P3', 24, 'published'],
      ['Jobcenter P2', 23, 'published'],
    ])
    // The ring's upper quartile is 24: three points to it.
    expect(k2.toPeers).toMatchObject({ target: 24, gap: 3 })
  })

  it('notes in the meeting pack which values each figure used', async () => {
    const pack = await buildMeetingPack(t.database.db, { viewer, meetingId, period: '2023-03', now: NOW })
    const k2 = pack.figures.find((f) => f.code === 'K2')!
    expect(k2).toMatchObject({ median: 23, source: 'published' })
    const a = pack.rows.find((r) => r.organisation.id === id.A)!
    expect(a.values[pack.figures.indexOf(k2)]).toBe(21)
    const html = renderMeetingPackHtml(pack)
    expect(html).toContain('K2: Integrationsquote')
    expect(html).toMatch(/K2: [^·]*Werte veröffentlicht\)/)
    expect(pack.spotlights.every((s) => s.source === 'published')).toBe(true)
    expect(html).toContain('Größte Veränderung · K2 · Werte veröffentlicht')
  })

  it("shows the gE job centre's published K2 by name to every role, marked published", async () => {
    for (const [role, session] of Object.entries(started.as)) {
      const res = await session.inject({
        method: 'GET',
        url: '/api/v1/kpi/values?figure=K2&org=06411&from=2023-03&to=2023-03',
      })
      expect(res.statusCode, role).toBe(200)
      expect(res.json().organisation.name, role).toBe('Jobcenter Darmstadt (gE)')
      expect(res.json().values[0], role).toMatchObject({
        value: 19,
        numerator: 190,
        denominator: 1000,
        source: 'published',
      })
    }
    // A among every job centre of its comparison type: the gE by name, its value published.
    const group = await started.as.lead.inject({
      method: 'GET',
      url: '/api/v1/kpi/group-statistics?figure=K2&org=06435&group=comparison_type&period=2023-03',
    })
    expect(group.statusCode).toBe(200)
    const member = group.json().members.find((m: { organisationId: number }) => m.organisationId === gE)
    expect(member).toMatchObject({ name: 'Jobcenter Darmstadt (gE)', value: 19, source: 'published' })
    // 19, 20, 21, 23, 24, 27: the median of six is (21 + 23) / 2 = 22.
    expect(group.json()).toMatchObject({ n: 6, median: 22 })
  })
})
