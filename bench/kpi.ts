/**
 * Key figures through the database: 400 organisations × 144 months × every raw series with its
 * breakdowns (~2.5M observations, bulk-loaded), then a full computation of all figures on PGlite
 * and on PostgreSQL, and an incremental recompute after importing one new month through the
 * importer, then another after the next month. Run alone with `node bin/run-ts.mjs bench/kpi.ts`.
 */
import { pathToFileURL } from 'node:url'
import { openDatabase, type Database } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { formatPeriod, monthFromIndex, monthIndex } from '../src/core/periods/period'
import { createRandom } from '../src/core/random'
import { ensureReferenceData } from '../src/features/areas/ensure-reference-data'
import { listKreise } from '../src/features/areas/kreis-register'
import { RAW_INDICATORS } from '../src/features/indicators/catalogue'
import { listIndicators } from '../src/features/indicators/indicator.repository'
import { importFile } from '../src/features/imports/import-file'
import { computeKeyFigures } from '../src/features/kpi/compute-key-figures'
import { insertOrganisation } from '../src/features/organisations/organisation.repository'
import { createBenchDatabase } from './postgres'
import { peakRssMb, type BenchResult } from './types'
import { OBSERVATION_COPY_COLUMNS } from '../src/features/observations/observation.repository'

const ORGANISATIONS = 400
const MONTHS = 144
const FIRST_MONTH = monthIndex(2012, 1)

/** Plausible magnitudes relative to the stock of employable beneficiaries. */
const SHARE: Record<string, number> = {
  elb: 1,
  elb_inflows: 0.035,
  elb_outflows: 0.037,
  integrations: 0.018,
  marginal_entries: 0.006,
  subsidised_entries: 0.002,
  continuous_after_integration: 0.011,
  ae_elb: 0.09,
  ae_integrations: 0.0013,
  lzb: 0.62,
  lzb_inflows: 0.012,
  lzb_outflows: 0.014,
  lzb_integrations: 0.008,
  lzb_active: 0.1,
}

function* observationLines(options: {
  orgIds: number[]
  indicatorIds: Map<string, number>
  batchId: number
  months: { from: number; to: number }
  recordedAt: string
}): Generator<string> {
  const random = createRandom(400)
  const series = RAW_INDICATORS.flatMap((i) => i.breakdowns.map((b) => [i.code, b] as const))
  const periods = Array.from({ length: options.months.to - options.months.from + 1 }, (_, k) =>
    formatPeriod(monthFromIndex(options.months.from + k)),
  )
  for (const orgId of options.orgIds) {
    const size = 2000 + 20000 * random()
    let chunk = ''
    for (const [code, breakdown] of series) {
      const id = options.indicatorIds.get(code)!
      const share = breakdown === 'total' ? 1 : 0.5
      const scale = code === 'llu' ? size * 450 : code === 'luh' ? size * 380 : size * share * SHARE[code]!
      for (const [k, period] of periods.entries()) {
        const trend = 1 + 0.0005 * (options.months.from + k - FIRST_MONTH)
        const value = Math.round(scale * trend * (0.95 + 0.1 * random()))
        chunk += `${orgId},${id},${period}-01,${breakdown},1,${value},,final,${options.batchId},${options.recordedAt},t\n`
      }
    }
    yield chunk
  }
}

