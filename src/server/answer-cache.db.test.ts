/**
 * Remembered answers (answer-cache.ts) are shared only between callers with the same view, come
 * compressed as they would without the cache, and are never older than the last commit: a write,
 * a ring move, a role change and a sign-out are seen by the next request, and on PostgreSQL so is
 * a commit of another connection once its notification has arrived.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { createRing, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'

const t = useTestDatabase()
let app: FastifyInstance
const ids: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 }
let ring1 = 0
let leadAId = 0

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, { code: 'R1', validFrom: '2000-01-01', members: ['06435', '06433'] })
  ring1 = ring.ringId
  ;[ids.a, ids.b] = ring.memberIds as [number, number]
  const other = await createRing(db, {
    networkId: ring.networkId,
    code: 'R2',
    validFrom: '2000-01-01',
    members: ['06432', '06431'],
  })
  ;[ids.c, ids.d] = other.memberIds as [number, number]
  leadAId = await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: ids.a })
  await createUser(db, { email: 'lead@c.test', role: 'member_lead', organisationId: ids.c })
  await createUser(db, { email: 'admin@net.test', role: 'admin' })
  app = await buildApp({ database: t.database })
})

afterAll(async () => {
  await app.close()
})

async function organisationIds(member: SignedIn): Promise<number[]> {
  const response = await member.inject({ method: 'GET', url: '/api/v1/organisations' })
  expect(response.statusCode).toBe(200)
  return (response.json().organisations as { id: number }[]).map((o) => o.id).sort((x, y) => x - y)
}

describe('remembered answers', () => {
  test('are given only to callers with the same view', async () => {
    const leadA = await signIn(app, 'lead@a.test')
    const leadC = await signIn(app, 'lead@c.test')
    const secondLeadA = await signIn(app, 'lead@a.test')
    expect(await organisationIds(leadA)).toEqual([ids.a, ids.b])
    expect(await organisationIds(leadC)).toEqual([ids.c, ids.d])
    expect(await organisationIds(secondLeadA)).toEqual([ids.a, ids.b])
  })

  test('come compressed as the client accepts, with the same content', async () => {
    const admin = await signIn(app, 'admin@net.test')
    const url = '/api/v1/organisations'
    const plain = await admin.inject({ method: 'GET', url })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.json().organisations).toHaveLength(4)
    const br = await admin.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['vary']).toContain('accept-encoding')
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json())
    const gzip = await admin.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
    })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json())
  })

  test('follow a write, a ring move, a role change and a sign-out on the next request', async () => {
    const db = t.database.db
    const leadA = await signIn(app, 'lead@a.test')
    expect(await organisationIds(leadA)).toEqual([ids.a, ids.b])

    // A write: B is renamed.
    await db
      .updateTable('organisation')
      .set({ name: 'Jobcenter B, renamed' })
      .where('id', '=', ids.b)
      .execute()
    const names = (await leadA.inject({ method: 'GET', url: '/api/v1/organisations' })).json().organisations
    expect(names.map((o: { name: string }) => o.name)).toContain('Jobcenter B, renamed')

    // A ring move: C joins ring 1.
    await db
      .insertInto('ring_membership')
      .values({ ring_id: ring1, organisation_id: ids.c, valid_from: '2000-01-01' })
      .execute()
    expect(await organisationIds(leadA)).toEqual([ids.a, ids.b, ids.c])
    await db
      .deleteFrom('ring_membership')
      .where('organisation_id', '=', ids.c)
      .where('ring_id', '=', ring1)
      .execute()
    expect(await organisationIds(leadA)).toEqual([ids.a, ids.b])

    // A role change through the API: a viewer may not read the import history.
    expect((await leadA.inject({ method: 'GET', url: '/api/v1/imports' })).statusCode).toBe(200)
    const admin = await signIn(app, 'admin@net.test')
    const changed = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leadAId}`,
      payload: { role: 'viewer' },
    })
    expect(changed.statusCode).toBe(200)
    const asViewer = await leadA.inject({ method: 'GET', url: '/api/v1/imports' })
    expect(asViewer.statusCode).toBe(403)
    expect(JSON.parse(asViewer.headers['x-abilities'] as string).canViewImports).toBe(false)

    // Signing out ends the session at once.
    expect((await leadA.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(200)
    expect((await leadA.inject({ method: 'GET', url: '/api/v1/organisations' })).statusCode).toBe(401)
  })

  test.skipIf(!process.env.DATABASE_URL)(
    'PostgreSQL: follow a commit of another connection once its notification has arrived',
    async () => {
      const admin = await signIn(app, 'admin@net.test')
      const url = '/api/v1/organisations'
      const nameOfD = async () =>
        (await admin.inject({ method: 'GET', url }))
          .json()
          .organisations.find((o: { id: number }) => o.id === ids.d).name as string
      const before = await nameOfD()
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db)
      const other = new pg.Client({
        connectionString: Object.assign(new URL(process.env.DATABASE_URL!), {
          pathname: `/${rows[0]!.name}`,
        }).toString(),
      })
      await other.connect()
      try {
        expect(t.database.changes.isComplete).toBe(true)
        const generation = t.database.changes.generation
        await other.query('update organisation set name = $1 where id = $2', [
          'Jobcenter D, renamed elsewhere',
          ids.d,
        ])
        await vi.waitFor(() => expect(t.database.changes.generation).toBeGreaterThan(generation), {
          timeout: 5000,
        })
        expect(await nameOfD()).toBe('Jobcenter D, renamed elsewhere')
        expect(before).not.toBe('Jobcenter D, renamed elsewhere')
      } finally {
        await other.end()
      }
    },
  )
})
