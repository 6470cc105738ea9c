/**
 * Import throughput and memory: long-format files of 100,000 and 1,000,000 rows through `importFile`,
 * each in a child process (bench/import-child.ts) that reads the file from disk, so that its peak
 * memory is the import's own. The reference, in the same run, is a COPY of the same 1M rows already
 * in resolved form (ids, dates, revision 1, batch, recorded_at, is_current) into a table with
 * `observation`'s columns, constraints and indexes: what any importer pays to put them there.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { openDatabase } from '../src/db/connect'
import { benchRows, prepareImportBench, REFERENCE_COPY_COLUMNS, resolvedRowsText } from './import-setup'
import { createBenchDatabase } from './postgres'
import type { BenchResult } from './types'

const SIZES = [100_000, 1_000_000] as const
const MEMORY_TARGET_MB = 300

function fileText(rows: number): string {
  const parts: string[] = ['org;indicator;period;breakdown;value\n']
  for (const r of benchRows(rows))
    parts.push(`${r.ags5};${r.indicator};${r.period};${r.breakdown};${r.value}\n`)
  return parts.join('')
}

interface ChildResult {
  seconds: number
  written: number
  peakBeforeMb: number
  peakMb: number
}

async function runChild<T>(args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/run-ts.mjs', 'bench/import-child.ts', ...args],
    {
      cwd: join(import.meta.dirname, '..'),
      maxBuffer: 1 << 20,
    },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T
}

const importInChild = (file: string, databaseUrl?: string) =>
  runChild<ChildResult>([file, ...(databaseUrl ? [databaseUrl] : [])])

/** COPY of the rows in resolved form into a table like `observation` (columns, constraints, indexes). */
async function referenceCopy(url: string, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const text = await resolvedRowsText(rows, (query) => client.query(query))
    await client.query('create table observation_reference (like observation including all)')
    const started = performance.now()
    await pipeline(
      Readable.from([text]),
      client.query(
        copyFrom(`COPY observation_reference (${REFERENCE_COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`),
      ) as unknown as Writable,
    )
    const seconds = (performance.now() - started) / 1000
    await client.query('drop table observation_reference')
    return seconds
  } finally {
    await client.end()
  }
}

const rowsText = (rows: number) => rows.toLocaleString('en-GB')

export async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'benchlearn-import-'))
  const results: BenchResult[] = []
  try {
    const files = new Map<number, string>()
    let millionMb = 0
    for (const rows of SIZES) {
      const file = join(dir, `bench-${rows}.csv`)
      const text = fileText(rows)
      writeFileSync(file, text)
      files.set(rows, file)
      millionMb = text.length / 1e6
    }
    const million = files.get(1_000_000)!

    const lite = await importInChild(million)
    results.push({
      name: `import ${rowsText(lite.written)} long rows (PGlite)`,
      value: lite.seconds,
      unit: 's',
      note: `${Math.round(lite.written / lite.seconds).toLocaleString('en-GB')} rows/s; peak memory of the importing process ${Math.round(lite.peakMb)} MB (PGlite runs in it)`,
    })
    const liteCopy = await runChild<{ seconds: number }>(['--reference', '1000000'])
    results.push({
      name: 'COPY of the same 1,000,000 rows, resolved, into a table like observation (PGlite)',
      value: liteCopy.seconds,
      unit: 's',
      note: `in memory, through the import's bulk-load path (blobs of a few MB), committed; import ÷ this COPY ${(lite.seconds / liteCopy.seconds).toFixed(2)}×`,
    })

    const targets = []
    for (const rows of SIZES) {
      const target = await createBenchDatabase(`import_${rows}`)
      if (!target) {
        results.push({
          name: 'import on PostgreSQL',
          value: 0,
          unit: 's',
          note: 'skipped: no PostgreSQL reachable (set DATABASE_URL)',
        })
        return results
      }
      targets.push(target)
      const database = await openDatabase({ databaseUrl: target.url })
      try {
        await prepareImportBench(database)
      } finally {
        await database.close()
      }
    }
    try {
      const copySeconds = await referenceCopy(targets[1]!.url, 1_000_000)
      results.push({
        name: 'COPY of the same 1,000,000 rows, resolved, into a table like observation (PostgreSQL)',
        value: copySeconds,
        unit: 's',
        note: 'create table … (like observation including all): its primary key and indexes',
      })
      const runs = new Map<number, ChildResult>()
      for (const [i, rows] of SIZES.entries())
        runs.set(rows, await importInChild(files.get(rows)!, targets[i]!.url))
      const small = runs.get(100_000)!
      const large = runs.get(1_000_000)!
      results.push({
        name: `import ${rowsText(large.written)} long rows (PostgreSQL)`,
        value: large.seconds,
        unit: 's',
        note: `${Math.round(large.written / large.seconds).toLocaleString('en-GB')} rows/s`,
      })
      const ratio = large.seconds / copySeconds
      results.push({
        name: 'import time ÷ COPY into an indexed table like observation (PostgreSQL)',
        value: ratio,
        unit: 'x',
        target: '≤ 2',
        isMet: ratio <= 2,
      })
      const liteRatio = lite.seconds / large.seconds
      results.push({
        name: 'import time PGlite ÷ PostgreSQL (1,000,000 rows)',
        value: liteRatio,
        unit: 'x',
        target: '≤ 3',
        isMet: liteRatio <= 3,
        note: `the floor of this ratio, PGlite's COPY of the resolved rows ÷ the import on PostgreSQL: ${(liteCopy.seconds / large.seconds).toFixed(2)}×`,
      })
      for (const [rows, run] of runs)
        results.push({
          name: `peak memory of a process importing ${rowsText(rows)} rows (PostgreSQL)`,
          value: Math.round(run.peakMb),
          unit: 'MB',
          target: `≤ ${MEMORY_TARGET_MB} MB`,
          isMet: run.peakMb <= MEMORY_TARGET_MB,
          note: `${Math.round(run.peakBeforeMb)} MB before the import (Node, modules, connection); ${run.seconds.toFixed(2)} s`,
        })
      results.push({
        name: 'peak memory growth from 100,000 to 1,000,000 rows (PostgreSQL)',
        value: Math.round(large.peakMb - small.peakMb),
        unit: 'MB',
        note: `the file is 10× larger: ${Math.round(millionMb)} MB, held as bytes and as decoded text`,
      })
    } finally {
      for (const target of targets) await target.drop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
