import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../test/use-test-database'
import { createJobcentre, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { buildApp } from './app'
import { multipartFile } from '../test/multipart'

const t = useTestDatabase()
let app: FastifyInstance
let admin: SignedIn

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createJobcentre(t.database.db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis', nuts3: 'DE719' })
  await createUser(t.database.db, { email: 'admin@example.org', role: 'admin' })
  app = await buildApp({ database: t.database, now: () => new Date('2024-03-01T12:00:00Z') })
  admin = await signIn(app, 'admin@example.org')
})
afterAll(async () => app?.close())

describe('API', () => {
  it('answers health without signing in', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'ok', database: expect.any(String), isDemo: false })
  })

  it('answers 401 to anonymous callers of data routes and 403 to writes without the CSRF header', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/organisations' })).statusCode).toBe(401)
    const body = (await app.inject({ method: 'GET', url: '/api/v1/indicators' })).json()
    expect(body.error.code).toBe('unauthenticated')
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: admin.cookie },
    })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().error.message).toMatch(/x-csrf-token/)
  })

  it('sends the abilities of the caller with every signed-in response', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/v1/indicators' })
    expect(JSON.parse(String(response.headers['x-abilities']))).toMatchObject({ canViewAuditLog: true })
  })

  it('lists organisations with their district keys', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/v1/organisations' })
    expect(response.statusCode).toBe(200)
    expect(response.json().organisations).toEqual([
      expect.objectContaining({
        name: 'KCA Main-Kinzig-Kreis',
        areas: [expect.objectContaining({ ags5: '06435' })],
      }),
    ])
  })

  it('lists the indicator catalogue', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/v1/indicators' })
    const codes = response.json().indicators.map((i: { code: string }) => i.code)
    expect(codes).toEqual(
      expect.arrayContaining(['llu', 'luh', 'elb', 'integrations', 'lzb_active', 'sgb2_rate']),
    )
  })

  it('imports an upload (dry run first), then serves the values', async () => {
    const file = multipartFile(
      'elb.csv',
      'AGS;Kennzahl;Monat;Wert\n06435;elb;2024-01;10.500\n06435;elb;2024-02;10.450\n',
    )
    const dry = await admin.inject({ method: 'POST', url: '/api/v1/imports?dryRun=true', ...file })
    expect(dry.statusCode).toBe(200)
    expect(dry.json()).toMatchObject({ isDryRun: true, rowsImported: 2, batchId: null })

    const real = await admin.inject({ method: 'POST', url: '/api/v1/imports', ...file })
    expect(real.statusCode).toBe(200)
    expect(real.json()).toMatchObject({ isCommitted: true, rowsImported: 2, newValues: 2 })

    const values = await admin.inject({
      method: 'GET',
      url: '/api/v1/observations?org=DE719&indicator=elb&from=2024-02',
    })
    expect(values.statusCode).toBe(200)
    expect(values.json().observations).toEqual([
      expect.objectContaining({ period: '2024-02', value: 10450, revision: 1 }),
    ])

    const history = await admin.inject({ method: 'GET', url: '/api/v1/imports' })
    expect(history.json().batches).toEqual([
      expect.objectContaining({ fileName: 'elb.csv', createdBy: 'admin@example.org', rowsImported: 2 }),
    ])
  })

  it('imports a list of organisations for the administrator only, audited', async () => {
    const list = multipartFile(
      'zkt.csv',
      'land,nr_in_anlage,name_komtrzv,ags5,gen_bkg,bez_bkg,nuts3\nHessen,1,Main-Kinzig-Kreis,06435,Main-Kinzig-Kreis,Landkreis,DE719\n',
    )
    const organisationId = (
      await t.database.db
        .selectFrom('organisation')
        .select('id')
        .where('nuts3', '=', 'DE719')
        .executeTakeFirstOrThrow()
    ).id
    await createUser(t.database.db, { email: 'analyst@example.org', role: 'member_analyst', organisationId })
    const analyst = await signIn(app, 'analyst@example.org')
    const refused = await analyst.inject({
      method: 'POST',
      url: '/api/v1/imports?mapping=zkt-optionskommunen',
      ...list,
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toMatch(
      /zkt\.csv: Listen von Organisationen lädt nur die Netzwerkverwaltung/,
    )

    const imported = await admin.inject({
      method: 'POST',
      url: '/api/v1/imports?mapping=zkt-optionskommunen',
      ...list,
    })
    expect(imported.statusCode).toBe(200)
    expect(imported.json()).toMatchObject({ isCommitted: true, updated: 1, addedToNetwork: 1 })
    const audit = await admin.inject({ method: 'GET', url: '/api/v1/audit?entity=organisation' })
    expect(audit.json().entries).toEqual([
      expect.objectContaining({
        action: 'import.upload.organisations',
        after: expect.objectContaining({ fileName: 'zkt.csv', updated: 1, addedToNetwork: 1 }),
      }),
    ])
  })

  it('rejects a bad upload with the one error shape naming row and column', async () => {
    const file = multipartFile('bad.csv', 'org;indicator;period;value\n06435;elb;2024-03;viele\n')
    const response = await admin.inject({ method: 'POST', url: '/api/v1/imports', ...file })
    expect(response.statusCode).toBe(422)
    const body = response.json()
    expect(body.error.code).toBe('invalid_input')
    expect(body.error.details[0]).toMatchObject({ file: 'bad.csv', row: 2, value: 'viele' })
  })

  it('validates query parameters', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/v1/observations?org=06435' })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'indicator' })])
  })

  it('answers unknown routes and keys with 404 in the error shape', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/nothing' })).json().error.code).toBe('not_found')
    const missing = await admin.inject({ method: 'GET', url: '/api/v1/observations?org=09676&indicator=elb' })
    expect(missing.statusCode).toBe(404)
  })

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/organisations',
        '/api/v1/indicators',
        '/api/v1/observations',
        '/api/v1/imports',
      ]),
    )
    expect(doc.paths['/api/health'].get['x-public']).toBe(true)
    expect(doc.paths['/api/v1/observations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['org', 'indicator', 'from', 'to', 'asOf']),
    )
    expect(doc.components.schemas.Error).toBeDefined()
    expect(doc.paths['/api/v1/imports'].post.requestBody.content['multipart/form-data']).toBeDefined()
  })
})

describe('response contracts under tests', () => {
  it('fails a request whose answer does not match its route contract, and passes one that does', async () => {
    const { z } = await import('zod')
    const { definePublicRoute } = await import('./route')
    const answer = { count: 'three' as unknown }
    const route = definePublicRoute({
      method: 'GET',
      url: '/api/v1/test-contract',
      operationId: 'testContract',
      summary: 'test',
      tag: 'test',
      access: { isPublic: true },
      response: z.object({ count: z.number() }),
      handler: async () => answer as { count: number },
    })
    const checked = await buildApp({ database: t.database, routes: [route] })
    try {
      const wrong = await checked.inject({ method: 'GET', url: '/api/v1/test-contract' })
      expect(wrong.statusCode).toBe(500)
      answer.count = 3
      const right = await checked.inject({ method: 'GET', url: '/api/v1/test-contract' })
      expect(right.statusCode).toBe(200)
      expect(right.json()).toEqual({ count: 3 })
    } finally {
      await checked.close()
    }
  })
})
