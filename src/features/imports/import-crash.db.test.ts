/**
 * Figures match their data after any crash. The CLI imports a file in a child process on a
 * file-backed database (a PGlite folder, or a PostgreSQL database when DATABASE_URL is set) and is
 * killed with SIGKILL at moments drawn from a fixed seed; after each kill the database is opened
 * again the way every shell starts, and the values must be those of one whole file and the stored
 * key figures equal to a fresh full computation. A second case leaves the crash state on purpose (an
 * import committed, its figures not computed) and imports the same file again.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createRandom } from '../../core/random'
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../db/connect'
import { createTestDatabaseLocation } from '../../test/database'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { computeKeyFigures } from '../kpi/compute-key-figures'
import { prepareDatabase } from '../setup/prepare-database'
import { importFile } from './import-file'
import { runImport } from './run-import'

const BIN = join(import.meta.dirname, '../../../bin/benchlearn.mjs')
const AGS = ['06435', '06431', '06432', '06433', '06434', '06436']
const MONTHS = Array.from(
  { length: 36 },
  (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
)
const KILLS = 4
const SEED = 20261202

/** The monthly raw indicators with a total breakdown: what the official figures are made of. */
async function monthlyIndicators(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('indicator')
    .select(['code', 'breakdowns'])
    .where('frequency', '=', 'monthly')
    .where('kind', '=', 'raw')
    .orderBy('code')
    .execute()
  return rows.filter((r) => r.breakdowns.includes('total')).map((r) => r.code)
}

/** Every value of round `round` differs from the round before, so each import revises all of them. */
function valueOf(round: number, org: number, indicator: number, month: number): number {
  return 200 + 37 * org + 11 * indicator + 3 * month + round
}

function roundCsv(round: number, indicators: string[]): string {
  const lines = ['ags;indicator;period;breakdown;value']
  for (const [o, ags] of AGS.entries())
    for (const [i, code] of indicators.entries())
      for (const [m, month] of MONTHS.entries())
        lines.push(`${ags};${code};${month};total;${valueOf(round, o, i, m)}`)
  return `${lines.join('\n')}\n`
}

/** Which round's file each current value belongs to (its value minus that of round 0). */
async function roundsInDatabase(database: Database, indicators: string[]): Promise<Set<number>> {
  const rows = await database.db
    .selectFrom('observation as o')
    .innerJoin('organisation_area as a', 'a.organisation_id', 'o.organisation_id')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .select(['a.ags5', 'i.code', 'o.period', 'o.value'])
    .where('o.is_current', '=', true)
    .execute()
  expect(rows).toHaveLength(AGS.length * indicators.length * MONTHS.length)
  return new Set(
    rows.map(
      (r) =>
        r.value! -
        valueOf(0, AGS.indexOf(r.ags5), indicators.indexOf(r.code), MONTHS.indexOf(r.period.slice(0, 7))),
    ),
  )
}

/** Every stored key-figure value, in a fixed order, without the id of the run that wrote it. */
async function storedFigures(database: Database): Promise<string> {
  const rows = await sql<Record<string, unknown>>`
    select figure_code, breakdown, organisation_id, period::text, version, value, numerator, denominator,
           missing_reason, missing_detail
    from kpi_value order by figure_code, breakdown, organisation_id, period
  `.execute(database.db)
  return JSON.stringify(rows.rows)
}

/** The stored figures agree with a full computation from the values (run afterwards). */
async function expectFiguresMatchValues(database: Database, what: string) {
  const stored = await storedFigures(database)
  expect(stored.length, `${what}: figures exist`).toBeGreaterThan(1000)
  await computeKeyFigures(database, { isFull: true })
  expect(stored === (await storedFigures(database)), `${what}: stored figures equal a full computation`).toBe(
    true,
  )
  const pending = await database.db
    .selectFrom('import_batch')
    .select('id')
    .where('key_figures_pending', '=', true)
    .execute()
  expect(pending, `${what}: no batch left pending`).toEqual([])
}

