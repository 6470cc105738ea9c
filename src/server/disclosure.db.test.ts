/**
 * The disclosure rules through the API, with the attacks that were tried: the network's minimum,
 * maximum and best as an outsider's exact figure, an own figure that packs two months of raw data
 * into one number, and a newest month in which only two job centres outside the ring delivered.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeKeyFigures } from '../features/kpi/compute-key-figures'
import { importFile } from '../features/imports/import-file'
import { createRing, seedReferenceData } from '../test/factories'
import type { SignedIn } from '../test/sign-in'
import { startApp } from '../test/start-app'
import { useTestDatabase } from '../test/use-test-database'

const t = useTestDatabase()
let app: FastifyInstance
let lead: SignedIn
let analyst: SignedIn
let admin: SignedIn

// Ring 1 (named): A1 … A3, A1 is the caller's. Ring 2 (pseudonymised): B1 … B8, outside the caller's view.
const RING1 = ['06435', '06431', '06432']
const RING2 = ['06433', '06434', '06436', '06437', '06438', '06439', '06440', '01058']
const MONTHS = [...Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`), '2024-01']
/** In 2024-02 only these have delivered: the caller's own and two outside the ring. */
const DELIVERED_LATE = ['06435', '06433', '06434']

const elbOf = (i: number) => 1000 + 37 * i
const integrationsOf = (i: number) => 20 + 3 * i
/** K2 as the regulation defines it here: integrations of 12 months over the mean ELB of those months, in %. */
const k2Of = (i: number) => ((12 * integrationsOf(i)) / elbOf(i)) * 100

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  // The disclosure rules are about network-confidential values (docs/security.md): the world
  // declares its series and figures so; public values are shown by name and pooled freely.
  await db.updateTable('indicator').set({ confidentiality: 'network' }).execute()
  await db.updateTable('kpi_definition').set({ confidentiality: 'network' }).execute()
  const all = [...RING1, ...RING2]
  let networkId: number | undefined
  let ownId = 0
  for (const [index, agsList] of [RING1, RING2].entries()) {
    const ring = await createRing(db, {
      networkId,
      code: `D${index + 1}`,
      name: `Ring ${index + 1}`,
      sharing: index === 0 ? 'named' : 'pseudonymised',
      members: agsList,
      isNetworkMember: true,
    })
    networkId = ring.networkId
    // The callers' own job centre: 06435, the first of ring 1.
    if (index === 0) ownId = ring.memberIds[0]!
  }
  const lines = ['org;indicator;period;value']
  for (const [i, ags] of all.entries()) {
    for (const month of [...MONTHS, ...(DELIVERED_LATE.includes(ags) ? ['2024-02'] : [])]) {
      lines.push(`${ags};elb;${month};${elbOf(i)}`)
      lines.push(`${ags};integrations;${month};${integrationsOf(i)}`)
    }
  }
  const result = await importFile(t.database, {
    fileName: 'disclosure.csv',
    bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  })
  expect(result.errors).toEqual([])
  await computeKeyFigures(t.database)
  ;({
    app,
    as: { lead, analyst, admin },
  } = await startApp(t.database, {
    now: () => new Date('2024-04-01T12:00:00Z'),
    accounts: {
      lead: { role: 'member_lead', organisationId: ownId },
      analyst: { role: 'member_analyst', organisationId: ownId },
      admin: { role: 'admin' },
    },
  }))
})
afterAll(async () => app?.close())

const statistics = (who: SignedIn, query: string) =>
  who.inject({ method: 'GET', url: `/api/v1/kpi/group-statistics?org=06435&${query}` })

/** Every figure an outsider has, in the forms JSON may carry it. */
function outsiderValues(valueOf: (i: number) => number): string[] {
  return RING2.map((_, j) => valueOf(RING1.length + j)).flatMap((v) => [
    String(v),
    String(Math.round(v * 1e6) / 1e6),
  ])
}

