import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../db/connect'
import { DATABASE_UNAVAILABLE_ANSWER } from '../test/expected-answers'
import { seedReferenceData } from '../test/factories'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'

const t = useTestDatabase()
let up: FastifyInstance
let down: FastifyInstance
let unreachable: Database

/** A loopback port nobody listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  up = await buildApp({ database: t.database })
  unreachable = await openDatabase({
    databaseUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/benchlearn`,
  })
  down = await buildApp({ database: unreachable })
})
afterAll(async () => {
  await up?.close()
  await down?.close()
  await unreachable?.close()
})

describe('GET /api/health', () => {
  it('answers 200 while the database answers', async () => {
    const response = await up.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'ok', database: t.database.kind })
  })

  it('answers 503 "database unavailable" when the database cannot be reached', async () => {
    const response = await down.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual(DATABASE_UNAVAILABLE_ANSWER)
  })

  it('answers 503 also with a session cookie and on other routes, never 500', async () => {
    const cookie = { cookie: 'bl_session=some-token' }
    for (const url of ['/api/health', '/api/v1/indicators', '/api/v1/session']) {
      const response = await down.inject({ method: 'GET', url, headers: cookie })
      expect(response.statusCode, url).toBe(503)
      expect(response.json().error.code).toBe('unavailable')
    }
  })
})
