import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from '../../test/oidc-provider'
import { signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { SSO_STATE_COOKIE } from './sso.routes'

const t = useTestDatabase()
const PUBLIC_URL = 'http://127.0.0.1:9'
let app: FastifyInstance
let admin: SignedIn
let provider: TestOidcProvider
let kcaId: number
let otherId: number

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  kcaId = await createJobcentre(db, { ags5: '06435', name: 'KCA Main-Kinzig-Kreis' })
  otherId = await createJobcentre(db, { ags5: '06431', name: 'Jobcenter Bergstraße' })
  await createUser(db, { email: 'admin@network.example', role: 'admin' })
  await createUser(db, { email: 'lena@kca.example', role: 'member_lead', organisationId: kcaId })
  await createUser(db, { email: 'bea@bergstrasse.example', role: 'member_lead', organisationId: otherId })
  provider = await startTestOidcProvider({
    redirectUri: `${PUBLIC_URL}/sign-in/sso`,
    identities: [
      { subject: 'lena', email: 'Lena@kca.example', name: 'Lena Leitung' },
      { subject: 'invited', email: 'ina@partner.example', name: 'Ina Eingeladen' },
      { subject: 'newcomer', email: 'neu@kca.example', name: 'Nils Neu' },
      { subject: 'stranger', email: 'eve@elsewhere.example', name: 'Eve' },
      { subject: 'unverified', email: 'ulf@kca.example', emailVerified: false },
      { subject: 'bea', email: 'bea@bergstrasse.example' },
      { subject: 'admin', email: 'admin@network.example' },
    ],
  })
  app = await buildApp({
    database: t.database,
    singleSignOn: { publicUrl: PUBLIC_URL, isHttpLocalhostAllowed: true },
  })
  admin = await signIn(app, 'admin@network.example')
})
afterAll(async () => {
  await app?.close()
  await provider?.close()
})

async function startAt(organisationId: number) {
  const started = await app.inject({ method: 'POST', url: '/api/v1/sso/start', payload: { organisationId } })
  expect(started.statusCode, started.body).toBe(200)
  const cookie = started.cookies.find((c) => c.name === SSO_STATE_COOKIE)!
  return { url: started.json().authorizationUrl as string, cookie: `${SSO_STATE_COOKIE}=${cookie.value}` }
}

async function signInAs(login: string, organisationId = kcaId) {
  const { url, cookie } = await startAt(organisationId)
  const callbackQuery = await signInAtProvider(url, login)
  const finished = await app.inject({
    method: 'POST',
    url: '/api/v1/sso/finish',
    headers: { cookie },
    payload: { callbackQuery },
  })
  return { finished, callbackQuery, cookie }
}

/** The administrator sets the provider of an organisation (PUT /api/v1/sso/providers/:id). */
const putProvider = (organisationId: number, payload: Record<string, unknown>) =>
  admin.inject({ method: 'PUT', url: `/api/v1/sso/providers/${organisationId}`, payload })

/** Signs in as `login` at the provider, expects the app to accept it, and returns the account it answers. */
async function signedInUser(login: string, organisationId = kcaId) {
  const { finished } = await signInAs(login, organisationId)
  expect(finished.statusCode, finished.body).toBe(200)
  expect(finished.cookies.some((c) => c.name === 'bl_session')).toBe(true)
  return finished.json().user as { id: number; email: string; role: string; organisationId: number | null }
}

