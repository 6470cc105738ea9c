/**
 * Computes every key figure for every organisation, month and breakdown and stores value,
 * numerator, denominator and the reason for every missing value. Series are read set-based from
 * the database (one array per series), evaluated by the core's compiled evaluator and written back
 * by COPY. A later run recomputes only the organisations and months that the import batches still
 * marked pending touched (a changed month m changes the figures of months m … m + (longest
 * window − 1)) and clears their marks in the same transaction, so a crash loses no work.
 */
import { createHash } from 'node:crypto'
import {
  checkFigureDefinitions,
  evaluateFigures,
  listFigureBreakdowns,
  type FigureDefinition,
  type OrganisationSeries,
} from '../../core/kpi'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import type { ComputeSummaryDto } from '../../contracts/kpi'
import type { Database, TransactionContext } from '../../db/connect'
import { listFigureDefinitions, listMonthlyIndicatorCodes } from './kpi-definition.repository'
import {
  deleteAllValues,
  findBaseLastMonth,
  findBatch,
  findLatestRun,
  findWatermark,
  finishRun,
  foldRecentValues,
  insertRun,
  listOrganisationsWithValues,
  listOrganisationsWithoutFigures,
  listPendingBatchIds,
  listStoredBreakdowns,
  lockComputation,
  markBatchesComputed,
  summariseNewObservations,
  writeFigureResults,
} from './kpi-value.repository'
import { allowLargeAggregation, loadMonthlySeries } from './load-series'
import { keepPendingInputs, keepSeriesInputs, loadSeriesFromInputs, readPendingValues } from './series-inputs'

export interface ComputeKeyFiguresOptions {
  /** Recompute everything even if an earlier run could be continued. */
  isFull?: boolean
  now?: () => Date
  /** Called with the seconds each phase took (the benchmark reports them). */
  onPhase?: (phase: ComputePhase, seconds: number) => void
}

export type ComputePhase = 'load' | 'evaluate' | 'write' | 'keep'

/** Runs `step` and reports its duration to `onPhase`. */
async function timed<T>(
  phase: ComputePhase,
  onPhase: ComputeKeyFiguresOptions['onPhase'],
  step: () => T | Promise<T>,
): Promise<T> {
  const started = performance.now()
  const result = await step()
  onPhase?.(phase, (performance.now() - started) / 1000)
  return result
}

interface Plan {
  definitions: FigureDefinition[]
  indicatorCodes: string[]
  definitionsHash: string
  /** Months of history the most demanding figure needs (e.g. 13 for K1E4). */
  reach: number
}

async function preparePlan(tx: TransactionContext): Promise<Plan> {
  const definitions = await listFigureDefinitions(tx.db)
  const indicatorCodes = await listMonthlyIndicatorCodes(tx.db)
  const checked = checkFigureDefinitions({ definitions, vocabulary: { indicatorCodes } })
  const reach = Math.max(1, ...checked.map((c) => c.requiredHistory))
  const hash = createHash('sha256')
  for (const d of definitions)
    hash.update(
      JSON.stringify([
        d.code,
        d.version,
        d.validFrom,
        d.numerator,
        d.denominator,
        d.transform,
        d.hasSexBreakdown,
      ]),
    )
  hash.update(JSON.stringify([...indicatorCodes].sort()))
  return { definitions, indicatorCodes, definitionsHash: hash.digest('hex').slice(0, 32), reach }
}

/**
 * Recent rows (migration 0018) are folded into kpi_series once they span more than this many
 * months: appending to them stays cheap, and the fold (a rewrite of every series row) comes every
 * two years of monthly imports instead of every month.
 */
const RECENT_MONTHS = 24

const month = (index: number | undefined) =>
  index === undefined ? null : formatPeriod(monthFromIndex(index))