describe('disclosure of group statistics', () => {
  it('answers the network over hidden job centres with count and mean only', async () => {
    const response = await statistics(lead, 'figure=K2&group=all&period=2024-01')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body.disclosure).toEqual({ level: 'mean_only', reason: null, hiddenCount: RING2.length })
    expect(body.n).toBe(11)
    const all = [...RING1, ...RING2].map((_, i) => k2Of(i))
    expect(body.mean).toBeCloseTo(all.reduce((s: number, x: number) => s + x, 0) / all.length, 9)
    for (const key of ['min', 'max', 'best', 'median', 'q1', 'q3', 'standardDeviation'])
      expect(body[key], key).toBeNull()
    for (const member of body.members) {
      expect(member.gapToBest).toBeNull()
      expect(member.gapToMedian).toBeNull()
      expect(member.zScore).toBeNull()
    }
    for (const value of outsiderValues(k2Of)) expect(response.body).not.toContain(value)
    // The administration sees everything.
    const full = (await statistics(admin, 'figure=K2&group=all&period=2024-01')).json()
    expect(full.disclosure.level).toBe('full')
    expect(full.max).toBeCloseTo(Math.max(...all), 9)
  })

  it('leaves hidden job centres out of a month in which only some have delivered (n counts values)', async () => {
    const response = await statistics(lead, 'figure=K2&group=all&period=2024-02')
    const body = response.json()
    expect(body.disclosure).toEqual({ level: 'visible_only', reason: 'incomplete', hiddenCount: 2 })
    // Only A1 of the visible ring has a value in 2024-02: the statistics are its own value.
    expect(body.n).toBe(1)
    expect(body.mean).toBeCloseTo(k2Of(0), 9)
    for (const value of outsiderValues(k2Of)) expect(response.body).not.toContain(value)
  })

  it('never pools an own figure over hidden job centres (packing two months into one number)', async () => {
    const created = await analyst.inject({
      method: 'POST',
      url: '/api/v1/kpi/figures',
      payload: {
        code: 'PACK',
        nameDe: 'Gepackt',
        nameEn: 'Packed',
        numerator: 'elb * 1000000000 + lag(elb, 1)',
        denominator: '1',
        unit: '',
        transform: 'percent',
        polarity: 'higher_is_better',
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    await admin.inject({ method: 'POST', url: '/api/v1/kpi/compute', payload: {} })
    const response = await statistics(lead, 'figure=PACK&group=all&period=2024-01')
    const body = response.json()
    expect(body.disclosure).toEqual({
      level: 'visible_only',
      reason: 'own_figure',
      hiddenCount: RING2.length,
    })
    expect(body.n).toBe(RING1.length)
    // The figure is shown in percent (× 100).
    const packed = (i: number) => (elbOf(i) * 1e9 + elbOf(i)) * 100
    for (const value of outsiderValues(packed)) expect(response.body).not.toContain(value)
    expect(body.max).toBe(packed(RING1.length - 1))
  })

  it('applies the same rules to the summaries of the start page', async () => {
    const response = await lead.inject({
      method: 'GET',
      url: '/api/v1/kpi/summaries?org=06435&group=all&period=2024-01&figures=K2',
    })
    const summary = response.json().summaries[0]
    expect(summary.group.disclosure.level).toBe('mean_only')
    expect([summary.group.median, summary.group.q1, summary.group.q3, summary.group.best]).toEqual([
      null,
      null,
      null,
      null,
    ])
    expect(summary.group.mean).toBeCloseTo(
      [...RING1, ...RING2].map((_, i) => k2Of(i)).reduce((s, x) => s + x, 0) / 11,
      9,
    )
  })

  it('shows excellence over the visible members only when the group holds hidden ones', async () => {
    const response = await lead.inject({
      method: 'GET',
      url: '/api/v1/kpi/excellence?org=06435&figure=K2&group=all&period=2024-01',
    })
    expect(response.statusCode, response.body).toBe(200)
    for (const value of outsiderValues(k2Of)) expect(response.body).not.toContain(value)
    for (const leader of response.json().byLevel) expect(leader.n).toBe(RING1.length)
  })
})
