/**
 * Defining own figures through the API (issue 10): a few hundred generated formulas never give a
 * 500 and a refused one writes nothing; every accepted one is computed and read without an error;
 * the number of own figures is bounded per organisation, in the network and in versions; a
 * formula stored before the limits that reaches back centuries is still read as of a date.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { OWN_FIGURE_LIMITS } from '../../core/kpi'
import { buildApp } from '../../server/app'
import { createUser, insertOwnFigure } from '../../test/factories'
import { generateFormulas } from '../../test/generate-formulas'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { computeKeyFigures } from './compute-key-figures'
import { listMonthlyIndicatorCodes } from './kpi-definition.repository'

const t = useTestDatabase()
let world: Awaited<ReturnType<typeof setUpKpiRing>>
beforeAll(async () => {
  world = await setUpKpiRing(t.database)
  await createUser(world.db, { email: 'admin@fuzz.test', role: 'admin' })
  await createUser(world.db, { email: 'analyst@a.test', role: 'member_analyst', organisationId: world.a })
  await createUser(world.db, { email: 'analyst@b.test', role: 'member_analyst', organisationId: world.b })
})

const body = (code: string, numerator: string, extra: Record<string, unknown> = {}) => ({
  code,
  nameDe: code,
  nameEn: code,
  numerator,
  polarity: 'higher_is_better',
  ...extra,
})

async function countWrites(): Promise<{ definitions: number; audit: number }> {
  const row = await sql<{ definitions: number; audit: number }>`
    select (select count(*)::int from kpi_definition) as definitions,
      (select count(*)::int from audit_log) as audit
  `.execute(world.db)
  return row.rows[0]!
}

const storeDirectly = (code: string, options: { numerator?: string; version?: number; createdBy: string }) =>
  insertOwnFigure(world.db, { code, ...options })

describe('defining own figures', () => {
  test('200 generated formulas: no 500, nothing written when refused, every accepted one computed and read', async () => {
    const app = await buildApp({ database: t.database })
    const admin = await signIn(app, 'admin@fuzz.test')
    const indicators = await listMonthlyIndicatorCodes(world.db)
    const formulas = generateFormulas({
      seed: 10_2026,
      count: 200,
      vocabulary: { indicators, figures: ['K2', 'K1E4', 'F0', 'F1'] },
    })
    const accepted: string[] = []
    const statuses = new Map<number, number>()
    for (const [i, numerator] of formulas.entries()) {
      const before = await countWrites()
      const code = `F${i}`
      const response = await admin.inject({
        method: 'POST',
        url: '/api/v1/kpi/figures',
        payload: body(code, numerator, { hasSexBreakdown: i % 2 === 0 }),
      })
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      expect(response.statusCode, `${numerator}: ${response.body}`).not.toBe(500)
      if (response.statusCode === 200) {
        accepted.push(code)
        continue
      }
      expect(response.statusCode, `${numerator}: ${response.body}`).toBe(422)
      expect(response.json().error.code).toBe('invalid_input')
      expect(await countWrites()).toEqual(before)
    }
    // The account's limit of own figures ends the accepted ones; both outcomes occur.
    expect(accepted.length).toBe(OWN_FIGURE_LIMITS.perOrganisation)
    expect(statuses.get(422)).toBeGreaterThan(120)

    const computed = await computeKeyFigures(t.database)
    expect(computed.figures).toBeGreaterThanOrEqual(15 + accepted.length)
    const asOf = new Date().toISOString()
    for (const code of accepted) {
      for (const query of ['', `&asOf=${asOf}`]) {
        const values = await admin.inject({
          method: 'GET',
          url: `/api/v1/kpi/values?figure=${code}&org=06435&from=2020-01&to=2021-01${query}`,
        })
        expect(values.statusCode, `${code}${query}: ${values.body}`).toBe(200)
        for (const v of values.json().values)
          expect(
            v.value !== null || v.missing !== null,
            `${code} ${v.period} has neither value nor reason`,
          ).toBe(true)
      }
    }
    const summaries = await admin.inject({
      method: 'GET',
      url: `/api/v1/kpi/summaries?figures=${accepted.join(',')}&org=06435&group=ring&period=2021-01`,
    })
    expect(summaries.statusCode).toBe(200)
    expect(summaries.json().summaries).toHaveLength(accepted.length)
    await app.close()
  }, 120_000)

  test('the number of own figures is bounded per organisation, in the network and in versions', async () => {
    const app = await buildApp({ database: t.database })
    const analystA = await signIn(app, 'analyst@a.test')
    const analystB = await signIn(app, 'analyst@b.test')
    const users = await world.db.selectFrom('app_user').select(['id', 'email']).execute()
    const idOf = (email: string) => users.find((u) => u.email === email)!.id
    // A colleague of the analyst (same organisation) defined all but one.
    const colleague = await createUser(world.db, {
      email: 'lead2@a.test',
      role: 'member_lead',
      organisationId: world.a,
    })
    for (let i = 0; i < OWN_FIGURE_LIMITS.perOrganisation - 1; i++)
      await storeDirectly(`ORG_A_${i}`, { createdBy: `user:${colleague}` })
    const post = (who: typeof analystA, code: string, numerator = 'elb') =>
      who.inject({ method: 'POST', url: '/api/v1/kpi/figures', payload: body(code, numerator) })
    expect((await post(analystA, 'ORG_A_LAST')).statusCode).toBe(200)
    const before = await countWrites()
    const refused = await post(analystA, 'ORG_A_MORE')
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.details[0]).toMatchObject({ field: 'code', value: 'ORG_A_MORE' })
    // In the caller's language (German by default), with the catalogue key for other readers.
    expect(refused.json().error).toMatchObject({
      key: 'kpi.organisationFigureLimit',
      params: { max: OWN_FIGURE_LIMITS.perOrganisation },
      message: `Eine Organisation darf höchstens ${OWN_FIGURE_LIMITS.perOrganisation} eigene Kennzahlen definieren, und ${OWN_FIGURE_LIMITS.perOrganisation} sind definiert; keine Kennzahl wurde hinzugefügt.`,
    })
    expect(await countWrites()).toEqual(before)
    // Another organisation still may, until the network's limit.
    expect((await post(analystB, 'ORG_B_FIRST')).statusCode).toBe(200)
    const own = await sql<{ n: number }>`
      select count(*)::int as n from kpi_definition where not is_official and version = 1
    `.execute(world.db)
    for (let i = own.rows[0]!.n; i < OWN_FIGURE_LIMITS.total; i++)
      await storeDirectly(`NET_${i}`, { createdBy: 'cli:someone' })
    const full = await post(analystB, 'ORG_B_SECOND')
    expect(full.statusCode).toBe(422)
    expect(full.json().error.key).toBe('kpi.networkFigureLimit')
    expect(full.json().error.message).toContain(`Das Netzwerk darf höchstens ${OWN_FIGURE_LIMITS.total}`)
    // Versions: a figure with the maximum number of versions takes no further one.
    for (let v = 2; v <= OWN_FIGURE_LIMITS.versionsPerFigure; v++)
      await storeDirectly('ORG_B_FIRST', { version: v, createdBy: `user:${idOf('analyst@b.test')}` })
    const version = await analystB.inject({
      method: 'POST',
      url: '/api/v1/kpi/figures',
      payload: body('ORG_B_FIRST', 'elb', { validFrom: '2030-01' }),
    })
    expect(version.statusCode).toBe(422)
    expect(version.json().error.details[0]).toMatchObject({ field: 'code' })
    await app.close()
  })

  test('a formula stored before the limits that reaches back before year 1 is read as of a date', async () => {
    // 41 nested windows of 600 months reach back 2,050 years; the as-of computation loaded from a
    // month index before year 1, which is no date (a 500; with 3 windows: 422 "Not a month: 1870-…").
    const numerator = `${'sum('.repeat(41)}elb${', 600)'.repeat(41)}`
    await storeDirectly('LEGACY_DEEP', { numerator, createdBy: 'cli:before-issue-10' })
    const app = await buildApp({ database: t.database })
    const admin = await signIn(app, 'admin@fuzz.test')
    const response = await admin.inject({
      method: 'GET',
      url: `/api/v1/kpi/values?figure=LEGACY_DEEP&org=06435&from=2020-01&to=2020-03&asOf=${new Date().toISOString()}`,
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().values[0].missing.reason).toBe('no_history')
    await app.close()
  })
})