/** Full or incremental computation in one transaction; see the file comment. */
export async function computeKeyFigures(
  database: Database,
  options: ComputeKeyFiguresOptions = {},
): Promise<ComputeSummaryDto> {
  const now = options.now ?? (() => new Date())
  const started = performance.now()
  const startedAt = now()
  return database.transaction(async (tx) => {
    await lockComputation(tx.db)
    await allowLargeAggregation(tx.db)
    await summariseNewObservations(tx.db)
    const plan = await preparePlan(tx)
    // Read before the values: a batch committed after this read stays pending for the next run.
    const pending = await listPendingBatchIds(tx.db)
    const watermark = await findWatermark(tx.db)
    const previous = await findLatestRun(tx.db)
    const figures = new Set(plan.definitions.map((d) => d.code)).size
    const seconds = () => Number(((performance.now() - started) / 1000).toFixed(3))

    let fullReason: string | undefined
    if (options.isFull) fullReason = 'requested'
    else if (!previous) fullReason = 'first computation'
    else if (previous.definitionsHash !== plan.definitionsHash) fullReason = 'figure definitions changed'
    else if (previous.watermarkBatchId !== null) {
      const batch = await findBatch(tx.db, previous.watermarkBatchId)
      if (!batch || batch.createdAt.getTime() !== previous.watermarkBatchCreatedAt?.getTime())
        fullReason = 'the data were replaced since the last computation'
    }
    if (!fullReason && previous && pending.length === 0) {
      return {
        kind: 'up_to_date' as const,
        reason: `no import since computation ${previous.id}`,
        runId: previous.id,
        organisations: 0,
        figures,
        valuesWritten: 0,
        firstMonth: month(previous.firstMonth ?? undefined),
        lastMonth: month(previous.lastMonth ?? undefined),
        seconds: seconds(),
      }
    }

    const full = (reason: string) =>
      computeFull(tx, { plan, pending, watermark, startedAt, now, reason, seconds, onPhase: options.onPhase })
    if (fullReason || !previous) return full(fullReason ?? 'first computation')

    // Incremental: what did the pending batches touch?
    const { changed, lines } = await readPendingValues(tx.db, pending)
    let firstMonth = previous.firstMonth ?? Infinity
    let lastMonth = previous.lastMonth ?? -Infinity
    for (const months of changed.values()) {
      firstMonth = Math.min(firstMonth, months.from)
      lastMonth = Math.max(lastMonth, months.to)
    }
    if (previous.firstMonth === null || firstMonth < previous.firstMonth) {
      // Earlier months than ever before shift every series' start: simplest and safe to redo all.
      return full('values for months before the first computed month arrived')
    }
    // An organisation's first values: a full computation gives it figures from the first computed
    // month on ("not delivered" before its values), which its new months alone would not.
    const newcomers = await listOrganisationsWithoutFigures(tx.db, [...changed.keys()])
    if (newcomers.length > 0) return full(`first values of organisation(s) ${newcomers.join(', ')}`)
    const ranges = new Map<number, { from: number; to: number }>()
    const widen = (orgId: number, from: number, to: number) => {
      const r = ranges.get(orgId)
      ranges.set(orgId, r ? { from: Math.min(r.from, from), to: Math.max(r.to, to) } : { from, to })
    }
    for (const [orgId, months] of changed)
      widen(orgId, months.from, Math.min(lastMonth, months.to + plan.reach - 1))
    // New months at the end exist for every organisation, delivered or not (then "not delivered").
    if (previous.lastMonth !== null && lastMonth > previous.lastMonth) {
      for (const orgId of await listOrganisationsWithValues(tx.db, previous.lastMonth))
        widen(orgId, previous.lastMonth + 1, lastMonth)
    }
    // Months after the boundary are written into the short recent rows; see migration 0018.
    let boundary = previous.baseLastMonth ?? (await findBaseLastMonth(tx.db)) ?? previous.lastMonth!
    if (lastMonth - boundary > RECENT_MONTHS) boundary = await foldRecentValues(tx.db, boundary)
    // The kept raw values (migration 0020) stay usable only if they were before: each run replaces
    // those of the organisations it loads, the others' are still current.
    const inputFrom = previous.inputFromMonth === null ? undefined : inputStart(plan, lastMonth)
    const runId = await insertRun(tx.db, {
      kind: 'incremental',
      startedAt,
      watermark,
      firstMonth,
      lastMonth,
      definitionsHash: plan.definitionsHash,
      baseLastMonth: boundary,
      inputFromMonth: inputFrom,
    })
    let written = 0
    if (ranges.size > 0) {
      // From the first month the written months need, or the first kept for the next run if earlier.
      const loadFrom = Math.max(
        firstMonth,
        Math.min(
          ...[...ranges.values()].map((r) => r.from - plan.reach + 1),
          ...(inputFrom === undefined ? [] : [inputFrom]),
        ),
      )
      const organisationIds = [...ranges.keys()]
      const span = { organisationIds, fromMonth: loadFrom, toMonth: lastMonth }
      // A revision of a month before the kept ones needs the older values: then observation is read.
      const isKept = previous.inputFromMonth !== null && loadFrom >= previous.inputFromMonth
      const fromInputs = isKept
        ? await timed('load', options.onPhase, () => loadSeriesFromInputs(tx.db, { ...span, pending: lines }))
        : undefined
      const loaded =
        fromInputs ?? (await timed('load', options.onPhase, () => loadMonthlySeries(tx.db, span)))
      // Read from the kept rows: the pending values are appended to them; else they are rewritten.
      if (inputFrom !== undefined)
        await timed('keep', options.onPhase, () =>
          fromInputs
            ? keepPendingInputs(tx, {
                loaded,
                fromMonth: inputFrom,
                keptParts: fromInputs.keptParts,
                pending: lines,
              })
            : keepSeriesInputs(tx, { loaded, fromMonth: inputFrom, organisationIds }),
        )
      await addSilentSeries(tx, { plan, series: loaded.series, organisationIds: [...ranges.keys()] })
      written = await evaluateAndWrite(tx, {
        plan,
        series: loaded.series,
        startMonth: loadFrom,
        months: lastMonth - loadFrom + 1,
        runId,
        ranges,
        boundary,
        onPhase: options.onPhase,
      })
    }
    await finishRun(tx.db, {
      id: runId,
      finishedAt: now(),
      organisations: ranges.size,
      valuesWritten: written,
    })
    await markBatchesComputed(tx.db, pending)
    return {
      kind: 'incremental' as const,
      reason: `${changed.size} organisation(s) with new or revised values since computation ${previous.id}`,
      runId,
      organisations: ranges.size,
      figures,
      valuesWritten: written,
      firstMonth: month(firstMonth),
      lastMonth: month(lastMonth),
      seconds: seconds(),
    }
  })
}

