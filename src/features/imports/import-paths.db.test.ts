/**
 * The two ways an import writes (import-file.ts): straight into `observation` when every value is
 * new, or staged and diffed. The same files through both must give the same summary, the same
 * values and the same batch record; and the direct path the same whether the file is checked on
 * this thread or (on PGlite) in a worker thread that hands over the COPY text in small chunks.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { createJobcentre, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { importFile, type ImportFileOptions, type ImportSummary } from './import-file'
import type { ColumnMapping } from './parsing/types'

const t = useTestDatabase()
const encode = (text: string) => new TextEncoder().encode(text)
const now = new Date('2024-05-01T10:00:00Z')
const mapping = (extra: Partial<ColumnMapping>): ColumnMapping => ({
  name: 'paths',
  format: 'long',
  key: { column: 'org', type: 'ags' },
  ...extra,
})

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  await createJobcentre(db, { ags5: '06435', name: 'Jobcenter Main-Kinzig' })
  await createJobcentre(db, { ags5: '01058' })
  await createJobcentre(db, { ags5: '15083', name: 'Jobcenter Börde' })
  await createJobcentre(db, {
    ags5: '16063',
    name: 'Jobcenter Wartburgkreis',
    areas: [{ ags5: '16063' }, { ags5: '16056', validFrom: '2021-07-01' }],
  })
})

/** What one import wrote: its values and its batch, with the batch id left out. */
async function written(batchId: number | null) {
  const db = t.database.db
  if (batchId === null) return { observations: [], batch: [] }
  const observations = await sql`
    select organisation_id, indicator_id, period, breakdown, revision, value, missing_reason, status,
           recorded_at, is_current
    from observation where batch_id = ${batchId} order by 1, 2, 3, 4`.execute(db)
  const batch = await sql`
    select file_name, checksum, format, mapping, source, created_by, created_at, rows_read, rows_imported,
           rows_unchanged, rows_rejected, rows_skipped, errors, notices, organisation_id, key_figures_pending
    from import_batch where id = ${batchId}`.execute(db)
  return { observations: observations.rows, batch: batch.rows }
}

async function forget(batchId: number | null) {
  if (batchId === null) return
  await sql`delete from observation where batch_id = ${batchId}`.execute(t.database.db)
  await sql`delete from import_batch where id = ${batchId}`.execute(t.database.db)
}

type Path = 'direct' | 'direct, checked in a worker' | 'staged'

/** Imports through one path, answers what it said and wrote, and takes it back. */
async function importThrough(path: Path, options: Omit<ImportFileOptions, 'now'>) {
  const summary: ImportSummary = await importFile(t.database, {
    ...options,
    now,
    isDirectPathAllowed: path !== 'staged',
    // Chunks of ~20 rows: a file of a few hundred rows fills the worker's queue of chunks in flight.
    checkingWorker:
      path === 'direct, checked in a worker' ? { fromBytes: 0, chunkChars: 1000 } : { fromBytes: Infinity },
  })
  const state = await written(summary.batchId)
  await forget(summary.batchId)
  return { summary: { ...summary, batchId: summary.batchId === null ? null : 'set' }, state }
}

async function expectSamePaths(options: Omit<ImportFileOptions, 'now'>) {
  const direct = await importThrough('direct', options)
  const inWorker = await importThrough('direct, checked in a worker', options)
  const staged = await importThrough('staged', options)
  expect(direct).toEqual(staged)
  expect(inWorker).toEqual(staged)
  return direct
}

const longFile = (rows: number) => {
  const lines = ['org;indicator;period;breakdown;value']
  const keys = ['06435', '01058', '15083', '16063']
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0')
    const year = 2015 + (Math.floor(i / 12) % 8)
    const breakdown = ['total', 'female', 'male'][Math.floor(i / 96) % 3]
    lines.push(`${keys[Math.floor(i / 288) % 4]};elb;${year}-${month};${breakdown};${1000 + i}`)
  }
  return encode(`${lines.join('\n')}\n`)
}

