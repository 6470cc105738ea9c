/**
 * Password reset by mail, against a real SMTP server in the test process: the same answer for known
 * and unknown addresses, a single-use link that expires, limits per address; and account invitations
 * by mail (both languages; the link's secret is not kept once sent).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { createUser } from '../../test/factories'
import { signIn } from '../../test/sign-in'
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink'
import { useTestDatabase } from '../../test/use-test-database'
import { createMailWorker, type MailWorker } from '../mail/mail-worker'
import { RESET_VALID_MINUTES, RESETS_PER_ADDRESS } from './request-password-reset'

const t = useTestDatabase()
let smtp: SmtpSink
let app: FastifyInstance
let worker: MailWorker
let clock = new Date('2026-03-02T09:00:00Z')
const now = () => clock

beforeAll(async () => {
  smtp = await startSmtpSink()
  await createUser(t.database.db, { email: 'Anna@Example.test', role: 'viewer' })
  await createUser(t.database.db, { email: 'admin@example.test', role: 'admin' })
  app = await buildApp({ database: t.database, now })
  worker = createMailWorker({ database: t.database, settings: smtp.settings('https://bl.example.org'), now })
})

afterAll(async () => {
  await worker.stop()
  await app.close()
  await smtp.stop()
})

const requestReset = (email: string, ip = '192.0.2.1') =>
  app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email }, remoteAddress: ip })
const confirm = (token: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password } })

function tokenOf(text: string | undefined, path: string): string {
  const match = new RegExp(`https://bl\\.example\\.org${path}#([A-Za-z0-9_-]+)`).exec(text ?? '')
  expect(match, `link to ${path} in ${text}`).not.toBeNull()
  return match![1]!
}

describe('password reset', () => {
  test('answers alike for known and unknown addresses and mails only the known one', async () => {
    smtp.received.length = 0
    const known = await requestReset('anna@example.test')
    const unknown = await requestReset('nobody@example.test')
    expect(known.statusCode).toBe(200)
    expect(unknown.statusCode).toBe(200)
    expect(unknown.body).toBe(known.body)
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    const [mail] = await smtp.waitFor(1)
    // The address as the account has it (the test server writes domains in lower case).
    expect(mail!.envelopeTo).toEqual(['Anna@example.test'])
    expect(mail!.parsed.subject).toBe('Neues Passwort für benchlearn')
    expect(mail!.parsed.text).toContain('gilt bis 02.03.2026, 11:00')
    const token = tokenOf(mail!.parsed.text, '/password-reset')
    expect(mail!.parsed.html).toContain(`href="https://bl.example.org/password-reset#${token}"`)
    const kept = await t.database.db
      .selectFrom('mail_outbox')
      .select('payload')
      .where('kind', '=', 'password_reset')
      .execute()
    expect(JSON.stringify(kept)).not.toContain(token)

    const session = await signIn(app, 'anna@example.test')
    expect((await confirm(token, 'ein ganz neues Passwort')).statusCode).toBe(200)
    const again = await confirm(token, 'noch ein anderes Passwort')
    expect(again.statusCode).toBe(422)
    expect(again.json().error.details).toEqual([
      {
        field: 'token',
        message: 'unbekannt, verbraucht oder abgelaufen',
        key: 'passwordReset.spent',
        params: {},
      },
    ])
    // Every session ended; the new password signs in, the old one no longer.
    expect((await session.inject({ method: 'GET', url: '/api/v1/me/mail-preferences' })).statusCode).toBe(401)
    await signIn(app, 'anna@example.test', 'ein ganz neues Passwort')
    await expect(signIn(app, 'anna@example.test')).rejects.toThrow(/401/)
  })

  test('a link expires', async () => {
    smtp.received.length = 0
    clock = new Date('2026-03-03T09:00:00Z')
    await requestReset('anna@example.test', '192.0.2.2')
    await worker.runOnce()
    const [mail] = await smtp.waitFor(1)
    const token = tokenOf(mail!.parsed.text, '/password-reset')
    clock = new Date(clock.getTime() + RESET_VALID_MINUTES * 60_000 + 1000)
    expect((await confirm(token, 'zu spät gesetztes Passwort')).statusCode).toBe(422)
  })

  test('is limited per address, for unknown addresses alike', async () => {
    clock = new Date('2026-03-04T09:00:00Z')
    for (const email of ['anna@example.test', 'ghost@example.test']) {
      for (let i = 0; i < RESETS_PER_ADDRESS; i++)
        expect((await requestReset(email, `198.51.100.${i}`)).statusCode).toBe(200)
      const limited = await requestReset(email, '198.51.100.99')
      expect(limited.statusCode).toBe(429)
    }
    clock = new Date(clock.getTime() + 61 * 60_000)
    expect((await requestReset('ghost@example.test')).statusCode).toBe(200)
  })
})

describe('account invitations', () => {
  test('with an address go out by mail in German and English with the link', async () => {
    await worker.runOnce()
    smtp.received.length = 0
    clock = new Date('2026-03-10T09:00:00Z')
    const admin = await signIn(app, 'admin@example.test')
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { role: 'viewer', email: 'new.person@example.test', validHours: 48 },
    })
    expect(created.statusCode, created.body).toBe(200)
    await worker.runOnce()
    const [mail] = await smtp.waitFor(1)
    expect(mail!.envelopeTo).toEqual(['new.person@example.test'])
    expect(mail!.parsed.subject).toBe('Einladung zu benchlearn / Invitation to benchlearn')
    expect(mail!.parsed.text).toContain('Rolle: Lesezugriff')
    expect(mail!.parsed.text).toContain('role: Viewer')
    expect(tokenOf(mail!.parsed.text, '/invitation')).toBe(created.json().token)
    expect(mail!.parsed.text).toContain('12.03.2026, 10:00')
  })
})