/**
 * An organisation that delivered nothing in the loaded months (or nothing of one breakdown) still
 * has figures in a full computation, which loads all its history: "not delivered" in every month.
 * Empty series for the breakdowns it has stored figures of give the incremental run the same. Only
 * organisations missing a breakdown are looked up, so a regular month asks nothing.
 */
async function addSilentSeries(
  tx: TransactionContext,
  options: { plan: Plan; series: Map<number, OrganisationSeries>; organisationIds: readonly number[] },
): Promise<void> {
  const breakdowns = new Set(options.plan.definitions.flatMap((d) => listFigureBreakdowns(d)))
  const lacking = options.organisationIds.filter((id) => {
    const own = options.series.get(id)
    return !own || [...breakdowns].some((b) => !own.has(b))
  })
  for (const [orgId, stored] of await listStoredBreakdowns(tx.db, lacking)) {
    const own = new Map(options.series.get(orgId))
    for (const b of stored) if (!own.has(b)) own.set(b, new Map())
    options.series.set(orgId, own)
  }
}

/**
 * Months before the next one whose revisions a later run still computes from the kept raw values;
 * an older revision reads observation.
 */
const REVISABLE_MONTHS = 3

/**
 * The first month of raw values a run keeps for the next (migration 0020): a month changed after it
 * needs `reach` − 1 months of history before it.
 */