describe('the direct and the staged path', () => {
  it('give the same summary, values and batch for a file of new values in several batches', async () => {
    const { summary } = await expectSamePaths({ fileName: 'long.csv', bytes: longFile(1152) })
    expect(summary).toMatchObject({ newValues: 1152, rowsRejected: 0, isCommitted: true })
    expect(summary.changes).toHaveLength(20)
  })

  it('give the same for a wide file with symbols, missing values and statuses', async () => {
    const text =
      'kennziffer;jahr;sgb2_rate;population_density\n06435;2021;8,1;300,2\n01058;2021;7,9;.\n06435;2022;7,5 p;\n'
    const { summary } = await expectSamePaths({ fileName: 'wide.csv', bytes: encode(text) })
    expect(summary.errors).toEqual([])
    expect(summary.newValues).toBe(6)
    expect(summary.notices.length).toBeGreaterThan(0)
  })

  it('give the same when districts without an organisation are reported and skipped', async () => {
    const text = 'org;indicator;period;value\n06435;elb;2022-01;1\n09162;elb;2022-01;2\n09162;elb;2022-02;3\n'
    const { summary } = await expectSamePaths({
      fileName: 'unmatched.csv',
      bytes: encode(text),
      mapping: mapping({ unmatchedKeys: 'report' }),
    })
    expect(summary).toMatchObject({ newValues: 1, rowsRejected: 2 })
    expect(summary.notices.map((n) => n.kind)).toContain('no_organisation')
  })

  it('give the same when a merger is attributed to the successor', async () => {
    const text =
      'org;indicator;period;value\n15355;elb;2006-06;7100\n15362;elb;2006-06;6200\n15083;elb;2008-01;9\n'
    const { summary } = await expectSamePaths({
      fileName: 'merger.csv',
      bytes: encode(text),
      mapping: mapping({ territorialChanges: 'attribute' }),
    })
    expect(summary).toMatchObject({ newValues: 2, rowsRejected: 0 })
    expect(summary.notices.map((n) => n.kind)).toContain('territorial_attributed')
  })

  it('give the same refusal for repeated rows: same key, or two keys of one organisation', async () => {
    const sameKey = 'org;indicator;period;value\n06435;elb;2021-01;12\n06435000;elb;01/2021;13\n'
    const repeated = await expectSamePaths({ fileName: 'dup.csv', bytes: encode(sameKey) })
    expect(repeated.summary).toMatchObject({ isCommitted: false, rowsRejected: 1 })
    expect(repeated.summary.errors[0]).toMatchObject({ row: 3, column: 'value', value: '13' })
    expect(repeated.summary.errors[0]?.message).toContain(
      'row 2 already holds 06435000 / elb / 2021-01 / total',
    )

    const twoKeys = 'org;indicator;period;value\n16063;elb;2022-01;5\n16056;elb;2022-01;6\n'
    const merged = await expectSamePaths({ fileName: 'two-keys.csv', bytes: encode(twoKeys) })
    expect(merged.summary).toMatchObject({ isCommitted: false, rowsRejected: 1 })
    expect(merged.summary.errors[0]).toMatchObject({ row: 3, column: 'org', value: '16056' })
  })

  it('give the same for a file with refused rows and for an upload for one organisation', async () => {
    const text =
      'org;indicator;period;value\n06435;elb;2021-01;12\n01058;nope;2021-01;1\n01058;elb;2021-13;2\n'
    const refused = await expectSamePaths({ fileName: 'bad.csv', bytes: encode(text) })
    expect(refused.summary).toMatchObject({ isCommitted: false, rowsRejected: 2 })
    const own = await expectSamePaths({
      fileName: 'own.csv',
      bytes: encode('org;indicator;period;value\n06435;elb;2021-01;12\n'),
      onlyOrganisation: { id: 1, name: 'Jobcenter Main-Kinzig' },
    })
    expect(own.summary.newValues + own.summary.rowsRejected).toBe(1)
  })

  it('give the same when the refused or repeated row comes after the COPY has begun', async () => {
    const good = new TextDecoder().decode(longFile(1152))
    const refused = await expectSamePaths({
      fileName: 'late-error.csv',
      bytes: encode(`${good}06435;nope;2021-01;total;1\n`),
    })
    expect(refused.summary).toMatchObject({ isCommitted: false, rowsRejected: 1 })
    const repeated = await expectSamePaths({
      fileName: 'late-repeat.csv',
      bytes: encode(`${good}06435;elb;2015-02;total;7\n`),
    })
    expect(repeated.summary).toMatchObject({ isCommitted: false, rowsRejected: 1 })
    expect(repeated.summary.errors[0]).toMatchObject({ row: 1154, column: 'value', value: '7' })
  })

  it('leaves a file that meets current values to the staged path: revisions as before', async () => {
    const first = await importFile(t.database, { fileName: 'a.csv', bytes: longFile(40), now })
    expect(first.newValues).toBe(40)
    const text =
      'org;indicator;period;breakdown;value\n06435;elb;2015-01;total;1\n06435;elb;2023-01;total;2\n'
    const again = await importFile(t.database, { fileName: 'b.csv', bytes: encode(text), now })
    expect(again.errors).toEqual([])
    expect(again).toMatchObject({ newValues: 1, revisedValues: 1, isCommitted: true })
    expect(again.changes.map((c) => [c.period, c.before, c.after])).toEqual([
      ['2023-01', null, 2],
      ['2015-01', 1000, 1],
    ])
    await forget(again.batchId)
    await forget(first.batchId)
  })
})
