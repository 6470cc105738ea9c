/**
 * What spans the whole network (self-assessment cycles, network-wide events, their agendas and
 * network-wide topics, peer models) is changed only by administrators and moderators of all rings.
 * A moderator limited to some rings still manages what belongs to those rings.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createRing, seedReferenceData } from '../test/factories'
import type { SignedIn } from '../test/sign-in'
import { useTestApp } from '../test/start-app'

const t = useTestApp()
let limited: SignedIn
let everyRing: SignedIn
let admin: SignedIn
let lead: SignedIn
let ringId = 0
const CYCLES = '/api/v1/self-assessment/cycles'

const cycle = (code: string) => ({
  code,
  name: `Runde ${code}`,
  startsOn: '2026-03-01',
  endsOn: '2026-06-30',
})
const event = {
  kind: 'annual_day',
  ringId: null,
  title: 'Jahrestagung',
  startsOn: '2026-09-01',
  endsOn: '2026-09-01',
}
const refusal = (body: { error: { code: string; message: string; key?: string } }) => body.error

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, { members: ['06435'] })
  ringId = ring.ringId
  ;({
    as: { limited, everyRing, admin, lead },
  } = await t.start({
    now: () => new Date('2026-03-10T09:00:00Z'),
    accounts: {
      limited: { role: 'moderator', moderatedRingIds: [ringId] },
      everyRing: { role: 'moderator' },
      admin: { role: 'admin' },
      lead: { role: 'member_lead', organisationId: ring.memberIds[0]! },
    },
  }))
})

describe('network-wide changes', () => {
  it('self-assessment cycles: a ring-limited moderator neither opens nor renames one, nor is offered to', async () => {
    const opened = await limited.inject({ method: 'POST', url: CYCLES, payload: cycle('2026') })
    expect(opened.statusCode).toBe(403)
    expect(refusal(opened.json()).key).toBe('networkWide.cycles')
    expect((await t.database.db.selectFrom('self_assessment_cycle').select('id').execute()).length).toBe(0)

    const byAll = await everyRing.inject({ method: 'POST', url: CYCLES, payload: cycle('2026') })
    expect(byAll.statusCode).toBe(200)
    const id = byAll.json().id
    const renamed = await limited.inject({
      method: 'PATCH',
      url: `${CYCLES}/${id}`,
      payload: { name: 'Meine Runde' },
    })
    expect(renamed.statusCode).toBe(403)
    const closed = await limited.inject({
      method: 'PATCH',
      url: `${CYCLES}/${id}`,
      payload: { endsOn: '2026-03-09' },
    })
    expect(closed.statusCode).toBe(403)
    const after = (await limited.inject({ method: 'GET', url: CYCLES })).json().cycles[0]
    expect(after).toMatchObject({ name: 'Runde 2026', endsOn: '2026-06-30' })
    expect(
      (await admin.inject({ method: 'PATCH', url: `${CYCLES}/${id}`, payload: { name: 'Runde 26' } }))
        .statusCode,
    ).toBe(200)

    const abilities = async (who: SignedIn) =>
      (await who.inject({ method: 'GET', url: '/api/v1/session' })).json().abilities.canManageSelfAssessment
    expect(await abilities(limited)).toBe(false)
    expect(await abilities(everyRing)).toBe(true)
    expect(await abilities(admin)).toBe(true)
  })

  it('network-wide events: a ring-limited moderator plans only the meetings of the rings it moderates', async () => {
    const planned = await limited.inject({ method: 'POST', url: '/api/v1/meetings', payload: event })
    expect(planned.statusCode).toBe(403)
    const own = await limited.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        kind: 'ring_meeting',
        ringId,
        title: 'Ringtreffen',
        startsOn: '2026-05-05',
        endsOn: '2026-05-05',
      },
    })
    expect(own.statusCode).toBe(200)

    const byAll = await everyRing.inject({ method: 'POST', url: '/api/v1/meetings', payload: event })
    expect(byAll.statusCode).toBe(200)
    const id = byAll.json().id
    const seen = await limited.inject({ method: 'GET', url: `/api/v1/meetings/${id}` })
    expect(seen.statusCode).toBe(200)
    expect(seen.json().abilities).toMatchObject({ canManage: false })
    const renamed = await limited.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${id}`,
      payload: { title: 'Umbenannt' },
    })
    expect(renamed.statusCode).toBe(403)
    const item = await limited.inject({
      method: 'POST',
      url: `/api/v1/meetings/${id}/agenda-items`,
      payload: { kind: 'discussion', title: 'Eingeschoben', durationMinutes: 30 },
    })
    expect(item.statusCode).toBe(403)
    expect(
      (
        await t.database.db
          .selectFrom('meeting')
          .select('title')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).title,
    ).toBe('Jahrestagung')
  })

  it('network-wide topics: a ring-limited moderator does not decide their status', async () => {
    const proposed = await lead.inject({
      method: 'POST',
      url: '/api/v1/topics',
      payload: { ringId: null, title: 'Digitale Akte im ganzen Netz' },
    })
    expect(proposed.statusCode).toBe(200)
    const id = proposed.json().id
    const byLimited = await limited.inject({
      method: 'PATCH',
      url: `/api/v1/topics/${id}`,
      payload: { status: 'rejected' },
    })
    expect(byLimited.statusCode).toBe(403)
    const byAll = await everyRing.inject({
      method: 'PATCH',
      url: `/api/v1/topics/${id}`,
      payload: { status: 'scheduled' },
    })
    expect(byAll.statusCode).toBe(200)
  })

  it('peer models: a ring-limited moderator forms none', async () => {
    const response = await limited.inject({
      method: 'POST',
      url: '/api/v1/peers/proposals',
      payload: { method: 'ward', k: 2 },
    })
    expect(response.statusCode).toBe(403)
    expect(refusal(response.json()).key).toBe('networkWide.peerModels')
  })
})