function inputStart(plan: Plan, lastMonth: number): number {
  return lastMonth + 1 - REVISABLE_MONTHS - plan.reach + 1
}

async function computeFull(
  tx: TransactionContext,
  options: {
    plan: Plan
    /** The batches marked pending when the run started: all of them are in the values it loads. */
    pending: readonly number[]
    watermark: { id: number; createdAt: Date } | undefined
    startedAt: Date
    now: () => Date
    reason: string
    seconds: () => number
    onPhase: ComputeKeyFiguresOptions['onPhase']
  },
): Promise<ComputeSummaryDto> {
  const { plan } = options
  const loaded = await timed('load', options.onPhase, () => loadMonthlySeries(tx.db))
  const lastMonth = loaded.startMonth === undefined ? undefined : loaded.startMonth + loaded.months - 1
  const inputFrom = lastMonth === undefined ? undefined : inputStart(plan, lastMonth)
  await timed('keep', options.onPhase, () => keepSeriesInputs(tx, { loaded, fromMonth: inputFrom ?? 0 }))
  const runId = await insertRun(tx.db, {
    kind: 'full',
    startedAt: options.startedAt,
    watermark: options.watermark,
    firstMonth: loaded.startMonth,
    lastMonth,
    definitionsHash: plan.definitionsHash,
    // Everything goes into kpi_series; later incremental runs write the months after it apart.
    baseLastMonth: lastMonth,
    inputFromMonth: inputFrom,
  })
  await deleteAllValues(tx.db)
  let written = 0
  if (loaded.startMonth !== undefined) {
    written = await evaluateAndWrite(tx, {
      plan,
      series: loaded.series,
      startMonth: loaded.startMonth,
      months: loaded.months,
      runId,
      ranges: { from: loaded.startMonth, to: lastMonth! },
      onPhase: options.onPhase,
    })
  }
  await finishRun(tx.db, {
    id: runId,
    finishedAt: options.now(),
    organisations: loaded.series.size,
    valuesWritten: written,
  })
  await markBatchesComputed(tx.db, options.pending)
  return {
    kind: 'full',
    reason: options.reason,
    runId,
    organisations: loaded.series.size,
    figures: new Set(plan.definitions.map((d) => d.code)).size,
    valuesWritten: written,
    firstMonth: month(loaded.startMonth),
    lastMonth: month(lastMonth),
    seconds: options.seconds(),
  }
}

async function evaluateAndWrite(
  tx: TransactionContext,
  options: {
    plan: Plan
    series: Map<number, OrganisationSeries>
    startMonth: number
    months: number
    runId: number
    ranges: ReadonlyMap<number, { from: number; to: number }> | { from: number; to: number }
    boundary?: number
    onPhase: ComputeKeyFiguresOptions['onPhase']
  },
): Promise<number> {
  const { plan, ranges } = options
  // Months before every range are only the history the written months need.
  const firstWritten =
    ranges instanceof Map
      ? Math.min(...[...ranges.values()].map((r) => r.from))
      : (ranges as { from: number }).from
  const historyMonths = Math.min(options.months, Math.max(0, firstWritten - options.startMonth))
  const results = await timed('evaluate', options.onPhase, () =>
    evaluateFigures({
      definitions: plan.definitions,
      indicatorCodes: plan.indicatorCodes,
      startMonth: formatPeriod(monthFromIndex(options.startMonth)),
      months: options.months,
      series: new Map([...options.series].map(([id, s]) => [String(id), s])),
      historyMonths,
    }),
  )
  return timed('write', options.onPhase, () =>
    writeFigureResults(tx, {
      results,
      // The results leave the history months out.
      startMonth: options.startMonth + historyMonths,
      runId: options.runId,
      ranges: options.ranges,
      boundary: options.boundary,
    }),
  )
}
