/**
 * Start-page API latency under load: 50 signed-in clients on loopback, each loading the start page's
 * API calls (bench/start-page-calls.ts, checked against the page by a browser test) again and again
 * (bounded rounds), on the demo network. Reports p50/p95 per call and overall, for two load models.
 */
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { openDatabase, type Database } from '../src/db/connect'
import { readDataVersion } from '../src/db/data-version'
import { migrateToLatest } from '../src/db/migrate'
import { latestCompleteMonth } from '../src/core/periods/period'
import { ensureReferenceData } from '../src/features/areas/ensure-reference-data'
import { DEMO_PASSWORD } from '../src/features/demo/create-demo-accounts'
import { createDemoNetwork } from '../src/features/demo/create-demo-network'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { buildApp } from '../src/server/app'
import type { ClientEngine, ClientsJob, ClientsResult, RoundStart } from './api-clients'
import { createBenchDatabase } from './postgres'
import { peakRssMb, type BenchResult } from './types'

const CLIENTS = Number(process.env.BENCH_API_CLIENTS ?? 50)
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 15)
const MEMBER = 'lead.kca@demo.benchlearn.de'
/** `net` (raw sockets, the default) or `node-http` (Node's http client): see bench/api-clients.ts. */
const ENGINE: ClientEngine = process.env.BENCH_API_ENGINE === 'node-http' ? 'node-http' : 'net'
/** When set, CPU profiles of the server during the browser-like cold and warm rounds are written there. */
const CPU_PROFILE_DIR = process.env.BENCH_API_CPU_PROFILE

/**
 * Two load models. Browser-like (the target's): each client opens the page as a browser does, up to
 * six requests at once on its own keep-alive connections, so up to 300 requests are in flight. One
 * connection per client: 50 requests in flight, what `wrk -c 50` and similar tools call 50
 * concurrent clients.
 */
const MODELS = [
  { connections: 1, label: 'one connection a client' },
  { connections: 6, label: 'browser-like, 6 connections a client' },
] as const

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

type Measured = ClientsResult & { serverWarmCpuMs: number }

/** Where the server's CPU profiles of one run go: the first round's and the warm rounds'. */
interface ProfileFiles {
  cold: string
  warm: string
}

/**
 * Runs the clients in a child process (bench/api-clients.ts), so that they do not slow the server's
 * event loop; measures the server's CPU time during the warm rounds and, when asked, profiles the
 * server during the first round and during the warm rounds.
 */
