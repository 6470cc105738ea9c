/**
 * Start-page API latency under load: 50 signed-in clients on loopback, each fetching the start page's
 * API calls again and again (bounded rounds), on the demo network. Reports p50/p95 per call and overall.
 */
import { fork } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { openDatabase, type Database } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { latestCompleteMonth } from '../src/core/periods/period'
import { ensureReferenceData } from '../src/features/areas/ensure-reference-data'
import { DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { createDemoNetwork } from '../src/features/demo/create-demo-network'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { buildApp } from '../src/server/app'
import type { ClientsJob, ClientsResult, WarmStart } from './api-clients'
import { createBenchDatabase } from './postgres'
import { peakRssMb, type BenchResult } from './types'

const CLIENTS = Number(process.env.BENCH_API_CLIENTS ?? 50)
// 15 rounds of 7 calls: the same 5,250 warm requests as 5 rounds of 21 calls before the summaries
// were batched (a shorter run is too short for a stable 95th percentile).
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 15)
const MEMBER = 'lead.kca@demo.benchlearn.de'

/**
 * What the start page asks for when a member opens it (web/src/pages/start-page.tsx and
 * web/src/components/official-figures.tsx): the session, the catalogue, the summaries of the official
 * figures in the ring (one batched call), and the lists the page's panels read.
 */
export function startPageCalls(org: string): string[] {
  return [
    '/api/v1/session',
    '/api/v1/kpi/figures',
    `/api/v1/kpi/summaries?org=${org}&group=ring`,
    '/api/v1/indicators',
    '/api/v1/organisations',
    '/api/v1/rings',
    '/api/v1/imports',
  ]
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

/** Runs the clients in a child process (bench/api-clients.ts), so that they do not slow the server's event loop. */
function runClientsProcess(job: ClientsJob): Promise<ClientsResult & { serverWarmCpuMs: number }> {
  const child = fork(join(import.meta.dirname, '../bin/run-ts.mjs'), [
    join(import.meta.dirname, 'api-clients.ts'),
  ])
  let serverCpu: NodeJS.CpuUsage | undefined
  return new Promise((resolve, reject) => {
    child.on('message', (message: ClientsResult | WarmStart) => {
      if (message.kind === 'warm') serverCpu = process.cpuUsage()
      else {
        const used = process.cpuUsage(serverCpu)
        resolve({ ...message, serverWarmCpuMs: (used.user + used.system) / 1000 })
      }
    })
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)))
    child.send(job)
  })
}

async function measure(database: Database, label: string): Promise<BenchResult[]> {
  await migrateToLatest(database.db)
  await ensureReferenceData(database.db)
  await createDemoNetwork(database, { lastMonth: latestCompleteMonth(new Date()) })
  await computeKeyFigures(database)
  const app = await buildApp({ database })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
    const calls = startPageCalls('06435')
    const {
      cold: coldLatencies,
      warm,
      failures,
      warmSeconds: seconds,
      warmCpuMs,
      serverWarmCpuMs,
    } = await runClientsProcess({
      base,
      email: MEMBER,
      password: DEMO_PASSWORD,
      clients: CLIENTS,
      rounds: ROUNDS,
      calls,
    })
    const latencies = new Map(Object.entries(warm))
    if (failures.length > 0) throw new Error(`start-page calls failed: ${[...new Set(failures)].join(', ')}`)
    const all = [...latencies.values()].flat().sort((a, b) => a - b)
    const cold = coldLatencies.sort((a, b) => a - b)
    const results: BenchResult[] = [
      {
        name: `start page API, first (cold) round of ${CLIENTS} clients, p95 (${label})`,
        value: percentile(cold, 95),
        unit: 'ms',
        note: `p50 ${percentile(cold, 50).toFixed(0)} ms; caches empty`,
      },
      {
        name: `start page API, ${CLIENTS} clients × ${ROUNDS} warm rounds, p50 (${label})`,
        value: percentile(all, 50),
        unit: 'ms',
      },
      {
        name: `start page API p95 (${label})`,
        value: percentile(all, 95),
        unit: 'ms',
        target: '< 50 ms',
        isMet: percentile(all, 95) < 50,
        note:
          `${all.length} requests in ${seconds.toFixed(1)} s (${(all.length / seconds).toFixed(0)}/s); ` +
          `CPU per request: server ${((serverWarmCpuMs / all.length) * 1000).toFixed(0)} µs, ` +
          `clients ${((warmCpuMs / all.length) * 1000).toFixed(0)} µs`,
      },
    ]
    const byRoute = new Map<string, number[]>()
    for (const [call, values] of latencies) {
      const route = call.split('?')[0]!
      byRoute.set(route, [...(byRoute.get(route) ?? []), ...values])
    }
    for (const [route, values] of byRoute) {
      const sorted = values.sort((a, b) => a - b)
      results.push({
        name: `${route} p95 (${label})`,
        value: percentile(sorted, 95),
        unit: 'ms',
        note: `p50 ${percentile(sorted, 50).toFixed(1)} ms`,
      })
    }
    return results
  } finally {
    await app.close()
  }
}

/** Which databases to measure: BENCH_API_DATABASES=pglite,postgres (the default: both). */
const DATABASES = (process.env.BENCH_API_DATABASES ?? 'pglite,postgres').split(',')

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  if (DATABASES.includes('pglite')) {
    const lite = await openDatabase({})
    try {
      results.push(...(await measure(lite, 'PGlite')))
    } finally {
      await lite.close()
    }
  }
  const target = DATABASES.includes('postgres') ? await createBenchDatabase('api') : undefined
  if (target) {
    const database = await openDatabase({ databaseUrl: target.url })
    try {
      results.push(...(await measure(database, 'PostgreSQL')))
    } finally {
      await database.close()
      await target.drop()
    }
  }
  results.push({ name: 'peak memory of the API benchmark process', value: await peakRssMb(), unit: 'MB' })
  return results
}
