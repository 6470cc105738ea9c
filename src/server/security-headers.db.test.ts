import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEETING_PACK_STYLE } from '../features/reports/meeting-pack/render-meeting-pack'
import { createMeeting, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'
import { CONTENT_SECURITY_POLICY } from './security-headers'
import { START_PAGE_STYLE } from './start-page'

const t = useTestDatabase()
let api: FastifyInstance
let withUi: FastifyInstance
let behindProxy: FastifyInstance
let admin: SignedIn
let meetingId: number
const webRoot = mkdtempSync(join(tmpdir(), 'benchlearn-web-'))

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createUser(t.database.db, { email: 'admin@example.org', role: 'admin' })
  meetingId = await createMeeting(t.database.db, { title: 'Netzwerktreffen' })
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ui</title><div id="root"></div>')
  writeFileSync(join(webRoot, 'app.css'), 'body { color: black }')
  const now = () => new Date('2024-03-01T12:00:00Z')
  api = await buildApp({ database: t.database, now })
  withUi = await buildApp({ database: t.database, now, webRoot })
  behindProxy = await buildApp({ database: t.database, now, trustProxy: true })
  admin = await signIn(api, 'admin@example.org')
})
afterAll(async () => {
  await Promise.all([api?.close(), withUi?.close(), behindProxy?.close()])
  rmSync(webRoot, { recursive: true, force: true })
})

function expectSecurityHeaders(response: LightMyRequestResponse) {
  const h = response.headers
  expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['referrer-policy']).toBe('no-referrer')
  expect(h['x-frame-options']).toBe('DENY')
  expect(h['cross-origin-opener-policy']).toBe('same-origin')
  expect(h['permissions-policy']).toMatch(/camera=\(\)/)
}

describe('security headers', () => {
  it('has a strict policy: nothing inline or foreign, no plugins, never framed', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'self'"])
    expect(directives.get('form-action')).toEqual(["'self'"])
    // Styles: own files and the two server-rendered stylesheets by hash, never 'unsafe-inline'.
    const styles = directives.get('style-src')!
    expect(styles[0]).toBe("'self'")
    expect(styles.slice(1)).toHaveLength(2)
    for (const source of styles.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|https?:/)
  })

  it.each([
    ['a JSON answer', () => admin.inject({ method: 'GET', url: '/api/v1/indicators' }), 200],
    ['a public answer', () => api.inject({ method: 'GET', url: '/api/health' }), 200],
    ['the OpenAPI document', () => api.inject({ method: 'GET', url: '/api/openapi.json' }), 200],
    ['a 401', () => api.inject({ method: 'GET', url: '/api/v1/organisations' }), 401],
    [
      'a 403 (no CSRF header)',
      () => api.inject({ method: 'POST', url: '/api/v1/imports', headers: { cookie: admin.cookie } }),
      403,
    ],
    ['a 422', () => admin.inject({ method: 'GET', url: '/api/v1/meetings/abc/pack.html' }), 422],
    ['an unknown API route', () => api.inject({ method: 'GET', url: '/api/v1/nothing' }), 404],
    ['the plain start page', () => api.inject({ method: 'GET', url: '/' }), 200],
    ['the UI shell', () => withUi.inject({ method: 'GET', url: '/' }), 200],
    ['a client-side route of the UI', () => withUi.inject({ method: 'GET', url: '/figures/K2' }), 200],
    ['a static file of the UI', () => withUi.inject({ method: 'GET', url: '/app.css' }), 200],
    ['an unknown API route next to the UI', () => withUi.inject({ method: 'GET', url: '/api/nothing' }), 404],
  ])('are on %s', async (_name, request, status) => {
    const response = await request()
    expect(response.statusCode).toBe(status)
    expectSecurityHeaders(response)
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it('are on the meeting pack, whose only stylesheet is the one the policy allows', async () => {
    const response = await admin.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}/pack.html` })
    expect(response.statusCode).toBe(200)
    expectSecurityHeaders(response)
    const styles = [...response.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
    expect(styles).toEqual([MEETING_PACK_STYLE])
    expect(response.body).not.toMatch(/<script|\sstyle=/i)
  })

  it('allow the start page exactly its own stylesheet', async () => {
    const body = (await api.inject({ method: 'GET', url: '/' })).body
    expect([...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])).toEqual([START_PAGE_STYLE])
    expect(body).not.toMatch(/<script|\sstyle=/i)
  })

  it('add Strict-Transport-Security only to requests that came over https', async () => {
    const https = await behindProxy.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    })
    expectSecurityHeaders(https)
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
    const http = await behindProxy.inject({ method: 'GET', url: '/api/health' })
    expect(http.headers['strict-transport-security']).toBeUndefined()
  })
})
