/**
 * GET /api/v1/kpi/summaries gives, in one answer, what GET /api/v1/kpi/summary gives figure by
 * figure (the same code, the same access rules), all official figures when none are named, and
 * names the figures it cannot summarise instead of failing.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser } from '../../test/factories'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { readCatalogue } from './figure-catalogue'

const t = useTestDatabase()
let world: Awaited<ReturnType<typeof setUpKpiRing>>
beforeAll(async () => {
  world = await setUpKpiRing(t.database)
})

describe('batched figure summaries', () => {
  test('equal the single summaries, default to the official figures and list what is unavailable', async () => {
    const { db } = world
    const outside = await createJobcentre(db, { ags5: '06431' })
    await createUser(db, { email: 'lead@outside.test', role: 'member_lead', organisationId: outside })
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const get = (url: string) => member.inject({ method: 'GET', url })

    const named = await get('/api/v1/kpi/summaries?figures=K2,K3,NO_SUCH&org=06435&group=ring&period=2021-01')
    expect(named.statusCode).toBe(200)
    const body = named.json()
    expect(body.summaries.map((s: { figure: { code: string } }) => s.figure.code)).toEqual(['K2', 'K3'])
    for (const summary of body.summaries) {
      const single = await get(
        `/api/v1/kpi/summary?figure=${summary.figure.code}&org=06435&group=ring&period=2021-01`,
      )
      expect(summary).toEqual(single.json())
    }
    // K2 = 12 × 10 / 1000 · 100 = 12 (as in kpi-cache.db.test.ts).
    expect(body.summaries[0].value).toBeCloseTo(12, 10)
    expect(body.unavailable).toEqual([
      expect.objectContaining({
        figure: 'NO_SUCH',
        code: 'not_found',
        message: expect.stringContaining('NO_SUCH'),
      }),
    ])

    const all = (await get('/api/v1/kpi/summaries?org=06435&group=ring&period=2021-01')).json()
    const official = (await readCatalogue(db)).figures.filter((f) => f.current.isOfficial).map((f) => f.code)
    expect(official.length).toBeGreaterThan(10)
    expect([
      ...all.summaries.map((s: { figure: { code: string } }) => s.figure.code),
      ...all.unavailable.map((u: { figure: string }) => u.figure),
    ]).toEqual(official)
    expect(all.summaries.length).toBeGreaterThan(0)

    // The rules of the single summary: an organisation outside the caller's ring is not found.
    expect((await get('/api/v1/kpi/summaries?org=06431&group=ring&period=2021-01')).statusCode).toBe(404)
    expect((await get('/api/v1/kpi/summary?figure=K2&org=06431&group=ring&period=2021-01')).statusCode).toBe(
      404,
    )
    // Codes are checked like the single route's.
    const invalid = await get('/api/v1/kpi/summaries?figures=K2,k3&org=06435')
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().error.code).toBe('invalid_input')
    expect(invalid.json().error.details[0].message).toContain('„k3“ ist ungültig')
    await app.close()
  })
})

describe('summaries as known at an earlier instant', () => {
  test('give the values of the last visit, so the start page can mark what was revised since', async () => {
    const { load } = world
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const lastVisit = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))
    // A's integrations are corrected from 10 to 15 a month: K2 = 12 × 15 / 1000 · 100 = 18.
    await load(15)
    const url = '/api/v1/kpi/summaries?figures=K2&org=06435&group=ring&period=2021-01'
    const now = (await member.inject({ method: 'GET', url })).json()
    const then = (await member.inject({ method: 'GET', url: `${url}&asOf=${lastVisit}` })).json()
    expect(now.summaries[0].value).toBeCloseTo(18, 10)
    expect(then.summaries[0].value).toBeCloseTo(12, 10)
    expect(then.summaries[0].period).toBe('2021-01')
    await app.close()
  })

  test('after the newest revision equal the current ones, and follow a later correction', async () => {
    const { load } = world
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const url = '/api/v1/kpi/summaries?figures=K2,K3&org=06435&group=ring&period=2021-01'
    const now = (await member.inject({ method: 'GET', url })).json()
    const lastVisit = new Date().toISOString()
    const asOfUrl = `${url}&asOf=${lastVisit}`
    // Nothing was recorded since: the same summaries, said to be as of the last visit.
    const then = (await member.inject({ method: 'GET', url: asOfUrl })).json()
    expect(then).toEqual({
      ...now,
      summaries: now.summaries.map((s: object) => ({ ...s, asOf: lastVisit })),
    })
    // Asked again after a correction: what was known at the last visit, not the corrected value
    // (neither the remembered answer nor the current figures are taken for it any more).
    const before = now.summaries[0].value as number
    await new Promise((resolve) => setTimeout(resolve, 5))
    await load(25)
    const corrected = (await member.inject({ method: 'GET', url })).json()
    expect(corrected.summaries[0].value).not.toBeCloseTo(before, 6)
    const again = (await member.inject({ method: 'GET', url: asOfUrl })).json()
    expect(again.summaries[0].value).toBeCloseTo(before, 10)
    expect(again.summaries[0].asOf).toBe(lastVisit)
    // As of an instant still to come, a correction made before it counts: not the remembered answer.
    const soon = new Date(Date.now() + 3_600_000).toISOString()
    const beforeSoon = (await member.inject({ method: 'GET', url: `${url}&asOf=${soon}` })).json()
    expect(beforeSoon.summaries[0].value).toBeCloseTo(corrected.summaries[0].value, 10)
    await load(30)
    const latest = (await member.inject({ method: 'GET', url })).json()
    const afterSoon = (await member.inject({ method: 'GET', url: `${url}&asOf=${soon}` })).json()
    expect(latest.summaries[0].value).not.toBeCloseTo(corrected.summaries[0].value, 6)
    expect(afterSoon.summaries[0].value).toBeCloseTo(latest.summaries[0].value, 10)
    await app.close()
  })
})
