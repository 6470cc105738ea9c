/**
 * Import throughput: 1M long-format rows through `importFile` on PGlite and on PostgreSQL, next to a
 * plain COPY of the same file into an unindexed PostgreSQL table (the floor any importer pays).
 */
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { openDatabase, type Database } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { ensureReferenceData } from '../src/features/areas/ensure-reference-data'
import { listKreise } from '../src/features/areas/kreis-register'
import { RAW_INDICATORS } from '../src/features/indicators/catalogue'
import { importFile } from '../src/features/imports/import-file'
import { insertOrganisation } from '../src/features/organisations/organisation.repository'
import { formatPeriod, monthFromIndex, monthIndex } from '../src/core/periods/period'
import { createBenchDatabase } from './postgres'
import { peakRssMb, type BenchResult } from './types'

const TARGET_ROWS = 1_000_000

/** 400 districts × 44 series (raw indicators × their breakdowns) × enough months for 1M rows. */
function buildFile(districts: string[]): { text: string; rows: number } {
  const series = RAW_INDICATORS.flatMap((i) => i.breakdowns.map((b) => [i.code, b] as const))
  const months = Math.ceil(TARGET_ROWS / (districts.length * series.length))
  const start = monthIndex(2015, 1)
  const parts: string[] = ['org;indicator;period;breakdown;value\n']
  let rows = 0
  for (const ags of districts) {
    for (const [code, breakdown] of series) {
      for (let m = 0; m < months && rows < TARGET_ROWS; m++) {
        parts.push(
          `${ags};${code};${formatPeriod(monthFromIndex(start + m))};${breakdown};${(1000 + ((rows * 7919) % 50000)) / 4}\n`,
        )
        rows++
      }
    }
  }
  return { text: parts.join(''), rows }
}

async function prepare(database: Database, districts: string[]) {
  await migrateToLatest(database.db)
  await ensureReferenceData(database.db)
  await database.transaction(async (tx) => {
    for (const ags5 of districts) {
      await insertOrganisation(tx.db, {
        name: `Bench ${ags5}`,
        shortName: ags5,
        kind: 'jobcenter',
        areas: [{ ags5 }],
      })
    }
  })
}

async function timeImport(database: Database, bytes: Uint8Array): Promise<number> {
  const started = performance.now()
  const summary = await importFile(database, { fileName: 'bench-1m.csv', bytes })
  const seconds = (performance.now() - started) / 1000
  if (summary.rowsImported !== TARGET_ROWS)
    throw new Error(
      `bench import wrote ${summary.rowsImported} rows: ${JSON.stringify(summary.errors.slice(0, 3))}`,
    )
  return seconds
}

export async function bench(): Promise<BenchResult[]> {
  const districts = listKreise()
    .filter((k) => k.validTo === null)
    .map((k) => k.ags5)
  const { text, rows } = buildFile(districts)
  const bytes = new TextEncoder().encode(text)
  const results: BenchResult[] = []

  const lite = await openDatabase({})
  try {
    await prepare(lite, districts)
    const seconds = await timeImport(lite, bytes)
    results.push({
      name: `import ${rows.toLocaleString('en-GB')} long rows (PGlite)`,
      value: seconds,
      unit: 's',
      note: `${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s`,
    })
  } finally {
    await lite.close()
  }

  const target = await createBenchDatabase('import')
  if (!target) {
    results.push({
      name: 'import on PostgreSQL',
      value: 0,
      unit: 's',
      note: 'skipped: no PostgreSQL reachable (set DATABASE_URL)',
    })
    return results
  }
  try {
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    await client.query(
      'create table plain_copy (org text, indicator text, period text, breakdown text, value double precision)',
    )
    const copyStarted = performance.now()
    await pipeline(
      Readable.from([text]),
      client.query(
        copyFrom("COPY plain_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)"),
      ) as unknown as Writable,
    )
    const copySeconds = (performance.now() - copyStarted) / 1000
    await client.end()

    const database = await openDatabase({ databaseUrl: target.url })
    try {
      await prepare(database, districts)
      const seconds = await timeImport(database, bytes)
      const ratio = seconds / copySeconds
      results.push({ name: 'plain COPY of the same file (PostgreSQL)', value: copySeconds, unit: 's' })
      results.push({
        name: `import ${rows.toLocaleString('en-GB')} long rows (PostgreSQL)`,
        value: seconds,
        unit: 's',
        note: `${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s`,
      })
      results.push({
        name: 'import time ÷ plain COPY (PostgreSQL)',
        value: ratio,
        unit: 'x',
        target: '≤ 2',
        isMet: ratio <= 2,
      })
    } finally {
      await database.close()
    }
  } finally {
    await target.drop()
  }
  results.push({ name: 'peak memory of the import benchmark process', value: await peakRssMb(), unit: 'MB' })
  return results
}
