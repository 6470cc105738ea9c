/**
 * A meeting's life through the API, with the app's clock moved by the test: planned → invited →
 * registrations and agenda → held (on its day, with someone registered) → minutes, comments,
 * decisions and actions → approved; and every step the rules of core/benchlearning/meeting-life.ts
 * refuse, with the error that names what and why.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { formatDate } from '../../core/format/format'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import * as networks from '../networks/network.repository'

const t = useTestDatabase()
const MEETING_DAY = '2027-01-20'
let clock = new Date('2027-01-10T09:00:00Z')
let app: FastifyInstance
let moderator: SignedIn
let lead: SignedIn
let ringId = 0
let meetingId = 0
let itemId = 0
let organisationA = 0

/** Moves the app's clock; sessions last 12 hours, so both sign in again. */
async function setClock(instant: string) {
  clock = new Date(instant)
  moderator = await signIn(app, 'moderator@life.test')
  lead = await signIn(app, 'lead@life.test')
}

const send = (who: SignedIn, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  who.inject({ method, url, ...(payload ? { payload } : {}) })
const meeting = async () =>
  (await moderator.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })).json()
const setStatus = (status: string) => send(moderator, 'PATCH', `/api/v1/meetings/${meetingId}`, { status })
const changeItem = (changes: object) => send(moderator, 'PATCH', `/api/v1/agenda-items/${itemId}`, changes)

function expectRefused(response: LightMyRequestResponse, message: string | RegExp) {
  expect(response.statusCode, response.body).toBe(409)
  expect(response.json().error.code).toBe('conflict')
  expect(response.json().error.message).toMatch(message)
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const networkId = await networks.insertNetwork(db, { name: 'Life network' })
  ringId = await networks.insertRing(db, { networkId, code: 'L1', name: 'Ring L', validFrom: '2020-01-01' })
  const a = await createJobcentre(db, { ags5: '06431' })
  organisationA = a
  const b = await createJobcentre(db, { ags5: '06432' })
  const memberships = [a, b].map((organisationId) => ({ organisationId, validFrom: '2020-01-01' }))
  await networks.insertRingMemberships(db, ringId, memberships)
  await networks.insertNetworkMemberships(db, networkId, memberships)
  await createUser(db, { email: 'moderator@life.test', role: 'moderator', moderatedRingIds: [ringId] })
  await createUser(db, { email: 'lead@life.test', role: 'member_lead', organisationId: a })
  // The rules are checked in English texts here; the German ones in core/benchlearning/meeting-life.test.ts.
  await db.updateTable('app_user').set({ locale: 'en' }).execute()
  app = await buildApp({ database: t.database, now: () => clock })
  await setClock('2027-01-10T09:00:00Z')
})
afterAll(async () => app?.close())