async function accountOf(email: string) {
  return t.database.db
    .selectFrom('app_user')
    .select(['id', 'role', 'organisation_id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst()
}

describe('configuring providers', () => {
  it('lets the administrator set a provider; the secret is never answered', async () => {
    const response = await putProvider(kcaId, {
      displayName: 'KCA Main-Kinzig',
      issuer: `${provider.issuer}/`,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      allowedDomains: ['KCA.example'],
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({
      organisationId: kcaId,
      issuer: provider.issuer,
      allowedDomains: ['kca.example'],
      redirectUri: `${PUBLIC_URL}/sign-in/sso`,
    })
    expect(response.body).not.toContain(provider.clientSecret)
    const list = await admin.inject({ method: 'GET', url: '/api/v1/sso/providers' })
    expect(list.body).not.toContain(provider.clientSecret)
    const choices = await app.inject({ method: 'GET', url: '/api/v1/sso/choices' })
    expect(choices.json()).toEqual({ choices: [{ organisationId: kcaId, displayName: 'KCA Main-Kinzig' }] })
  })

  it('keeps the stored secret when an update leaves it out, and needs one for a new provider', async () => {
    const update = await putProvider(kcaId, {
      displayName: 'KCA',
      issuer: provider.issuer,
      clientId: provider.clientId,
      allowedDomains: ['kca.example'],
    })
    expect(update.statusCode, update.body).toBe(200)
    const row = await t.database.db
      .selectFrom('sso_provider')
      .select('client_secret')
      .executeTakeFirstOrThrow()
    expect(row.client_secret).toBe(provider.clientSecret)
    const missing = await putProvider(otherId, {
      displayName: 'Bergstraße',
      issuer: provider.issuer,
      clientId: 'x',
    })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().error.details).toEqual([
      { field: 'clientSecret', message: 'erforderlich', key: 'sso.required', params: {} },
    ])
  })

  it('refuses plain-http issuers unless they are on localhost and allowed', async () => {
    const response = await putProvider(otherId, {
      displayName: 'B',
      issuer: 'http://idp.example.org',
      clientId: 'x',
      clientSecret: 'y',
    })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details[0]).toMatchObject({
      field: 'issuer',
      value: 'http://idp.example.org',
    })
  })
})

describe('signing in with the organisation provider', () => {
  it('binds an existing account of the organisation by its verified address, then by issuer and subject', async () => {
    expect(await signedInUser('lena')).toMatchObject({ email: 'lena@kca.example', role: 'member_lead' })
    const lena = await accountOf('lena@kca.example')
    const identity = await t.database.db
      .selectFrom('sso_identity')
      .selectAll()
      .where('subject', '=', 'lena')
      .executeTakeFirst()
    expect(identity).toMatchObject({ issuer: provider.issuer, user_id: lena!.id, organisation_id: kcaId })
    // Later sign-ins match the binding even after the address changed at the account.
    await t.database.db
      .updateTable('app_user')
      .set({ email: 'lena.renamed@kca.example' })
      .where('id', '=', lena!.id)
      .execute()
    expect((await signedInUser('lena')).id).toBe(lena!.id)
  })

  it('accepts an open invitation: its role and organisation, and the invitation is used', async () => {
    const invitation = await admin.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { role: 'member_analyst', organisationId: kcaId, email: 'ina@partner.example' },
    })
    expect(invitation.statusCode, invitation.body).toBe(200)
    const user = await signedInUser('invited')
    expect(user).toMatchObject({
      email: 'ina@partner.example',
      role: 'member_analyst',
      organisationId: kcaId,
      name: 'Ina Eingeladen',
    })
    const used = await t.database.db
      .selectFrom('invitation')
      .select('used_by')
      .where('id', '=', invitation.json().id)
      .executeTakeFirstOrThrow()
    expect(used.used_by).toBe(user.id)
    expect((await accountOf('ina@partner.example'))!.password_hash).toBe(null)
  })

  it('creates a reader of the organisation for an allowed domain, never more', async () => {
    expect(await signedInUser('newcomer')).toMatchObject({
      email: 'neu@kca.example',
      role: 'viewer',
      organisationId: kcaId,
    })
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('actor_label', '=', 'neu@kca.example')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'sso_identity.create', 'session.create'])
  })

  it.each([
    ['stranger', 'domain_not_allowed'],
    ['unverified', 'email_unverified'],
    ['bea', 'other_organisation'],
    ['admin', 'other_organisation'],
  ])('refuses %s (%s) with the reason, creates nothing and audits the refusal', async (login, reason) => {
    const before = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const { finished } = await signInAs(login)
    expect(finished.statusCode).toBe(403)
    expect(finished.json().error.details).toEqual([
      expect.objectContaining({ field: 'reason', value: reason }),
    ])
    expect(finished.cookies.some((c) => c.name === 'bl_session')).toBe(false)
    const after = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    const refusal = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'sso.refuse')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(refusal.after).toMatchObject({ reason, subject: login })
  })

  it('refuses a replayed state and a state from another browser', async () => {
    const { finished, callbackQuery, cookie } = await signInAs('lena')
    expect(finished.statusCode).toBe(200)
    const replay = await app.inject({
      method: 'POST',
      url: '/api/v1/sso/finish',
      headers: { cookie },
      payload: { callbackQuery },
    })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.message).toContain('unbekannt, schon benutzt oder abgelaufen')

    const { url } = await startAt(kcaId)
    const query = await signInAtProvider(url, 'lena')
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/sso/finish',
      payload: { callbackQuery: query },
    })
    expect(foreign.statusCode).toBe(401)
    expect(foreign.json().error.message).toContain('nicht in diesem Browser begonnen')
  })

  it('offers nothing and starts nothing while BENCHLEARN_PUBLIC_URL is unset', async () => {
    const off = await buildApp({ database: t.database })
    try {
      expect((await off.inject({ method: 'GET', url: '/api/v1/sso/choices' })).json()).toEqual({
        choices: [],
      })
      const start = await off.inject({
        method: 'POST',
        url: '/api/v1/sso/start',
        payload: { organisationId: kcaId },
      })
      expect(start.statusCode).toBe(404)
    } finally {
      await off.close()
    }
  })
})