function runClientsProcess(job: ClientsJob, profiles?: ProfileFiles): Promise<Measured> {
  const child = fork(join(import.meta.dirname, '../bin/run-ts.mjs'), [
    join(import.meta.dirname, 'api-clients.ts'),
  ])
  let serverCpu: NodeJS.CpuUsage | undefined
  const profiler = profiles ? new Session() : undefined
  if (profiler) profiler.connect()
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      profiler!.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    )
  const startProfile = async () => {
    if (!profiler) return
    await post('Profiler.enable')
    await post('Profiler.start')
  }
  const stopProfile = async (file: string | undefined) => {
    if (!profiler || !file) return
    const result = (await post('Profiler.stop')) as { profile: unknown }
    writeFileSync(file, JSON.stringify(result.profile))
  }
  return new Promise((resolve, reject) => {
    const steps = async (message: ClientsResult | RoundStart) => {
      if (message.kind === 'cold') {
        await startProfile()
        child.send('go')
      } else if (message.kind === 'warm') {
        await stopProfile(profiles?.cold)
        await startProfile()
        serverCpu = process.cpuUsage()
      } else {
        const used = process.cpuUsage(serverCpu)
        await stopProfile(profiles?.warm)
        profiler?.disconnect()
        resolve({ ...message, serverWarmCpuMs: (used.user + used.system) / 1000 })
      }
    }
    // One message at a time, in order: each may wait for the profiler.
    let queue = Promise.resolve()
    child.on('message', (message: ClientsResult | RoundStart) => {
      queue = queue.then(() => steps(message)).catch(reject)
    })
    child.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)))
    child.send(job)
  })
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`

function describeRun(run: Measured, requests: number): string {
  const perPage = [...new Set(run.callsPerPage)].join('/')
  const answered = [...new Set(run.answeredCalls)].join('/')
  return (
    `${requests} requests in ${run.warmSeconds.toFixed(1)} s (${(requests / run.warmSeconds).toFixed(0)}/s); ` +
    `${perPage} request a page (the first load, answering ${answered} calls), ` +
    `${run.returningClients} of ${run.callsPerPage.length} clients returning; ` +
    `CPU per request: server ${((run.serverWarmCpuMs / requests) * 1000).toFixed(0)} µs, ` +
    `clients ${((run.warmCpuMs / requests) * 1000).toFixed(0)} µs (${ENGINE} client)`
  )
}

/** When the server last finished warming its key-figure caches (GET /api/health), or null. */
async function warmedAt(base: string): Promise<string | null> {
  const health = (await (await fetch(`${base}/api/health`)).json()) as {
    workers: { name: string; lastRunAt: string | null; isFailing: boolean }[]
  }
  const worker = health.workers.find((w) => w.name === 'figure_caches')
  if (!worker) throw new Error('the server runs no figure_caches worker')
  if (worker.isFailing) throw new Error('warming the key-figure caches failed')
  return worker.lastRunAt
}

/** Seconds from `started` until the server has warmed its key-figure caches after `previous`. */
async function waitForWarming(
  base: string,
  started: number,
  previous: string | null = null,
): Promise<number> {
  for (;;) {
    const last = await warmedAt(base)
    if (last !== null && last !== previous) return (performance.now() - started) / 1000
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function measure(database: Database, label: string): Promise<BenchResult[]> {
  await migrateToLatest(database.db)
  await ensureReferenceData(database.db)
  await createDemoNetwork(database, { lastMonth: latestCompleteMonth(new Date()) })
  await computeKeyFigures(database)
  if ((await readDataVersion(database.db)).latestComputedMonth === null)
    throw new Error('no key figures computed')
  const started = performance.now()
  // As `benchlearn start` runs it: with the background workers, among them the warming of the
  // key-figure caches at start and after every data change (server/monitoring.ts).
  const app = await buildApp({ database, isRunningWorkers: true })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
    const warming = await waitForWarming(base, started)
    // The member was here before: every client's page also asks what was known at the last visit
    // (a first visit asks the same but that; test-browser/start-page-calls.browser.test.ts checks both).
    const previousVisit = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: MEMBER, password: DEMO_PASSWORD }),
    })
    if (previousVisit.status !== 200) throw new Error(`sign-in failed: ${previousVisit.status}`)
    const results: BenchResult[] = [
      {
        name: `key-figure caches warmed after start (${label})`,
        value: warming,
        unit: 's',
        note: "the server's warming worker: every ring's statistics and the context fits of the latest month; the first round below starts after it",
      },
    ]
    for (const model of MODELS) {
      const isBrowserLike = model.connections === 6
      if (isBrowserLike) {
        // The cold round is the first after a data change (what the first members meet after a
        // monthly import): every remembered answer, session and figure cache is then out of date,
        // and the warming worker warms the figure caches again.
        const previous = await warmedAt(base)
        const changed = performance.now()
        await database.db
          .updateTable('ring')
          .set((eb) => ({ name: eb.ref('name') }))
          .where('id', '=', (eb) => eb.selectFrom('ring').select((f) => f.fn.min('id').as('id')))
          .execute()
        results.push({
          name: `key-figure caches warmed again after a data change (${label})`,
          value: await waitForWarming(base, changed, previous),
          unit: 's',
          note: 'a write that changes the data version (as an import or a ring change does); the cold round starts after it',
        })
      }
      const run = await runClientsProcess(
        {
          base,
          email: MEMBER,
          password: DEMO_PASSWORD,
          clients: CLIENTS,
          rounds: ROUNDS,
          connections: model.connections,
          // The browser-like model's first round meets the caches the data change emptied; the
          // other model's first round is a warm-up.
          isFirstRoundCold: isBrowserLike,
          engine: ENGINE,
        },
        CPU_PROFILE_DIR && isBrowserLike
          ? {
              cold: join(CPU_PROFILE_DIR, `api-server-cold-${label.toLowerCase()}.cpuprofile`),
              warm: join(CPU_PROFILE_DIR, `api-server-${label.toLowerCase()}.cpuprofile`),
            }
          : undefined,
      )
      if (run.failures.length > 0)
        throw new Error(`start-page calls failed: ${[...new Set(run.failures)].join(', ')}`)
      const latencies = new Map(Object.entries(run.warm))
      const all = [...latencies.values()].flat().sort((a, b) => a - b)
      if (!isBrowserLike) {
        results.push({
          name: `start page API p95, ${model.label} (${CLIENTS} requests in flight) (${label})`,
          value: percentile(all, 95),
          unit: 'ms',
          note: `p50 ${ms(percentile(all, 50))}; ${describeRun(run, all.length)}`,
        })
        continue
      }
      const cold = run.cold.sort((a, b) => a - b)
      results.push(
        {
          name: `start page API, cold round (after a data change) of ${CLIENTS} clients, p95 (${label})`,
          value: percentile(cold, 95),
          unit: 'ms',
          target: '≤ 300 ms',
          isMet: percentile(cold, 95) <= 300,
          note: `p50 ${ms(percentile(cold, 50))}; the first round after a data change: answers and sessions not yet remembered, figure caches warmed again; ${model.label}`,
        },
        {
          name: `start page API, ${CLIENTS} clients × ${ROUNDS} warm rounds, p50 (${label})`,
          value: percentile(all, 50),
          unit: 'ms',
          note: model.label,
        },
        {
          name: `start page API p95 (${label})`,
          value: percentile(all, 95),
          unit: 'ms',
          target: '< 50 ms',
          isMet: percentile(all, 95) < 50,
          note: `${model.label}; ${describeRun(run, all.length)}`,
        },
      )
      for (const [call, values] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
        const sorted = values.sort((a, b) => a - b)
        results.push({
          name: `${call} p95 (${label})`,
          value: percentile(sorted, 95),
          unit: 'ms',
          note: `p50 ${ms(percentile(sorted, 50))}`,
        })
      }
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