function runCli(args: string[], env: NodeJS.ProcessEnv, killAfterMs?: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; ms: number }>(
    (resolve, reject) => {
      const started = performance.now()
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let err = ''
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      const timer =
        killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      child.on('error', reject)
      child.on('exit', (code, signal) => {
        clearTimeout(timer)
        resolve({ code, signal, err, ms: performance.now() - started })
      })
    },
  )
}

describe('an import killed at any moment', () => {
  let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>
  let options: OpenDatabaseOptions
  let indicators: string[]
  const dir = mkdtempSync(join(tmpdir(), 'benchlearn-crash-'))

  beforeAll(async () => {
    location = await createTestDatabaseLocation(inject('testTemplate'))
    const dataDirAt = location.args.indexOf('--data-dir')
    options = location.env.DATABASE_URL
      ? { databaseUrl: location.env.DATABASE_URL }
      : { dataDir: location.args[dataDirAt + 1] }
    const database = await openDatabase(options)
    try {
      await seedReferenceData(database.db)
      for (const ags5 of AGS) await createJobcentre(database.db, { ags5 })
      indicators = await monthlyIndicators(database)
    } finally {
      await database.close()
    }
    for (let round = 0; round <= KILLS; round++)
      writeFileSync(join(dir, `round-${round}.csv`), roundCsv(round, indicators))
  })
  afterAll(async () => {
    await location?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('leaves values of one whole file and figures equal to a full computation after the restart', async () => {
    expect(indicators.length).toBeGreaterThan(3)
    const first = await runCli(['import', join(dir, 'round-0.csv'), ...location.args], location.env)
    expect(first.code, first.err).toBe(0)
    const random = createRandom(SEED)
    let committedRound = 0
    const outcomes: string[] = []
    for (let round = 1; round <= KILLS; round++) {
      // Anywhere from the start of the process to a little after a whole import would have ended.
      const killAfterMs = Math.round(random() * first.ms * 1.1)
      const run = await runCli(
        ['import', join(dir, `round-${round}.csv`), ...location.args],
        location.env,
        killAfterMs,
      )
      // The restart: every shell opens the database this way and finishes pending figures.
      const database = await prepareDatabase(options)
      try {
        const rounds = await roundsInDatabase(database, indicators)
        expect(rounds.size, `round ${round}: values of one file only`).toBe(1)
        const [seen] = [...rounds]
        expect([committedRound, round], `round ${round}`).toContain(seen)
        committedRound = seen!
        outcomes.push(`${killAfterMs} ms: ${run.signal ?? `exit ${run.code}`}, values of round ${seen}`)
        await expectFiguresMatchValues(database, `round ${round} (killed after ${killAfterMs} ms)`)
      } finally {
        await database.close()
      }
    }
    expect(outcomes).toHaveLength(KILLS)
  }, 240_000)
})

describe('an import whose figures were not computed', () => {
  const t = useTestDatabase()

  it('gets them on the next import of the same file, although its values are unchanged', async () => {
    const db = t.database.db
    await seedReferenceData(db)
    for (const ags5 of AGS) await createJobcentre(db, { ags5 })
    const indicators = await monthlyIndicators(t.database)
    const bytes = new TextEncoder().encode(roundCsv(0, indicators))
    await computeKeyFigures(t.database)
    // What a process killed between the two transactions leaves: the import, no computation.
    const imported = await importFile(t.database, { fileName: 'values.csv', bytes })
    expect(imported.isCommitted).toBe(true)
    const pending = await db
      .selectFrom('import_batch')
      .select('id')
      .where('key_figures_pending', '=', true)
      .execute()
    expect(pending).toEqual([{ id: imported.batchId }])
    expect(await db.selectFrom('kpi_series').select('figure_code').limit(1).execute()).toEqual([])

    const again = await runImport(t.database, { fileName: 'values.csv', bytes })
    expect(again).toMatchObject({ isCommitted: true, rowsImported: 0, batchId: null })
    expect('keyFigureValuesWritten' in again && again.keyFigureValuesWritten).toBeGreaterThan(1000)
    await expectFiguresMatchValues(t.database, 'after the second import')
  })
})
