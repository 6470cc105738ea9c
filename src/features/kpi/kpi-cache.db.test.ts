/**
 * The caches behind the summary route never serve stale answers: after an import and computation,
 * a ring move or a change of a ring's sharing, the next request sees the change (the data version
 * in every cache key changes in the same commit).
 */
import { describe, expect, test } from 'vitest'
import { readDataVersion } from '../../db/data-version'
import { buildApp } from '../../server/app'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'

const t = useTestDatabase()

describe('cached key-figure answers follow the data', () => {
  test('an import, a ring move and a sharing change are visible on the next request', async () => {
    const { db, c, ring, load } = await setUpKpiRing(t.database)
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const summary = async () => {
      const response = await member.inject({
        method: 'GET',
        url: '/api/v1/kpi/summary?figure=K2&org=06435&group=ring&period=2021-01',
      })
      expect(response.statusCode).toBe(200)
      return response.json() as { value: number; group: { n: number; rank: number } }
    }
    // K2 = 12 × 10 / 1000 · 100 = 12; the peers have 12 × 21 / 1100 and 12 × 22 / 1200.
    expect((await summary()).value).toBeCloseTo(12, 10)
    expect((await summary()).group).toMatchObject({ n: 3, rank: 3 })

    // A new import with more integrations, computed: the next summary shows it.
    await load(30)
    expect((await summary()).value).toBeCloseTo(36, 10)
    expect((await summary()).group).toMatchObject({ n: 3, rank: 1 })

    // C leaves the ring in 2020: the group has two members from the next request on.
    await db
      .updateTable('ring_membership')
      .set({ valid_to: '2020-12-31' })
      .where('organisation_id', '=', c)
      .execute()
    expect((await summary()).group.n).toBe(2)

    // A sharing change gives a new data version (the scope is built from it on every request).
    const before = await readDataVersion(db)
    await db.updateTable('ring').set({ sharing: 'pseudonymised' }).where('id', '=', ring.id).execute()
    expect((await readDataVersion(db)).data).not.toBe(before.data)
    expect((await summary()).group.n).toBe(2)

    // Signing out ends the session at once, although the session was cached.
    const out = await member.inject({ method: 'DELETE', url: '/api/v1/session' })
    expect(out.statusCode).toBe(200)
    const after = await member.inject({
      method: 'GET',
      url: '/api/v1/kpi/summary?figure=K2&org=06435&group=ring',
    })
    expect(after.statusCode).toBe(401)
    await app.close()
  })
})
