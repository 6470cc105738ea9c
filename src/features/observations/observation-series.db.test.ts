/**
 * GET /api/v1/observations/series gives, in one answer, what GET /api/v1/observations gives
 * indicator by indicator (the same reads, the same access rule), in the order asked for; a new
 * import is seen on the next request although the answer is cached; as of a past instant it shows
 * the values known then.
 */
import { describe, expect, test } from 'vitest'
import { buildApp } from '../../server/app'
import { createJobcentre } from '../../test/factories'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'

const t = useTestDatabase()

describe('batched observation series', () => {
  test('equal the single reads, follow imports and as-of, and keep the rule of /observations', async () => {
    const { load } = await setUpKpiRing(t.database)
    await createJobcentre(t.database.db, { ags5: '06431' })
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const get = (url: string) => member.inject({ method: 'GET', url })
    const bounds = 'from=2020-11&breakdown=total'

    const batched = await get(`/api/v1/observations/series?org=06435&indicators=integrations,elb&${bounds}`)
    expect(batched.statusCode).toBe(200)
    const body = batched.json()
    expect(body.series.map((s: { indicator: { code: string } }) => s.indicator.code)).toEqual([
      'integrations',
      'elb',
    ])
    for (const series of body.series) {
      const single = (
        await get(`/api/v1/observations?org=06435&indicator=${series.indicator.code}&${bounds}`)
      ).json()
      expect(body.organisation).toEqual(single.organisation)
      expect(series).toEqual({ indicator: single.indicator, observations: single.observations })
    }
    // setUpKpiRing: A has 10 integrations and 1000 ELB a month (2020-11, 2020-12, 2021-01).
    expect(body.series[0].observations.map((o: { value: number }) => o.value)).toEqual([10, 10, 10])
    expect(body.series[1].observations.map((o: { value: number }) => o.value)).toEqual([1000, 1000, 1000])
    expect(body.asOf).toBeNull()

    // A correction: the next request sees it (the cached answer belongs to the older data version).
    const beforeCorrection = new Date()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await load(15)
    const corrected = (
      await get(`/api/v1/observations/series?org=06435&indicators=integrations,elb&${bounds}`)
    ).json()
    expect(corrected.series[0].observations).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ value: 15, revision: 2, revisions: 2 })),
    )
    const asOf = (
      await get(
        `/api/v1/observations/series?org=06435&indicators=integrations&${bounds}&asOf=${beforeCorrection.toISOString()}`,
      )
    ).json()
    expect(asOf.asOf).toBe(beforeCorrection.toISOString())
    expect(asOf.series[0].observations).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ value: 10, revision: 1, revisions: 1 })),
    )

    // The rule of /observations: public values (elb, published by the statistics office) of an
    // organisation outside the ring by name; network-confidential ones the same 404 as an unknown key.
    expect((await get(`/api/v1/observations/series?org=06431&indicators=elb`)).statusCode).toBe(200)
    await t.database.db
      .updateTable('indicator')
      .set({ confidentiality: 'network' })
      .where('code', '=', 'elb')
      .execute()
    const outside = await get(`/api/v1/observations/series?org=06431&indicators=elb`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json().error.message).toBe(
      (await get(`/api/v1/observations/series?org=09999&indicators=elb`))
        .json()
        .error.message.replace('09999', '06431'),
    )
    // An unknown indicator fails the read as it does for one; codes and their number are checked.
    expect((await get(`/api/v1/observations/series?org=06435&indicators=elb,no_such`)).statusCode).toBe(404)
    const invalid = await get(`/api/v1/observations/series?org=06435&indicators=elb,ELB`)
    expect(invalid.statusCode).toBe(422)
    expect(invalid.json().error.details[0].message).toContain('„ELB“ ist ungültig')
    const many = Array.from({ length: 21 }, (_, i) => `x${i}`).join(',')
    expect((await get(`/api/v1/observations/series?org=06435&indicators=${many}`)).statusCode).toBe(422)
    await app.close()
  })
})
