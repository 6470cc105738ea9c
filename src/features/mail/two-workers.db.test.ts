/**
 * Two workers on one database (as two server processes) send the same outbox at the same time: each
 * message arrives exactly once. On PostgreSQL (DATABASE_URL) the workers' claims run on separate
 * connections of the pool, so SKIP LOCKED is what keeps them apart.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink'
import { useTestDatabase } from '../../test/use-test-database'
import { createMailWorker } from './mail-worker'
import { queueMailToAddress } from './queue-mail'

const t = useTestDatabase()
let smtp: SmtpSink
const MESSAGES = 40

beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => smtp.stop())

test('two workers claiming concurrently send each message once', async () => {
  const now = new Date('2026-03-02T09:00:00Z')
  await t.database.transaction(async ({ db }) => {
    for (let i = 0; i < MESSAGES; i++)
      await queueMailToAddress(db, {
        kind: 'account_invitation',
        recipient: `person${i}@example.test`,
        userId: null,
        payload: { token: `token-${i}-abcdefghij`, role: 'viewer', expiresAt: '2026-03-09T09:00:00Z' },
        now,
      })
  })
  const workers = [0, 1].map(() =>
    createMailWorker({ database: t.database, settings: smtp.settings(), now: () => now }),
  )
  const results = await Promise.all(workers.map((w) => w.runOnce()))
  await Promise.all(workers.map((w) => w.stop()))
  expect(results[0]!.sent + results[1]!.sent).toBe(MESSAGES)
  expect(results.map((r) => r.failed)).toEqual([0, 0])
  const mails = await smtp.waitFor(MESSAGES)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(mails).toHaveLength(MESSAGES)
  const recipients = mails.map((m) => m.envelopeTo[0]).sort()
  expect(new Set(recipients).size).toBe(MESSAGES)
  expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(MESSAGES)
})
