/**
 * Opening, closing and reopening a self-assessment cycle through the API, as the Self-assessment
 * page does it: moderators and administrators only, errors named by field, every write audited,
 * and members answer only while the cycle runs.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, createNetwork, seedReferenceData } from '../../test/factories'
import type { SignedIn } from '../../test/sign-in'
import { useTestApp } from '../../test/start-app'

const t = useTestApp()
let admin: SignedIn
let moderator: SignedIn
let lead: SignedIn
let cycleId = 0
const CYCLES = '/api/v1/self-assessment/cycles'

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  await createNetwork(db)
  const organisationId = await createJobcentre(db, { ags5: '06435' })
  ;({
    as: { admin, moderator, lead },
  } = await t.start({
    now: () => new Date('2026-03-10T09:00:00Z'),
    accounts: {
      admin: { role: 'admin' },
      moderator: { role: 'moderator', email: 'mod@cycles.test' },
      lead: { role: 'member_lead', organisationId },
    },
  }))
})

const cycleOf = (code: string, name: string, startsOn: string, endsOn: string) => ({
  code,
  name,
  startsOn,
  endsOn,
})
const openCycle = (who: SignedIn, payload: Record<string, string>) =>
  who.inject({ method: 'POST', url: CYCLES, payload })
const changeCycle = (payload: Record<string, string>) =>
  moderator.inject({ method: 'PATCH', url: `${CYCLES}/${cycleId}`, payload })
const answerAsLead = () =>
  lead.inject({
    method: 'PUT',
    url: `${CYCLES}/${cycleId}/answers`,
    payload: { answers: [{ areaCode: 'operational_processes', score: 3 }] },
  })
const fieldsOf = (body: { error: { details: { field?: string }[] } }) =>
  body.error.details.map((d) => d.field)

describe('self-assessment cycles from the web UI', () => {
  it('tells the session who may manage cycles', async () => {
    const abilities = async (who: SignedIn) =>
      (await who.inject({ method: 'GET', url: '/api/v1/session' })).json().abilities
    expect((await abilities(moderator)).canManageSelfAssessment).toBe(true)
    expect((await abilities(admin)).canManageSelfAssessment).toBe(true)
    expect((await abilities(lead)).canManageSelfAssessment).toBe(false)
  })

  it('names the fields of a bad cycle, and refuses members', async () => {
    const empty = await openCycle(moderator, cycleOf('', '', '2026-03-01', 'bald'))
    expect(empty.statusCode).toBe(422)
    expect(fieldsOf(empty.json()).sort()).toEqual(['code', 'endsOn', 'name'])
    const backwards = await openCycle(moderator, cycleOf('2026', 'Runde 2026', '2026-03-01', '2026-02-01'))
    expect(backwards.statusCode).toBe(422)
    expect(fieldsOf(backwards.json())).toEqual(['endsOn'])
    const byMember = await openCycle(lead, cycleOf('2026', 'Runde 2026', '2026-03-01', '2026-06-30'))
    expect(byMember.statusCode).toBe(403)
  })

  it('opens a cycle with the default template that members can answer, and refuses its code twice', async () => {
    const created = await openCycle(moderator, cycleOf('2026', 'Runde 2026', '2026-03-01', '2026-06-30'))
    expect(created.statusCode).toBe(200)
    const cycle = created.json()
    cycleId = cycle.id
    expect(cycle).toMatchObject({ code: '2026', name: 'Runde 2026', respondentCount: 0, isDemo: false })
    expect(cycle.areas).toHaveLength(7)
    expect(cycle.scale).toMatchObject({ min: 1, max: 5 })
    const seen = await lead.inject({ method: 'GET', url: CYCLES })
    expect(seen.json().cycles.map((c: { code: string }) => c.code)).toEqual(['2026'])
    const sheet = await lead.inject({ method: 'GET', url: `${CYCLES}/${cycleId}/answers` })
    expect(sheet.json().canEdit).toBe(true)
    const again = await openCycle(admin, cycleOf('2026', 'Noch einmal', '2026-04-01', '2026-06-30'))
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again.json())).toEqual(['code'])
  })

  it('closes the cycle (end date before today) and reopens it, audited as the moderator', async () => {
    const closed = await changeCycle({ endsOn: '2026-03-09' })
    expect(closed.statusCode).toBe(200)
    expect(closed.json().endsOn).toBe('2026-03-09')
    const sheet = await lead.inject({ method: 'GET', url: `${CYCLES}/${cycleId}/answers` })
    expect(sheet.json().canEdit).toBe(false)
    const late = await answerAsLead()
    expect(late.statusCode).toBe(409)

    const tooEarly = await changeCycle({ endsOn: '2026-02-28' })
    expect(tooEarly.statusCode).toBe(422)
    expect(fieldsOf(tooEarly.json())).toEqual(['endsOn'])

    const reopened = await changeCycle({ endsOn: '2026-04-30' })
    expect(reopened.statusCode).toBe(200)
    const answered = await answerAsLead()
    expect(answered.statusCode).toBe(200)

    const audit = await admin.inject({ method: 'GET', url: '/api/v1/audit?entity=self_assessment_cycle' })
    const entries = audit.json().entries as { action: string; actor: string; after: unknown }[]
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['self_assessment.cycle.update', 'mod@cycles.test'],
      ['self_assessment.cycle.update', 'mod@cycles.test'],
      ['self_assessment.cycle.create', 'mod@cycles.test'],
    ])
    expect(entries[0]!.after).toEqual({ endsOn: '2026-04-30' })
  })
})
