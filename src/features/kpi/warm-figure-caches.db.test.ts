/**
 * The server warms the key-figure caches at start and after every data change (monitoring.ts,
 * warm-figure-caches.ts). Warming changes no answer: a member's summaries are the same whether the
 * caches were warmed or not, and nothing of them is given out by the warming itself.
 */
import { describe, expect, test } from 'vitest'
import { buildApp } from '../../server/app'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { warmFigureCaches } from './warm-figure-caches'

const t = useTestDatabase()

describe('warming the key-figure caches', () => {
  test('changes no answer, and runs again after a data change', async () => {
    const { db } = await setUpKpiRing(t.database)
    const url = '/api/v1/kpi/summaries?org=06435&group=ring&period=2021-01'

    // The answer of a server that never warmed.
    const cold = await buildApp({ database: t.database })
    const coldAnswer = (await (await signIn(cold, 'lead@a.test')).inject({ method: 'GET', url })).json()
    await cold.close()
    expect(coldAnswer.summaries.length).toBeGreaterThan(0)

    expect(await warmFigureCaches(db, { now: new Date() })).toBe(1)

    const app = await buildApp({ database: t.database, isRunningWorkers: true })
    try {
      const warmedAt = async () => {
        const health = (await app.inject({ method: 'GET', url: '/api/health' })).json()
        const worker = health.workers.find((w: { name: string }) => w.name === 'figure_caches')
        expect(worker.isFailing).toBe(false)
        return worker.lastRunAt as string | null
      }
      await expect.poll(warmedAt, { timeout: 10_000 }).not.toBeNull()
      const first = await warmedAt()
      const lead = await signIn(app, 'lead@a.test')
      expect((await lead.inject({ method: 'GET', url })).json()).toEqual(coldAnswer)

      // A change of the data version (here: a new network) is warmed on the worker's next turn.
      await db.insertInto('network').values({ name: 'Another network' }).execute()
      await expect.poll(warmedAt, { timeout: 10_000 }).not.toBe(first)
    } finally {
      await app.close()
    }
  })
})
