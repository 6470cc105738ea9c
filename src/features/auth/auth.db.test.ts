import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionDto } from '../../contracts/auth'
import { buildApp } from '../../server/app'
import { importFile } from '../imports/import-file'
import { createJobcentre, createUser, seedReferenceData, TEST_PASSWORD } from '../../test/factories'
import { postSession, signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'

const t = useTestDatabase()
let app: FastifyInstance
let admin: SignedIn
let kcaId: number
let clock = new Date('2024-03-01T12:00:00Z')

function multipart(fileName: string, content: string) {
  const boundary = '----auth-test-boundary'
  const payload = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${fileName}"`,
    'Content-Type: text/csv',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n')
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  kcaId = await createJobcentre(db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' })
  await createJobcentre(db, { ags5: '06431', name: 'Jobcenter Bergstraße' })
  await createUser(db, { email: 'Admin@Example.org', role: 'admin' })
  await createUser(db, { email: 'analyst@example.org', role: 'member_analyst', organisationId: kcaId })
  await createUser(db, { email: 'locked@example.org', role: 'viewer', organisationId: kcaId })
  app = await buildApp({ database: t.database, now: () => clock })
  admin = await signIn(app, 'admin@example.org')
})
afterAll(async () => app?.close())

describe('sign-in and sessions', () => {
  it('signs in case-insensitively with an HttpOnly, SameSite cookie and returns session, CSRF token and abilities', async () => {
    const response = await postSession(app, 'ADMIN@example.org', TEST_PASSWORD)
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((c) => c.name === 'bl_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.secure).toBeFalsy()
    expect(response.json()).toMatchObject({
      user: { email: 'Admin@Example.org', role: 'admin' },
      csrfToken: expect.any(String),
      abilities: { canManageUsers: true, canViewAuditLog: true },
    })
    expect(JSON.parse(String(response.headers['x-abilities']))).toMatchObject({ canManageUsers: true })
  })

  it('says whether values were recorded since the last visit, so pages ask what was known then only then', async () => {
    await createUser(t.database.db, {
      email: 'visitor@example.org',
      role: 'member_lead',
      organisationId: kcaId,
    })
    const sessionAt = async (at: string) => {
      clock = new Date(at)
      const signedIn = await postSession(app, 'visitor@example.org', TEST_PASSWORD)
      expect(signedIn.statusCode).toBe(200)
      const cookie = signedIn.cookies.find((c) => c.name === 'bl_session')!
      const again = await app.inject({
        method: 'GET',
        url: '/api/v1/session',
        cookies: { bl_session: cookie.value },
      })
      // The answer to the sign-in and to asking for the session say the same.
      const facts = ({ previousVisitAt, hasValuesSinceLastVisit }: SessionDto) => ({
        previousVisitAt,
        hasValuesSinceLastVisit,
      })
      expect(facts(again.json())).toEqual(facts(signedIn.json()))
      return facts(signedIn.json())
    }
    try {
      expect(await sessionAt('2024-03-02T08:00:00Z')).toEqual({
        previousVisitAt: null,
        hasValuesSinceLastVisit: false,
      })
      expect(await sessionAt('2024-03-03T08:00:00Z')).toEqual({
        previousVisitAt: '2024-03-02T08:00:00.000Z',
        hasValuesSinceLastVisit: false,
      })
      const imported = await importFile(t.database, {
        fileName: 'march.csv',
        bytes: new TextEncoder().encode('org;indicator;period;value\n06435;elb;2024-02;10500\n'),
        now: new Date('2024-03-03T09:00:00Z'),
      })
      expect(imported.errors).toEqual([])
      expect(await sessionAt('2024-03-04T08:00:00Z')).toEqual({
        previousVisitAt: '2024-03-03T08:00:00.000Z',
        hasValuesSinceLastVisit: true,
      })
      expect(await sessionAt('2024-03-05T08:00:00Z')).toEqual({
        previousVisitAt: '2024-03-04T08:00:00.000Z',
        hasValuesSinceLastVisit: false,
      })
    } finally {
      clock = new Date('2024-03-01T12:00:00Z')
    }
  })

  it('sets a Secure cookie when the request came over TLS through a trusted proxy', async () => {
    const proxied = await buildApp({ database: t.database, trustProxy: true })
    const response = await postSession(proxied, 'admin@example.org', TEST_PASSWORD, {
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(response.cookies.find((c) => c.name === 'bl_session')?.secure).toBe(true)
    await proxied.close()
  })

  it('answers unknown address and wrong password alike, then makes the next attempt wait (429)', async () => {
    const attempt = (email: string, password: string) =>
      postSession(app, email, password, { remoteAddress: '10.0.0.7' })
    const unknown = await attempt('nobody@example.org', 'whatever')
    const wrong = await attempt('analyst@example.org', 'wrong password')
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.json().error.message).toBe(wrong.json().error.message)
    for (let i = 0; i < 4; i++) await attempt('analyst@example.org', 'wrong password')
    const limited = await attempt('analyst@example.org', TEST_PASSWORD)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error).toMatchObject({
      code: 'rate_limited',
      message: 'Zu viele Fehlversuche für dieses Konto; bitte in 1 Sekunde erneut versuchen',
      key: 'signIn.wait.account',
    })
    // Another address (IP) is not affected; the right password gets in once the wait is over.
    const elsewhere = await postSession(app, 'analyst@example.org', TEST_PASSWORD, {
      remoteAddress: '10.0.0.8',
    })
    expect(elsewhere.statusCode).toBe(200)
    clock = new Date(clock.getTime() + 2_000)
    expect((await attempt('analyst@example.org', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('signs out: the cookie no longer opens anything', async () => {
    const session = await signIn(app, 'analyst@example.org')
    expect((await session.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(200)
    expect((await session.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401)
  })

  it('refuses writes without the CSRF token of the session', async () => {
    const session = await signIn(app, 'analyst@example.org')
    const response = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: session.cookie, 'x-csrf-token': admin.csrfToken },
    })
    expect(response.statusCode).toBe(403)
  })

  it('changes the password (current one required) and ends the other sessions', async () => {
    const other = await signIn(app, 'analyst@example.org')
    const session = await signIn(app, 'analyst@example.org')
    const wrong = await session.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: 'nope', newPassword: 'a much longer password' },
    })
    expect(wrong.statusCode).toBe(422)
    const changed = await session.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a much longer password' },
    })
    expect(changed.statusCode).toBe(200)
    expect((await other.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401)
    expect((await session.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200)
    await signIn(app, 'analyst@example.org', 'a much longer password')
  })
})

describe('invitations and account administration', () => {
  it('invites an analyst by link; accepting sets name and password and signs in', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { role: 'member_analyst', organisationId: kcaId },
    })
    expect(created.statusCode).toBe(200)
    const { token, path, expiresAt } = created.json()
    expect(path).toBe(`/invitation#${token}`)
    const preview = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/preview',
      payload: { token },
    })
    expect(preview.json()).toEqual({
      role: 'member_analyst',
      organisationId: kcaId,
      organisationName: 'KCA Main-Kinzig-Kreis',
      email: null,
      expiresAt,
    })
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Neue Kollegin', email: 'new@example.org', password: 'twelve chars long' },
    })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().user).toMatchObject({
      role: 'member_analyst',
      organisationId: kcaId,
      name: 'Neue Kollegin',
    })
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Someone', email: 'other@example.org', password: 'twelve chars long' },
    })
    expect(again.statusCode).toBe(404)
    const spent = await app.inject({ method: 'POST', url: '/api/v1/invitations/preview', payload: { token } })
    expect(spent.statusCode).toBe(404)
  })

  it('answers an expired invitation link with 404 before and when it is accepted', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { role: 'viewer', organisationId: kcaId, email: 'late@example.org', validHours: 1 },
    })
    const { token } = created.json()
    const previewed = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/preview',
      payload: { token },
    })
    expect(previewed.json()).toMatchObject({ role: 'viewer', email: 'late@example.org' })
    const saved = clock
    clock = new Date(clock.getTime() + 61 * 60_000)
    try {
      const preview = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/preview',
        payload: { token },
      })
      expect(preview.statusCode).toBe(404)
      const accepted = await app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, name: 'Zu spät', password: 'twelve chars long' },
      })
      expect(accepted.statusCode).toBe(404)
    } finally {
      clock = saved
    }
  })

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const locked = await signIn(app, 'locked@example.org')
    const users = (await admin.inject({ method: 'GET', url: '/api/v1/users' })).json().users
    const id = users.find((u: { email: string }) => u.email === 'locked@example.org').id
    const response = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { isDisabled: true },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().isDisabled).toBe(true)
    expect((await locked.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401)
    await expect(signIn(app, 'locked@example.org')).rejects.toThrow(/401/)
  })

  it('refuses an analyst file with rows of another organisation, naming the row', async () => {
    const analyst = await signIn(app, 'analyst@example.org', 'a much longer password')
    const file = multipart(
      'mixed.csv',
      'org;indicator;period;value\n06435;elb;2024-01;100\n06431;elb;2024-01;200\n',
    )
    const response = await analyst.inject({ method: 'POST', url: '/api/v1/imports', ...file })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details).toEqual([
      expect.objectContaining({
        row: 3,
        value: '06431',
        // In the account's language (German by default), with the catalogue key for the web.
        message: expect.stringMatching(
          /anderen Organisation; Sie dürfen nur Daten für KCA Main-Kinzig-Kreis hochladen/,
        ),
        key: 'import.otherOrganisation',
        params: { name: 'KCA Main-Kinzig-Kreis' },
      }),
    ])
    const own = multipart('own.csv', 'org;indicator;period;value\n06435;elb;2024-01;100\n')
    expect((await analyst.inject({ method: 'POST', url: '/api/v1/imports', ...own })).statusCode).toBe(200)
  })

  it('records every write in the audit log with who, what, before and after, and no secrets', async () => {
    const entries = (await admin.inject({ method: 'GET', url: '/api/v1/audit?limit=100' })).json().entries
    const actions = entries.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'session.create',
        'session.delete',
        'user.change_password',
        'invitation.create',
        'user.create',
        'user.update',
        'import.upload',
      ]),
    )
    const update = entries.find((e: { action: string }) => e.action === 'user.update')
    expect(update).toMatchObject({
      actor: 'Admin@Example.org',
      entity: 'user',
      before: expect.objectContaining({ isDisabled: false }),
      after: expect.objectContaining({ isDisabled: true }),
    })
    const upload = entries.find((e: { action: string }) => e.action === 'import.upload')
    expect(upload).toMatchObject({
      actor: 'analyst@example.org',
      after: expect.objectContaining({ organisationId: kcaId }),
    })
    const text = JSON.stringify(entries)
    expect(text).not.toMatch(/scrypt\$|password_hash|twelve chars long|a much longer password/)
  })
})
