import { beforeAll, describe, expect, it } from 'vitest'
import { createRing, seedReferenceData } from '../../test/factories'
import { useTestApp, type StartedApp } from '../../test/start-app'

const t = useTestApp()
const PEER_NAME = 'Teilungs-Jobcenter 06431'
let as: StartedApp<'admin' | 'moderatorOfOther' | 'member'>['as']
let ringId: number

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, {
    code: 'S1',
    sharing: 'pseudonymised',
    members: ['06435', '06431', '06432', '06433', '06434'].map((ags5) => ({
      ags5,
      name: `Teilungs-Jobcenter ${ags5}`,
    })),
  })
  ringId = ring.ringId
  const other = await createRing(db, { networkId: ring.networkId, code: 'S2' })
  ;({ as } = await t.start({
    now: () => new Date('2024-03-01T12:00:00Z'),
    accounts: {
      admin: { role: 'admin', email: 'admin@sharing.test' },
      moderatorOfOther: { role: 'moderator', moderatedRingIds: [other.ringId] },
      member: { role: 'member_lead', organisationId: ring.memberIds[0]! },
    },
  }))
})

const memberSeesPeerByName = async () => {
  const response = await as.member.inject({ method: 'GET', url: '/api/v1/organisations' })
  return (response.json().organisations as { name: string }[]).some((o) => o.name === PEER_NAME)
}

describe('PATCH /api/v1/rings/:id/sharing', () => {
  it('lets an administrator switch a ring to named sharing, audits it, and members then see names', async () => {
    expect(await memberSeesPeerByName()).toBe(false)
    const response = await as.admin.inject({
      method: 'PATCH',
      url: `/api/v1/rings/${ringId}/sharing`,
      payload: { sharing: 'named' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ code: 'S1', sharing: 'named', previousSharing: 'pseudonymised' })
    expect(await memberSeesPeerByName()).toBe(true)
    const audit = await as.admin.inject({ method: 'GET', url: '/api/v1/audit?entity=ring' })
    expect(audit.json().entries[0]).toMatchObject({
      action: 'ring.update_sharing',
      entity: 'ring',
      entityId: String(ringId),
      actor: 'admin@sharing.test',
      before: { code: 'S1', sharing: 'pseudonymised' },
      after: { code: 'S1', sharing: 'named' },
    })
  })

  it('hides rings a moderator does not moderate (404), refuses members (403) and checks the value', async () => {
    const url = `/api/v1/rings/${ringId}/sharing`
    const byModerator = await as.moderatorOfOther.inject({
      method: 'PATCH',
      url,
      payload: { sharing: 'named' },
    })
    expect(byModerator.statusCode).toBe(404)
    const byMember = await as.member.inject({ method: 'PATCH', url, payload: { sharing: 'named' } })
    expect(byMember.statusCode).toBe(403)
    const invalid = await as.admin.inject({ method: 'PATCH', url, payload: { sharing: 'public' } })
    expect(invalid.statusCode).toBe(422)
    const unknown = await as.admin.inject({
      method: 'PATCH',
      url: '/api/v1/rings/999999/sharing',
      payload: { sharing: 'named' },
    })
    expect(unknown.statusCode).toBe(404)
  })
})
