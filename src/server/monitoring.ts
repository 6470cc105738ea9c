/**
 * What operators watch (docs/operations.md, "Monitoring"): the health checks of GET /api/health,
 * the metrics of GET /api/metrics (Prometheus text format) and the background workers of this
 * process. Features that run background work add their check or gauge to the lists below, one
 * entry each; the routes and the metrics endpoint read them.
 */
import { sql } from 'kysely'
import { formatGauge, Histogram } from '../core/metrics/prometheus'
import { readDataVersion } from '../db/data-version'
import { finishPendingKeyFigures } from '../features/kpi/finish-pending-key-figures'
import { warmFigureCaches } from '../features/kpi/warm-figure-caches'
import { findPendingWork } from '../features/kpi/kpi-value.repository'
import { countOutboxBacklog } from '../features/mail/outbox.repository'
import type { AppContext } from './context'

export interface CheckResult {
  /** `degraded`: the server answers, but something needs an operator's look (detail says what). */
  status: 'ok' | 'degraded'
  detail: string
}

export interface HealthCheck {
  name: string
  check(context: AppContext): Promise<CheckResult>
}

/** A number read when the metrics are scraped. */
export interface GaugeSource {
  name: string
  help: string
  read(context: AppContext): Promise<number>
}

/** Pending key figures older than this mean that no worker finished them: degraded. */
export const PENDING_WORK_ALERT_SECONDS = 15 * 60

/** How often a server looks for key figures that a killed import or another process left pending. */
export const PENDING_WORK_INTERVAL_MS = 60_000

const databaseCheck: HealthCheck = {
  name: 'database',
  async check(context) {
    const started = performance.now()
    await sql`select 1`.execute(context.database.db)
    const ms = Math.round(performance.now() - started)
    return { status: 'ok', detail: `${context.database.kind}, answered in ${ms} ms` }
  },
}

const keyFigureWorkCheck: HealthCheck = {
  name: 'key_figures',
  async check(context) {
    const work = await findPendingWork(context.database.db)
    if (work.batches === 0) return { status: 'ok', detail: 'no import waits for its key figures' }
    const waiting = (context.now().getTime() - work.oldestAt!.getTime()) / 1000
    const detail = `${work.batches} import(s) wait for their key figures, the oldest for ${Math.round(waiting)} s`
    return { status: waiting > PENDING_WORK_ALERT_SECONDS ? 'degraded' : 'ok', detail }
  },
}

/** Mail: kept in the outbox without a mail server; degraded while the last attempt failed. */
const mailCheck: HealthCheck = {
  name: 'mail',
  async check(context) {
    const backlog = await countOutboxBacklog(context.database.db)
    const worker = context.mail.worker?.status()
    if (!worker) return { status: 'ok', detail: `no mail server configured; ${backlog} message(s) kept` }
    const isFailing =
      worker.lastFailureAt !== null &&
      (worker.lastSuccessAt === null || worker.lastFailureAt > worker.lastSuccessAt)
    if (isFailing && backlog > 0) {
      return {
        status: 'degraded',
        detail: `${backlog} message(s) wait; last attempt failed at ${worker.lastFailureAt}`,
      }
    }
    return { status: 'ok', detail: `${backlog} message(s) wait to be sent` }
  },
}

/** Every check GET /api/health runs. */
export const healthChecks: HealthCheck[] = [databaseCheck, keyFigureWorkCheck, mailCheck]

/** Every gauge GET /api/metrics reads from the database. */
export const gaugeSources: GaugeSource[] = [
  {
    name: 'benchlearn_mail_outbox_backlog',
    help: 'Messages in the outbox waiting to be sent (pending or being sent).',
    read: async (context) => countOutboxBacklog(context.database.db),
  },
  {
    name: 'benchlearn_key_figures_pending_imports',
    help: 'Import batches whose key figures are not computed yet.',
    read: async (context) => (await findPendingWork(context.database.db)).batches,
  },
]

/** The metrics this process keeps in memory (bounded: route patterns and status codes only). */
export interface Metrics {
  requests: Histogram
  imports: Histogram
}

