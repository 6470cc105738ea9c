import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../features/imports/import-file'
import { createJobcentre, seedReferenceData } from '../test/factories'
import type { SignedIn } from '../test/sign-in'
import { startApp } from '../test/start-app'
import { useTestDatabase } from '../test/use-test-database'

const t = useTestDatabase()
const TOKEN = 'metrics-token-0123456789abcdef'
let app: FastifyInstance
let admin: SignedIn
let member: SignedIn

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  const organisationId = await createJobcentre(t.database.db, { ags5: '06435' })
  ;({
    app,
    as: { admin, member },
  } = await startApp(t.database, {
    metricsToken: TOKEN,
    accounts: { admin: { role: 'admin' }, member: { role: 'member_lead', organisationId } },
  }))
})
afterAll(async () => app?.close())

/** One sample line of the text format: name, labels, value. */
const SAMPLE = /^([a-z_][a-z0-9_]*)(?:\{((?:[a-z_]+="(?:[^"\\]|\\.)*",?)*)\})? (-?[0-9.e+]+|NaN|\+Inf|-Inf)$/

function parseMetrics(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = []
  const types = new Map<string, string>()
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE ([a-z_]+) (gauge|histogram|counter)$/.exec(line)
    if (type) types.set(type[1]!, type[2]!)
    if (line.startsWith('#')) continue
    const match = SAMPLE.exec(line)
    expect(match, line).not.toBeNull()
    const labels = Object.fromEntries(
      [...(match![2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    )
    samples.push({ name: match![1]!, labels, value: Number(match![3]) })
  }
  return { samples, types }
}

describe('GET /api/metrics', () => {
  it('is refused to anonymous callers, members and a wrong token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401)
    expect((await member.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(403)
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: 'Bearer guess' },
    })
    expect(wrong.statusCode).toBe(401)
  })

  it('answers an administrator and the token in the Prometheus text format', async () => {
    await app.inject({ method: 'GET', url: '/api/health' })
    await app.inject({ method: 'GET', url: '/api/health' })
    await app.inject({ method: 'GET', url: '/api/no-such-thing/42' })
    const byToken = await app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect(byToken.statusCode).toBe(200)
    expect(byToken.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    const { samples, types } = parseMetrics(byToken.body)
    expect(types.get('benchlearn_http_request_duration_seconds')).toBe('histogram')
    expect(types.get('benchlearn_key_figures_pending_imports')).toBe('gauge')
    const healthCount = samples.find(
      (s) =>
        s.name === 'benchlearn_http_request_duration_seconds_count' &&
        s.labels.route === '/api/health' &&
        s.labels.status === '200',
    )
    expect(healthCount?.value).toBe(2)
    // Paths that match no route are counted under one name, never by their (unbounded) path.
    expect(samples.some((s) => s.labels.route === 'unmatched' && s.labels.status === '404')).toBe(true)
    expect(samples.some((s) => s.labels.route?.includes('no-such-thing'))).toBe(false)
    const infBucket = samples.find(
      (s) =>
        s.name === 'benchlearn_http_request_duration_seconds_bucket' &&
        s.labels.route === '/api/health' &&
        s.labels.le === '+Inf',
    )
    expect(infBucket?.value).toBe(2)
    expect(samples.find((s) => s.name === 'benchlearn_key_figures_pending_imports')?.value).toBe(0)
    expect(samples.find((s) => s.name === 'benchlearn_mail_outbox_backlog')?.value).toBe(0)
    expect(samples.find((s) => s.name === 'benchlearn_process_resident_memory_bytes')!.value).toBeGreaterThan(
      0,
    )
    expect((await admin.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(200)
  })
})

describe('GET /api/health', () => {
  it('reports its checks and a request id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const health = response.json()
    expect(health.status).toBe('ok')
    expect(health.checks.map((c: { name: string }) => c.name)).toEqual(['database', 'key_figures', 'mail'])
    expect(health.checks[2]).toEqual({
      name: 'mail',
      status: 'ok',
      detail: 'no mail server configured; 0 message(s) kept',
    })
    expect(health.checks[1]).toEqual({
      name: 'key_figures',
      status: 'ok',
      detail: 'no import waits for its key figures',
    })
    expect(health.workers).toEqual([])
  })

  it('is degraded when an import waits for its key figures longer than 15 minutes', async () => {
    // An import whose own computation never ran (importFile alone, as a killed process leaves it).
    const stuck = await importFile(t.database, {
      fileName: 'stuck.csv',
      bytes: new TextEncoder().encode('org;indicator;period;value\n06435;elb;2024-01;100\n'),
      now: new Date(Date.now() - 16 * 60_000),
    })
    expect(stuck.isCommitted).toBe(true)
    const health = (await app.inject({ method: 'GET', url: '/api/health' })).json()
    expect(health.status).toBe('degraded')
    expect(health.checks[1].detail).toMatch(
      /^1 import\(s\) wait for their key figures, the oldest for 9[6-9]\d s$/,
    )
  })
})
