/**
 * GET /api/v1/notifications adds the timed notifications (a meeting of the ring soon) once; reading
 * the list again writes nothing, so a page load does not make the caches read the data version again.
 */
import { describe, expect, test } from 'vitest'
import { buildApp } from '../../server/app'
import { setUpKpiRing } from '../../test/kpi-ring'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'

const t = useTestDatabase()

describe('timed notifications', () => {
  test('are added on the first read and not written again on the next ones', async () => {
    const { db, ring } = await setUpKpiRing(t.database)
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await db
      .insertInto('meeting')
      .values({
        network_id: (
          await db.selectFrom('ring').select('network_id').where('id', '=', ring.id).executeTakeFirstOrThrow()
        ).network_id,
        ring_id: ring.id,
        kind: 'ring_meeting',
        title: 'Ring meeting soon',
        starts_on: tomorrow,
        ends_on: tomorrow,
        start_time: null,
        end_time: null,
        venue: null,
        host_organisation_id: null,
        moderator_user_id: null,
        minutes_approved_at: null,
        minutes_approved_by: null,
      })
      .execute()
    const app = await buildApp({ database: t.database })
    const member = await signIn(app, 'lead@a.test')
    const read = () => member.inject({ method: 'GET', url: '/api/v1/notifications' })

    const first = await read()
    expect(first.statusCode).toBe(200)
    const upcoming = first.json().notifications.filter((n: { kind: string }) => n.kind === 'upcoming_meeting')
    expect(upcoming).toEqual([
      expect.objectContaining({ messageEn: expect.stringContaining('Ring meeting soon') }),
    ])

    const generation = t.database.changes.generation
    const again = await read()
    expect(again.json()).toEqual(first.json())
    expect(t.database.changes.generation, 'a second read wrote something').toBe(generation)
    await app.close()
  })
})