export function createMetrics(): Metrics {
  return {
    requests: new Histogram(
      'benchlearn_http_request_duration_seconds',
      'Time from request to answer, by route pattern, method and status.',
    ),
    imports: new Histogram(
      'benchlearn_import_duration_seconds',
      'Uploaded imports from reading the file to the computed key figures, by outcome.',
    ),
  }
}

/** The metrics endpoint's text: this process's histograms, its memory and the gauges. */
export async function renderMetrics(context: AppContext, metrics: Metrics): Promise<string> {
  const memory = process.memoryUsage()
  const gauges = await Promise.all(
    gaugeSources.map(async (g) => formatGauge(g.name, g.help, [{ value: await g.read(context) }])),
  )
  const lines = [
    ...formatGauge('benchlearn_build_info', 'Version of the running program.', [
      { labels: { version: context.version, database: context.database.kind }, value: 1 },
    ]),
    ...formatGauge('benchlearn_process_resident_memory_bytes', 'Resident memory of this process.', [
      { value: memory.rss },
    ]),
    ...formatGauge('benchlearn_process_heap_used_bytes', 'JavaScript heap in use by this process.', [
      { value: memory.heapUsed },
    ]),
    ...formatGauge('benchlearn_process_uptime_seconds', 'Seconds since this process started.', [
      { value: Math.round(process.uptime()) },
    ]),
    ...gauges.flat(),
    ...metrics.requests.format(),
    ...metrics.imports.format(),
  ]
  return `${lines.join('\n')}\n`
}

/** A background worker's state, as GET /api/health reports it. */
export interface WorkerStatus {
  name: string
  lastRunAt: Date | null
  lastError: string | null
}

/**
 * Finishes key figures left pending (a killed import, an import of another process whose own
 * computation failed) once a minute. Any number of servers may run it: the computation takes an
 * advisory lock, so one computes and the others then find nothing pending.
 */
export function startPendingKeyFiguresWorker(
  context: AppContext,
  onError: (error: unknown) => void,
): RunningWorker {
  return startWorker(context, onError, {
    name: 'key_figures',
    intervalMs: PENDING_WORK_INTERVAL_MS,
    run: () => finishPendingKeyFigures(context.database, { now: context.now }),
  })
}

/** How often a server looks whether the data changed since it last warmed the key-figure caches. */
export const FIGURE_WARMING_INTERVAL_MS = 2_000

/**
 * Warms the key-figure caches (features/kpi/warm-figure-caches.ts) at start and after every change
 * of the data version, so that the first page loads after an import or a restart find the rings'
 * statistics and the context fits ready. `status.lastRunAt` is set once a warming has finished.
 */
export function startFigureWarmingWorker(
  context: AppContext,
  onError: (error: unknown) => void,
): RunningWorker {
  let warmedFor: string | null = null
  return startWorker(context, onError, {
    name: 'figure_caches',
    intervalMs: FIGURE_WARMING_INTERVAL_MS,
    isRunningAtOnce: true,
    run: async () => {
      const version = await readDataVersion(context.database.db)
      if (version.data === warmedFor) return false
      await warmFigureCaches(context.database.db, { now: context.now() })
      // The version read before warming: a change meanwhile is warmed on the next turn.
      warmedFor = version.data
      return true
    },
  })
}

export interface RunningWorker {
  status: WorkerStatus
  stop(): void
}

/**
 * Runs `run` every `intervalMs` (never twice at once), recording in `status` when it last did
 * something (`run` returns false when there was nothing to do) and its last error.
 */
function startWorker(
  context: AppContext,
  onError: (error: unknown) => void,
  options: { name: string; intervalMs: number; isRunningAtOnce?: boolean; run: () => Promise<unknown> },
): RunningWorker {
  const status: WorkerStatus = { name: options.name, lastRunAt: null, lastError: null }
  let running = false
  const turn = async () => {
    if (running) return
    running = true
    try {
      const didWork = await options.run()
      status.lastError = null
      if (didWork !== false) status.lastRunAt = context.now()
    } catch (error) {
      status.lastError = error instanceof Error ? error.message : String(error)
      status.lastRunAt = context.now()
      onError(error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(turn, options.intervalMs).unref()
  if (options.isRunningAtOnce) setImmediate(turn)
  return { status, stop: () => clearInterval(timer) }
}
