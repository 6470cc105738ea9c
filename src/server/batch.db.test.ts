/**
 * GET /api/v1/batch answers each call as it would be answered alone — the caller's access, the
 * route's input checks, status and body in the call's slot — and batches only reads whose answers
 * may be remembered. The person's notifications and open actions, now remembered, are never older
 * than the last change of the meetings' tables and are never given to somebody else.
 */
import { brotliDecompressSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAX_BATCH_CALLS } from '../contracts/common'
import { createMeeting, createRing, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'

const t = useTestDatabase()
let app: FastifyInstance
let leadA: SignedIn
let leadB: SignedIn
/** Lead A's user and organisation, and a meeting of their ring. */
const ids = { userA: 0, orgA: 0, meeting: 0 }

const batchUrl = (calls: string[]) =>
  `/api/v1/batch?${calls.map((c) => `call=${encodeURIComponent(c)}`).join('&')}`

async function batch(caller: SignedIn | null, calls: string[]) {
  const url = batchUrl(calls)
  const response = caller
    ? await caller.inject({ method: 'GET', url })
    : await app.inject({ method: 'GET', url })
  return response
}

async function alone(caller: SignedIn | null, call: string) {
  const response = caller
    ? await caller.inject({ method: 'GET', url: call })
    : await app.inject({ method: 'GET', url: call })
  return { status: response.statusCode, body: response.json() }
}

async function addNotification(userId: number, title: string) {
  await t.database.db
    .insertInto('notification')
    .values({
      user_id: userId,
      kind: 'new_practice',
      payload: JSON.stringify({ title, organisationName: 'Org' }),
      dedupe_key: null,
      created_at: new Date('2024-03-01T00:00:00Z'),
      read_at: null,
    })
    .execute()
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, { code: 'R1', validFrom: '2000-01-01', members: ['06435', '06433'] })
  ids.orgA = ring.memberIds[0]!
  ids.userA = await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: ids.orgA })
  await createUser(db, {
    email: 'lead@b.test',
    role: 'member_lead',
    organisationId: ring.memberIds[1]!,
  })
  ids.meeting = await createMeeting(db, { ringId: ring.ringId, title: 'Frühjahrstreffen' })
  app = await buildApp({ database: t.database })
  leadA = await signIn(app, 'lead@a.test')
  leadB = await signIn(app, 'lead@b.test')
})

afterAll(async () => {
  await app.close()
})

const START_CALLS = [
  '/api/v1/about',
  '/api/v1/indicators',
  '/api/v1/organisations',
  '/api/v1/notifications',
  '/api/v1/actions?scope=mine&status=open',
]

describe('a batch', () => {
  test('answers each call as it is answered alone, in the order of the calls', async () => {
    const response = await batch(leadA, START_CALLS)
    expect(response.statusCode).toBe(200)
    const answers = response.json().answers
    expect(answers).toHaveLength(START_CALLS.length)
    for (const [i, call] of START_CALLS.entries()) expect(answers[i], call).toEqual(await alone(leadA, call))
  })

  test('comes compressed like any answer, and the same again while nothing changed', async () => {
    const headers = { 'accept-encoding': 'gzip, deflate, br' }
    const url = batchUrl(START_CALLS)
    const first = await leadA.inject({ method: 'GET', url, headers })
    expect(first.headers['content-encoding']).toBe('br')
    const second = await leadA.inject({ method: 'GET', url, headers })
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true)
    expect(JSON.parse(brotliDecompressSync(first.rawPayload).toString()).answers).toHaveLength(5)
  })

  test("keeps each call's access: signed out, only the public call is answered", async () => {
    const response = await batch(null, ['/api/v1/about', '/api/v1/organisations', '/api/v1/notifications'])
    expect(response.statusCode).toBe(200)
    const [about, organisations, notifications] = response.json().answers
    expect(about.status).toBe(200)
    expect(about.body).toEqual({ version: expect.any(String), isDemo: false })
    for (const refused of [organisations, notifications]) {
      expect(refused.status).toBe(401)
      expect(refused.body.error.code).toBe('unauthenticated')
    }
  })

  test("checks each call's inputs by its route's schema; the other calls are answered", async () => {
    const response = await batch(leadA, ['/api/v1/actions?scope=everything', '/api/v1/indicators'])
    const [actions, indicators] = response.json().answers
    expect(actions.status).toBe(422)
    expect(actions.body.error.details[0].field).toBe('scope')
    expect(indicators.status).toBe(200)
  })

  test.each([
    ['a route whose answers are not remembered (health)', '/api/health'],
    ['a write', '/api/v1/notifications/read-all'],
    ['an unknown path', '/api/v1/nothing-here'],
    ['the batch itself', '/api/v1/batch?call=%2Fapi%2Fv1%2Fabout'],
    ['a path outside the API', '/etc/passwd'],
  ])('refuses %s as a whole, naming the call', async (_what, call) => {
    const response = await batch(leadA, ['/api/v1/about', call])
    expect(response.statusCode).toBe(422)
    const error = response.json().error
    expect(error.key).toBe('request.batchInvalid')
    expect(error.details[0]).toMatchObject({ field: 'call.1', key: 'request.batchCallNotBatchable' })
  })

  test(`holds 1 to ${MAX_BATCH_CALLS} calls`, async () => {
    const tooMany = Array.from({ length: MAX_BATCH_CALLS + 1 }, () => '/api/v1/about')
    expect((await batch(leadA, tooMany)).statusCode).toBe(422)
    expect((await app.inject({ method: 'GET', url: '/api/v1/batch' })).statusCode).toBe(422)
    const oneCall = await batch(leadA, ['/api/v1/about'])
    expect(oneCall.statusCode).toBe(200)
  })
})

