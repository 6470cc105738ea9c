/**
 * Two server processes on one PostgreSQL (docs/operations.md, "Two or more servers"): two apps, each
 * with its own connection pool and LISTEN connection, as two processes behind a proxy would have.
 * What one of them changes, the other answers at once, and a message both mail workers could send
 * arrives once. PostgreSQL only: PGlite is one process's.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type Database } from '../db/connect'
import { createTestDatabaseLocation } from '../test/database'
import { createJobcentre, createUser, seedReferenceData, TEST_PASSWORD } from '../test/factories'
import { postSession, signIn, type SignedIn } from '../test/sign-in'
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink'
import { buildApp } from './app'

const WORKER_INTERVAL_MS = 40

describe.skipIf(!process.env.DATABASE_URL)('two servers on one PostgreSQL', () => {
  let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>
  const databases: Database[] = []
  let one: FastifyInstance
  let two: FastifyInstance
  let leadId: number
  let smtp: SmtpSink

  beforeAll(async () => {
    smtp = await startSmtpSink()
    location = await createTestDatabaseLocation(inject('testTemplate'))
    for (let i = 0; i < 2; i++) databases.push(await openDatabase({ databaseUrl: location.env.DATABASE_URL }))
    const { db } = databases[0]!
    await seedReferenceData(db)
    const organisationId = await createJobcentre(db, { ags5: '06435' })
    await createUser(db, { email: 'admin@test.example', role: 'admin' })
    leadId = await createUser(db, { email: 'lead@test.example', role: 'member_lead', organisationId })
    // One clock for both, standing still: the sign-in backoff's wait cannot pass during the test.
    const startedAt = new Date()
    // Both send through one mail server, each with its own worker polling the shared outbox.
    const mail = { settings: smtp.settings(), intervalMs: WORKER_INTERVAL_MS }
    one = await buildApp({ database: databases[0]!, now: () => startedAt, mail })
    two = await buildApp({ database: databases[1]!, now: () => startedAt, mail })
  })
  afterAll(async () => {
    await one?.close()
    await two?.close()
    for (const database of databases) await database.close()
    await location?.drop()
    await smtp?.stop()
  })

  /** The same session's cookie sent to the other server. */
  const onTwo = (session: SignedIn) => ({ headers: session.headers })

  let admin: SignedIn
  let lead: SignedIn
  const sessionOnTwo = (session: SignedIn) =>
    two.inject({ method: 'GET', url: '/api/v1/session', ...onTwo(session) })
  const codesOnTwo = async () =>
    (await two.inject({ method: 'GET', url: '/api/v1/kpi/figures', ...onTwo(admin) }))
      .json()
      .figures.map((f: { code: string }) => f.code)

  it('accepts a session of the other server', async () => {
    admin = await signIn(one, 'admin@test.example')
    lead = await signIn(one, 'lead@test.example')
    // The second server now remembers both sessions and the catalogue.
    expect((await sessionOnTwo(lead)).json().user.role).toBe('member_lead')
    expect(await codesOnTwo()).not.toContain('OWN_TWO')
  })

  it('sees a new own figure of the other at once', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/kpi/figures',
      payload: {
        code: 'OWN_TWO',
        nameDe: 'Eigene',
        nameEn: 'Own',
        numerator: 'elb',
        polarity: 'higher_is_better',
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    expect(await codesOnTwo()).toContain('OWN_TWO')
  })

  it('sees a role change of the other at once', async () => {
    const changed = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leadId}`,
      payload: { role: 'viewer' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect((await sessionOnTwo(lead)).json().user.role).toBe('viewer')
  })

  it('sees a sign-out of the other at once', async () => {
    expect((await lead.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(200)
    expect((await sessionOnTwo(lead)).statusCode).toBe(401)
  })

  it('sends a message queued on either server once', async () => {
    smtp.received.length = 0
    const invitees = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `invitee-${n}@test.example`)
    // Invitations made alternately on both servers; each queues its mail in its own transaction.
    for (const [i, email] of invitees.entries()) {
      const app = i % 2 === 0 ? one : two
      const invited = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { role: 'viewer', email },
        headers: admin.headers,
      })
      expect(invited.statusCode, invited.body).toBe(200)
    }
    const mails = await smtp.waitFor(invitees.length, 10_000)
    // Both workers keep polling: give them many more passes to send anything a second time.
    await new Promise((resolve) => setTimeout(resolve, 20 * WORKER_INTERVAL_MS))
    expect(smtp.received).toHaveLength(invitees.length)
    expect(mails.map((m) => m.envelopeTo.join(',')).sort()).toEqual(invitees)
    const pending = await databases[0]!.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'status', 'attempts'])
      .where('recipient', 'in', invitees)
      .execute()
    expect(pending.map((r) => [r.status, r.attempts])).toEqual(invitees.map(() => ['sent', 1]))
  })

  it('counts failed sign-ins of both servers against one limit', async () => {
    const attempt = (app: FastifyInstance, password: string) =>
      postSession(app, 'admin@test.example', password)
    // The five free failures, spread over both servers: after them the right password must wait on either.
    for (const app of [one, two, one, two, one])
      expect((await attempt(app, 'wrong password')).statusCode).toBe(401)
    expect((await attempt(two, TEST_PASSWORD)).statusCode).toBe(429)
    expect((await attempt(one, TEST_PASSWORD)).statusCode).toBe(429)
  })
})
