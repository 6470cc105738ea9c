/**
 * The caches behind the summary route never serve stale answers: after an import and computation,
 * a ring move or a change of a ring's sharing, the next request sees the change (the data version
 * in every cache key changes in the same commit).
 */
import { describe, expect, test } from 'vitest'
import { readDataVersion } from '../../db/data-version'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { importFile } from '../imports/import-file'
import { computeKeyFigures } from './compute-key-figures'

const t = useTestDatabase()
const MONTHS = [...Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`), '2021-01']

function csv(integrationsA: number): string {
  const lines = ['org;indicator;period;breakdown;value']
  for (const [i, org] of ['06435', '06433', '06432'].entries())
    for (const month of MONTHS) {
      lines.push(`${org};elb;${month};total;${1000 + 100 * i}`)
      lines.push(`${org};integrations;${month};total;${org === '06435' ? integrationsA : 20 + i}`)
    }
  return `${lines.join('\n')}\n`
}

describe('cached key-figure answers follow the data', () => {
  test('an import, a ring move and a sharing change are visible on the next request', async () => {
    const db = t.database.db
    await seedReferenceData(db)
    const a = await createJobcentre(db, { ags5: '06435' })
    const b = await createJobcentre(db, { ags5: '06433' })
    const c = await createJobcentre(db, { ags5: '06432' })
    const network = await db
      .insertInto('network')
      .values({ name: 'Test network' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ring = await db
      .insertInto('ring')
      .values({
        network_id: network.id,
        code: 'R1',
        name: 'Ring 1',
        sharing: 'named',
        valid_from: '2000-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('ring_membership')
      .values([a, b, c].map((id) => ({ ring_id: ring.id, organisation_id: id, valid_from: '2000-01-01' })))
      .execute()
    await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: a })
    const load = async (integrations: number) => {
      const result = await importFile(t.database, {
        fileName: `k2-${integrations}.csv`,
        bytes: new TextEncoder().encode(csv(integrations)),
        now: new Date(),
      })
      expect(result.errors).toEqual([])
      await computeKeyFigures(t.database)
    }
    await load(10)
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