export async function prepare(database: Database, districts: string[]): Promise<void> {
  await migrateToLatest(database.db)
  await ensureReferenceData(database.db)
  await database.transaction(async (tx) => {
    const orgIds: number[] = []
    for (const ags5 of districts)
      orgIds.push(
        await insertOrganisation(tx.db, {
          name: `Bench ${ags5}`,
          shortName: ags5,
          kind: 'jobcenter',
          areas: [{ ags5 }],
        }),
      )
    const now = new Date('2024-01-01T00:00:00Z')
    const batch = await tx.db
      .insertInto('import_batch')
      .values({
        file_name: 'kpi bench (generated)',
        checksum: 'kpi-bench',
        format: 'generated',
        mapping: null,
        source: 'synthetic benchmark data',
        created_by: 'bench',
        created_at: now,
        rows_read: 0,
        rows_imported: 0,
        rows_unchanged: 0,
        rows_rejected: 0,
        rows_skipped: 0,
        errors: '[]',
        notices: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const indicatorIds = new Map((await listIndicators(tx.db)).map((i) => [i.code, i.id]))
    await tx.copyCsv(
      'observation',
      OBSERVATION_COPY_COLUMNS,
      observationLines({
        orgIds,
        indicatorIds,
        batchId: batch.id,
        months: { from: FIRST_MONTH, to: FIRST_MONTH + MONTHS - 1 },
        recordedAt: now.toISOString(),
      }),
    )
  })
  await sqlAnalyze(database)
}

async function sqlAnalyze(database: Database): Promise<void> {
  const { sql } = await import('kysely')
  await sql`analyze observation`.execute(database.db)
}

/**
 * One new month for every organisation and series, as a long CSV through the importer: the month
 * after the generated history, or `later` months after that.
 */
export function newMonthFile(districts: string[], later = 0): Uint8Array {
  const random = createRandom(401 + later)
  const period = formatPeriod(monthFromIndex(FIRST_MONTH + MONTHS + later))
  const lines = ['org;indicator;period;breakdown;value']
  for (const ags of districts) {
    const size = 2000 + 20000 * random()
    for (const indicator of RAW_INDICATORS)
      for (const breakdown of indicator.breakdowns) {
        const share = breakdown === 'total' ? 1 : 0.5
        const scale =
          indicator.code === 'llu'
            ? size * 450
            : indicator.code === 'luh'
              ? size * 380
              : size * share * SHARE[indicator.code]!
        lines.push(
          `${ags};${indicator.code};${period};${breakdown};${Math.round(scale * (0.95 + 0.1 * random()))}`,
        )
      }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`)
}

/** Collects "phase 1.23 s" notes (the rest of a run is planning, finding changes and bookkeeping). */
function collect(into: string[]): (phase: string, seconds: number) => void {
  return (phase, seconds) => into.push(`${phase} ${seconds.toFixed(2)} s`)
}

async function measure(database: Database, label: string, districts: string[]): Promise<BenchResult[]> {
  await prepare(database, districts)
  const fullPhases: string[] = []
  const full = await computeKeyFigures(database, { isFull: true, onPhase: collect(fullPhases) })
  const isPostgres = label === 'PostgreSQL'
  const results: BenchResult[] = [
    {
      name: `compute all ${full.figures} figures, ${full.organisations} orgs × ${MONTHS} months × 3 breakdowns (${label})`,
      value: full.seconds,
      unit: 's',
      ...(isPostgres ? { target: '< 5 s', isMet: full.seconds < 5 } : {}),
      note: `${full.valuesWritten.toLocaleString('en-GB')} values written; ${fullPhases.join(', ')}`,
    },
  ]
  // The first month after a full run writes its months as new recent rows; every later month
  // merges into them (migration 0018), which is the common case of a network's year.
  for (const [later, what] of [
    [0, 'the first one-month import after a full run'],
    [1, 'the next one-month import (months merged into the recent rows)'],
  ] as const) {
    const imported = await importFile(database, {
      fileName: `month-${later}.csv`,
      bytes: newMonthFile(districts, later),
    })
    if (imported.errors.length > 0)
      throw new Error(`bench import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`)
    const phases: string[] = []
    const incremental = await computeKeyFigures(database, { onPhase: collect(phases) })
    if (incremental.kind !== 'incremental')
      throw new Error(`expected an incremental run, got ${incremental.kind}`)
    const share = incremental.seconds / full.seconds
    results.push({
      name: `incremental recompute after ${what} (${label})`,
      value: incremental.seconds,
      unit: 's',
      target: '< 10 % of full',
      isMet: share < 0.1,
      note: `${(share * 100).toFixed(1)} % of the full run; ${incremental.valuesWritten.toLocaleString('en-GB')} values for ${incremental.organisations} orgs; ${phases.join(', ')}`,
    })
  }
  return results
}

export async function bench(): Promise<BenchResult[]> {
  const districts = listKreise()
    .filter((k) => k.validTo === null)
    .map((k) => k.ags5)
    .slice(0, ORGANISATIONS)
  const results: BenchResult[] = []
  const lite = await openDatabase({})
  try {
    results.push(...(await measure(lite, 'PGlite', districts)))
  } finally {
    await lite.close()
  }
  const target = await createBenchDatabase('kpi')
  if (!target) {
    results.push({
      name: 'key figures on PostgreSQL',
      value: 0,
      unit: 's',
      note: 'skipped: no PostgreSQL reachable (set DATABASE_URL)',
    })
  } else {
    const database = await openDatabase({ databaseUrl: target.url })
    try {
      results.push(...(await measure(database, 'PostgreSQL', districts)))
    } finally {
      await database.close()
      await target.drop()
    }
  }
  results.push({
    name: 'peak memory of the kpi benchmark process',
    value: Math.round(await peakRssMb()),
    unit: 'MB',
  })
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await bench())
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.note ? ` — ${r.note}` : ''}`,
    )
}