describe("a person's notifications and actions, now remembered", () => {
  const notifications = async (caller: SignedIn) =>
    (await caller.inject({ method: 'GET', url: '/api/v1/notifications' })).json() as {
      notifications: { id: number; messageEn: string; readAt: string | null }[]
      unreadCount: number
    }

  test('are never given to another person', async () => {
    await addNotification(ids.userA, 'Only for A')
    const a = await notifications(leadA)
    const b = await notifications(leadB)
    expect(a.notifications.map((n) => n.messageEn)).toContain('Only for A (Org)')
    expect(b.notifications.map((n) => n.messageEn)).not.toContain('Only for A (Org)')
  })

  test('show a new notification, and marking it read, at the next request', async () => {
    const before = await notifications(leadA)
    await addNotification(ids.userA, 'Fresh one')
    const after = await notifications(leadA)
    expect(after.unreadCount).toBe(before.unreadCount + 1)
    const fresh = after.notifications.find((n) => n.messageEn === 'Fresh one (Org)')!
    const marked = await leadA.inject({ method: 'POST', url: `/api/v1/notifications/${fresh.id}/read` })
    expect(marked.statusCode).toBe(200)
    const read = await notifications(leadA)
    expect(read.unreadCount).toBe(before.unreadCount)
    expect(read.notifications.find((n) => n.id === fresh.id)!.readAt).not.toBeNull()
  })

  test('show a new open action of the organisation at the next request, in a batch too', async () => {
    const call = '/api/v1/actions?scope=mine&status=open'
    const titles = async (caller: SignedIn) =>
      ((await alone(caller, call)).body as { actions: { title: string }[] }).actions.map((a) => a.title)
    const before = await titles(leadA)
    await t.database.db
      .insertInto('action_item')
      .values({
        meeting_id: ids.meeting,
        agenda_item_id: null,
        title: 'Prepare the figures',
        owner_organisation_id: ids.orgA,
        owner_user_id: null,
        due_on: null,
        created_at: new Date('2024-05-15T12:00:00Z'),
        completed_at: null,
      })
      .execute()
    expect(await titles(leadA)).toEqual([...before, 'Prepare the figures'])
    const [inBatch] = (await batch(leadA, [call])).json().answers
    expect(inBatch).toEqual(await alone(leadA, call))
    expect(await titles(leadB)).toEqual([])
  })
})

describe('a first load (GET /api/v1/first-load)', () => {
  const firstLoad = (caller: SignedIn | null, path: string) => {
    const url = `/api/v1/first-load?path=${encodeURIComponent(path)}`
    return caller ? caller.inject({ method: 'GET', url }) : app.inject({ method: 'GET', url })
  }

  test('signed out: no session and no token, the shell’s calls answered', async () => {
    const response = await firstLoad(null, '/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-csrf-token']).toBeUndefined()
    const answer = response.json()
    expect(answer.session).toBeNull()
    expect(answer.calls).toEqual(['/api/v1/about'])
    expect(answer.answers).toEqual([await alone(null, '/api/v1/about')])
  })

  test('signed in: the session with its token in the header, and the start page’s calls as alone', async () => {
    const response = await firstLoad(leadA, '/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['x-csrf-token']).toBe(leadA.csrfToken)
    const answer = response.json()
    const session = (await alone(leadA, '/api/v1/session')).body
    const { csrfToken, ...shown } = session
    expect(csrfToken).toBe(leadA.csrfToken)
    expect(answer.session).toEqual(shown)
    expect(JSON.stringify(answer)).not.toContain(leadA.csrfToken)
    expect(answer.calls).toContain('/api/v1/notifications')
    expect(answer.calls).toContain(`/api/v1/kpi/summaries?org=${ids.orgA}&group=ring`)
    for (const [i, call] of (answer.calls as string[]).entries())
      expect(answer.answers[i], call).toEqual(await alone(leadA, call))
    // Another page's first load holds the shell's calls alone.
    expect((await firstLoad(leadA, '/practices')).json().calls).toEqual([
      '/api/v1/about',
      '/api/v1/notifications',
    ])
  })

  test('is remembered per person: another session of theirs gets the same body with its own token', async () => {
    const again = await signIn(app, 'lead@a.test')
    const [one, other] = [await firstLoad(leadA, '/'), await firstLoad(again, '/')]
    expect(other.headers['x-csrf-token']).toBe(again.csrfToken)
    expect(other.headers['x-csrf-token']).not.toBe(one.headers['x-csrf-token'])
    // The previous visit is the person's (the new sign-in made it), so the bodies are equal.
    expect(other.json()).toEqual((await firstLoad(leadA, '/')).json())
    const b = (await firstLoad(leadB, '/')).json()
    expect(b.session.user.email).toBe('lead@b.test')
    expect(JSON.stringify(b)).not.toContain('lead@a.test')
  })

  test('refuses a path that is not one of this site, naming the field', async () => {
    for (const path of ['', 'figures', '//evil.test/x', '/figures?x=1', '/' + 'a'.repeat(300)]) {
      const response = await firstLoad(leadA, path)
      expect(response.statusCode, path).toBe(422)
      expect(JSON.stringify(response.json().error.details), path).toContain('path')
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/first-load' })).statusCode).toBe(422)
  })
})