describe('a meeting from planning to approved minutes', () => {
  it('is planned with the host by the rotation, upcoming, and can be invited to', async () => {
    const created = await send(moderator, 'POST', '/api/v1/meetings', {
      ringId,
      title: 'Ringtreffen Januar',
      startsOn: MEETING_DAY,
      endsOn: MEETING_DAY,
    })
    expect(created.statusCode, created.body).toBe(200)
    meetingId = created.json().id
    const planned = await meeting()
    expect(planned).toMatchObject({ status: 'planned', hostSource: 'rotation', isUpcoming: true })
    expect(planned.abilities).toMatchObject({ canInvite: true, canMarkHeld: false, canEditAgenda: true })
  })

  it('is not held before it was invited', async () => {
    expectRefused(await setStatus('held'), 'it becomes invited before it can be held')
  })

  it('invites: the members get an invitation', async () => {
    expect((await setStatus('invited')).statusCode).toBe(200)
    const notices = (await lead.inject({ method: 'GET', url: '/api/v1/notifications' })).json().notifications
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('invitation')
  })

  it('builds the agenda and takes registrations before the day', async () => {
    const added = await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/agenda-items`, {
      kind: 'discussion',
      title: 'Erfahrungen mit dem Coaching',
      durationMinutes: 45,
    })
    expect(added.statusCode, added.body).toBe(200)
    itemId = added.json().id
    expect((await changeItem({ durationMinutes: 60 })).statusCode).toBe(200)
    expectRefused(
      await changeItem({ minutes: 'zu früh' }),
      /minutes: written once meeting \d+ was held \(it is invited\)/,
    )
  })

  it('is not held before its first day, nor with no one registered', async () => {
    expectRefused(
      await setStatus('held'),
      `status: meeting ${meetingId} starts on ${formatDate('en', MEETING_DAY)}; it can be marked held from that day on (today is 10 Jan 2027)`,
    )
    await setClock(`${MEETING_DAY}T08:00:00Z`)
    expect((await meeting()).abilities.canMarkHeld).toBe(false)
    expectRefused(await setStatus('held'), `no one is registered for meeting ${meetingId}`)
  })

  it('is held on its day once someone registered, and then no longer upcoming', async () => {
    const registered = await send(lead, 'PUT', `/api/v1/meetings/${meetingId}/registration`, {
      status: 'registered',
    })
    expect(registered.statusCode, registered.body).toBe(200)
    expect((await meeting()).abilities.canMarkHeld).toBe(true)
    expect((await setStatus('held')).statusCode).toBe(200)
    const held = await meeting()
    expect(held).toMatchObject({ status: 'held', isUpcoming: false, registeredCount: 1 })
    expect(held.abilities).toMatchObject({ canEditAgenda: false, canEditMinutes: true, canMarkHeld: false })
    const listed = (await lead.inject({ method: 'GET', url: '/api/v1/meetings' })).json().meetings
    expect(listed.find((m: { id: number }) => m.id === meetingId).isUpcoming).toBe(false)
  })

  it('keeps its agenda, dates and registrations once held', async () => {
    const closed = /agenda: meeting \d+ was held; its agenda is closed/
    expectRefused(
      await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/agenda-items`, {
        kind: 'input',
        title: 'Nachtrag',
        durationMinutes: 10,
      }),
      closed,
    )
    expectRefused(await changeItem({ title: 'Anders' }), closed)
    expectRefused(await send(moderator, 'DELETE', `/api/v1/agenda-items/${itemId}`), closed)
    expectRefused(
      await send(moderator, 'PATCH', `/api/v1/meetings/${meetingId}`, {
        startsOn: '2027-01-27',
        endsOn: '2027-01-27',
      }),
      `startsOn, endsOn: meeting ${meetingId} is held; its dates can no longer change`,
    )
    expectRefused(
      await send(lead, 'PUT', `/api/v1/meetings/${meetingId}/registration`, { status: 'declined' }),
      `registration: closed, meeting ${meetingId} is held`,
    )
    expectRefused(await setStatus('invited'), 'a meeting goes forward only')
  })

  it('takes minutes, comments, decisions and actions once held', async () => {
    expect(
      (await changeItem({ minutes: 'Drei Jobcenter messen Integrationen nach sechs Monaten.' })).statusCode,
    ).toBe(200)
    const comment = await send(lead, 'POST', `/api/v1/meetings/${meetingId}/comments`, {
      text: 'Bitte ergänzen.',
    })
    expect(comment.statusCode, comment.body).toBe(200)
    const decision = await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
      text: 'Der Ring erhebt die Coaching-Fälle einheitlich.',
      agendaItemId: itemId,
    })
    expect(decision.statusCode, decision.body).toBe(200)
    const action = await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/actions`, {
      title: 'Erhebungsbogen entwerfen',
      ownerOrganisationId: organisationA,
      dueOn: '2027-03-01',
    })
    expect(action.statusCode, action.body).toBe(200)
    const detail = await meeting()
    expect(detail.agenda[0].minutes).toMatch(/sechs Monaten/)
    expect(detail.comments).toHaveLength(1)
    expect(detail.decisions).toHaveLength(1)
    expect(detail.actions).toHaveLength(1)
  })

  it('approves the minutes, which closes them', async () => {
    const byStatus = await setStatus('minutes_approved')
    expect(byStatus.statusCode).toBe(422)
    expect(byStatus.json().error.message).toMatch(/approved by their own step \(.*approve-minutes\)/)
    const approved = await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/approve-minutes`)
    expect(approved.statusCode, approved.body).toBe(200)
    const done = await meeting()
    expect(done.status).toBe('minutes_approved')
    expect(done.abilities).toMatchObject({
      canEditMinutes: false,
      canComment: false,
      canApproveMinutes: false,
    })
    expectRefused(
      await changeItem({ minutes: 'später' }),
      /minutes: the minutes of meeting \d+ are approved and closed/,
    )
    expectRefused(
      await send(lead, 'POST', `/api/v1/meetings/${meetingId}/comments`, { text: 'Noch etwas.' }),
      /comments are closed/,
    )
    expectRefused(
      await send(moderator, 'POST', `/api/v1/meetings/${meetingId}/approve-minutes`),
      /minutes: approved once meeting \d+ was held and before approval \(it is minutes approved\)/,
    )
  })
})
