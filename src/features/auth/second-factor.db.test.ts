import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBase32, totpCode } from '../../core/accounts/totp'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData, TEST_PASSWORD } from '../../test/factories'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { FREE_FAILURES } from './sign-in-limits'

const t = useTestDatabase()
let app: FastifyInstance
let clock = new Date('2025-06-02T08:00:00Z')
const codeAt = (secret: string, at: Date) => totpCode(decodeBase32(secret)!, Math.floor(at.getTime() / 1000))
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000))

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const kcaId = await createJobcentre(db, { ags5: '06435' })
  await createUser(db, { email: 'ada@network.example', role: 'admin', isTotpExempt: false })
  await createUser(db, { email: 'guess@network.example', role: 'moderator', isTotpExempt: false })
  await createUser(db, {
    email: 'mia@kca.example',
    role: 'member_analyst',
    organisationId: kcaId,
    isTotpExempt: false,
  })
  app = await buildApp({ database: t.database, now: () => clock })
})
afterAll(async () => app?.close())

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers })
const signInWith = (email: string, code?: string) =>
  post('/api/v1/session', { email, password: TEST_PASSWORD, ...(code !== undefined ? { code } : {}) })
const demandOf = (response: { json(): { error: { details: { field?: string; value?: string }[] } } }) =>
  response.json().error.details.find((d) => d.field === 'code')?.value

describe('second factor of administrators', () => {
  let secret: string
  let recoveryCodes: string[]

  it('asks an administrator without one to set it up, after the password only', async () => {
    const wrongPassword = await post('/api/v1/session', {
      email: 'ada@network.example',
      password: 'wrong-password',
    })
    expect(wrongPassword.statusCode).toBe(401)
    expect(demandOf(wrongPassword)).toBe(undefined)
    const response = await signInWith('ada@network.example')
    expect(response.statusCode).toBe(401)
    expect(demandOf(response)).toBe('enrolment_required')
  })

  it('gives a base32 secret and its otpauth URI; the first right code signs in and answers recovery codes', async () => {
    const enrolment = await post('/api/v1/session/totp-enrolment', {
      email: 'ada@network.example',
      password: TEST_PASSWORD,
    })
    expect(enrolment.statusCode, enrolment.body).toBe(200)
    secret = enrolment.json().secret
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(enrolment.json().otpauthUri).toBe(
      `otpauth://totp/benchlearn%3Aada%40network.example?secret=${secret}&issuer=benchlearn&algorithm=SHA1&digits=6&period=30`,
    )
    const wrong = await signInWith('ada@network.example', '000000')
    expect(demandOf(wrong)).toBe('code_wrong')
    const response = await signInWith('ada@network.example', codeAt(secret, clock))
    expect(response.statusCode, response.body).toBe(200)
    recoveryCodes = response.json().recoveryCodes
    expect(recoveryCodes).toHaveLength(10)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_label', '=', 'ada@network.example')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['totp.enrolment_start', 'totp.enable', 'session.create'])
  })

  it('does not accept the same code twice, nor a new secret over a confirmed one', async () => {
    const replay = await signInWith('ada@network.example', codeAt(secret, clock))
    expect(replay.statusCode).toBe(401)
    expect(demandOf(replay)).toBe('code_wrong')
    const again = await post('/api/v1/session/totp-enrolment', {
      email: 'ada@network.example',
      password: TEST_PASSWORD,
    })
    expect(again.statusCode).toBe(409)
  })

  it('needs a code from now on, and takes the next step’s code (and the previous step, for drift)', async () => {
    later(30)
    expect(demandOf(await signInWith('ada@network.example'))).toBe('code_required')
    expect((await signInWith('ada@network.example', codeAt(secret, clock))).statusCode).toBe(200)
    later(60)
    const drifted = new Date(clock.getTime() - 30_000)
    expect((await signInWith('ada@network.example', codeAt(secret, drifted))).statusCode).toBe(200)
  })

  it('takes each recovery code once, in any spelling', async () => {
    const code = recoveryCodes[0]!
    expect((await signInWith('ada@network.example', code.toUpperCase().replace('-', ''))).statusCode).toBe(
      200,
    )
    expect(demandOf(await signInWith('ada@network.example', code))).toBe('code_wrong')
  })

  it('counts wrong codes towards the sign-in limits', async () => {
    const enrolment = await post('/api/v1/session/totp-enrolment', {
      email: 'guess@network.example',
      password: TEST_PASSWORD,
    })
    const guesser = enrolment.json().secret as string
    for (let i = 0; i < FREE_FAILURES; i++)
      expect(demandOf(await signInWith('guess@network.example', '123456'))).toBe('code_wrong')
    const limited = await signInWith('guess@network.example', codeAt(guesser, clock))
    expect(limited.statusCode).toBe(429)
  })

  it('cannot be switched off by an administrator', async () => {
    later(30)
    const ada = await signInWithCode('ada@network.example', secret)
    const response = await ada.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor/disable',
      payload: { currentPassword: TEST_PASSWORD },
    })
    expect(response.statusCode).toBe(403)
  })
})

async function signInWithCode(email: string, secret: string) {
  const response = await signInWith(email, codeAt(secret, clock))
  expect(response.statusCode, response.body).toBe(200)
  const cookie = `bl_session=${response.cookies.find((c) => c.name === 'bl_session')!.value}`
  const headers = { cookie, 'x-csrf-token': response.json().csrfToken as string }
  return {
    inject: (options: InjectOptions) => app.inject({ ...options, headers }),
  }
}

describe('second factor of members (optional)', () => {
  it('is off by default; a member may set it up, confirm it, must use it and may switch it off', async () => {
    const mia = await signIn(app, 'mia@kca.example')
    const status = await mia.inject({ method: 'GET', url: '/api/v1/session/second-factor' })
    expect(status.json()).toEqual({ isEnabled: false, isRequired: false, recoveryCodesLeft: 0 })
    const wrongPassword = await mia.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor',
      payload: { currentPassword: 'nope-nope' },
    })
    expect(wrongPassword.statusCode).toBe(401)
    const start = await mia.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor',
      payload: { currentPassword: TEST_PASSWORD },
    })
    const secret = start.json().secret as string
    // Not on before the first code: the next sign-in still needs the password only.
    expect((await signInWith('mia@kca.example')).statusCode).toBe(200)
    const confirm = await mia.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor/confirm',
      payload: { code: codeAt(secret, clock) },
    })
    expect(confirm.statusCode, confirm.body).toBe(200)
    expect(confirm.json().recoveryCodes).toHaveLength(10)
    expect((await mia.inject({ method: 'GET', url: '/api/v1/session/second-factor' })).json()).toEqual({
      isEnabled: true,
      isRequired: false,
      recoveryCodesLeft: 10,
    })
    expect(demandOf(await signInWith('mia@kca.example'))).toBe('code_required')
    const off = await mia.inject({
      method: 'POST',
      url: '/api/v1/session/second-factor/disable',
      payload: { currentPassword: TEST_PASSWORD },
    })
    expect(off.statusCode).toBe(200)
    expect((await signInWith('mia@kca.example')).statusCode).toBe(200)
  })
})
