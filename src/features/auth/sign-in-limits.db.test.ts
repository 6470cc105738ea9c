/**
 * The sign-in limits of sign-in-limits.ts, case by case through the API: guessing is bounded per
 * account and address, per account over many addresses and per address over many accounts, but
 * nobody else behind the same proxy is locked out and the right password always gets in after a
 * short, growing wait.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData, TEST_PASSWORD } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_SPREAD_MINUTES,
  backoffSeconds,
  FREE_FAILURES,
  MAX_ACCOUNTS_PER_ADDRESS,
  MAX_WAIT_SECONDS,
} from './sign-in-limits'

const t = useTestDatabase()
let app: FastifyInstance
let clock = new Date('2024-03-01T12:00:00Z')
const PROXY = '192.0.2.10'

const attempt = (email: string, password: string, ip = PROXY) =>
  app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, payload: { email, password } })
const wait = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000))
/** The wait the answer names, in whole seconds (the catalogue message's raw parameter). */
const waitOf = (response: { json(): { error: { params?: { wait?: number } } } }) =>
  Math.ceil(response.json().error.params?.wait ?? Number.NaN)

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  const organisationId = await createJobcentre(t.database.db, { ags5: '06435' })
  for (const name of ['anna', 'ben', 'carla', 'dora', 'emil'])
    await createUser(t.database.db, { email: `${name}@jc.example`, role: 'member_lead', organisationId })
  app = await buildApp({ database: t.database, now: () => clock })
})
beforeEach(async () => {
  await t.database.db.deleteFrom('login_attempt').execute()
  wait(3600 * 48)
})
afterAll(async () => app?.close())

describe('sign-in limits', () => {
  it('backs off exponentially per account and address, up to a cap', () => {
    expect([0, 4, 5, 6, 7, 10].map((n) => backoffSeconds(n, FREE_FAILURES))).toEqual([0, 0, 1, 2, 4, 32])
    expect(backoffSeconds(100, FREE_FAILURES)).toBe(MAX_WAIT_SECONDS)
  })

  it('lets the right password in after a short wait that grows with each failure', async () => {
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await attempt('anna@jc.example', 'guess')).statusCode).toBe(401)
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      const refused = await attempt('anna@jc.example', TEST_PASSWORD)
      expect(refused.statusCode).toBe(429)
      waits.push(waitOf(refused))
      wait(waitOf(refused))
      if (round < 3) expect((await attempt('anna@jc.example', 'guess')).statusCode).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4, 8])
    expect((await attempt('anna@jc.example', TEST_PASSWORD)).statusCode).toBe(200)
    // A success clears the failures of this account and address.
    expect((await attempt('anna@jc.example', 'typo')).statusCode).toBe(401)
  })

  it('does not hold up the colleagues behind the same proxy: 60 failures of others, then the right password', async () => {
    for (let i = 0; i < 60; i++) await attempt(i % 2 ? 'ben@jc.example' : 'carla@jc.example', 'guess')
    expect((await attempt('dora@jc.example', TEST_PASSWORD)).statusCode).toBe(200)
    // Ben's own guessing is slowed down, at most to the cap, never locked for good.
    const ben = await attempt('ben@jc.example', TEST_PASSWORD)
    expect(ben.statusCode).toBe(429)
    expect(waitOf(ben)).toBeLessThanOrEqual(MAX_WAIT_SECONDS)
    wait(MAX_WAIT_SECONDS)
    expect((await attempt('ben@jc.example', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('bounds one password tried on many accounts from one address, except for accounts known there', async () => {
    const office = '192.0.2.20'
    expect((await attempt('emil@jc.example', TEST_PASSWORD, office)).statusCode).toBe(200)
    for (let i = 0; i < MAX_ACCOUNTS_PER_ADDRESS; i++)
      expect((await attempt(`sprayed${i}@jc.example`, 'Sommer2024!', office)).statusCode).toBe(401)
    const next = await attempt('anna@jc.example', TEST_PASSWORD, office)
    expect(next.statusCode).toBe(429)
    expect(next.json().error.key).toBe('signIn.wait.address')
    // Emil signed in from here before; elsewhere Anna is not affected; after the hour she is let in.
    expect((await attempt('emil@jc.example', TEST_PASSWORD, office)).statusCode).toBe(200)
    expect((await attempt('anna@jc.example', TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200)
    wait(ACCOUNT_SPREAD_MINUTES * 60)
    expect((await attempt('dora@jc.example', TEST_PASSWORD, office)).statusCode).toBe(200)
  })

  it('bounds guessing of one account from many addresses, but not its owner at a known address', async () => {
    expect((await attempt('carla@jc.example', TEST_PASSWORD, '203.0.113.200')).statusCode).toBe(200)
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
      expect((await attempt('carla@jc.example', 'guess', `203.0.113.${i}`)).statusCode).toBe(401)
    const fresh = await attempt('carla@jc.example', 'guess', '203.0.113.99')
    expect(fresh.statusCode).toBe(429)
    expect(fresh.json().error.key).toBe('signIn.wait.accountFromAddresses')
    expect((await attempt('carla@jc.example', TEST_PASSWORD, '203.0.113.200')).statusCode).toBe(200)
    wait(waitOf(fresh))
    expect((await attempt('carla@jc.example', TEST_PASSWORD, '203.0.113.99')).statusCode).toBe(200)
  })
})
