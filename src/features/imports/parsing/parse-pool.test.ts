import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../core/errors/app-error'
import { FILE_LIMITS } from '../../../core/limits/input-limits'
import { zipBomb } from '../../../test/zip-files'
import { RAW_INDICATORS } from '../../indicators/catalogue'
import { createParsePool, type ParsePool } from './parse-pool'
import { parseImportFile, type ImportRecordStream } from './parse-import-file'

const pools: ParsePool[] = []
function pool(options: Parameters<typeof createParsePool>[0]): ParsePool {
  // Every file through a worker, however small: the worker is what these tests are about.
  const created = createParsePool({ inlineMaxBytes: 0, ...options })
  pools.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

/** A long CSV of `rows` distinct values: 400 districts × 300 months × raw indicators. */
function longCsv(rows: number): Uint8Array {
  const lines = ['org;indicator;period;value']
  for (let k = 0; k < rows; k++) {
    const month = Math.floor(k / 400) % 300
    const indicator = RAW_INDICATORS[Math.floor(k / 120_000)]!.code
    const period = `${1995 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
    lines.push(`${String(6400 + (k % 400)).padStart(5, '0')};${indicator};${period};${k},5`)
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`)
}

/** The AppError a parse is refused with (any other outcome fails the test). */
const refusal = (parse: Promise<unknown>): Promise<AppError> =>
  parse.then(
    () => Promise.reject(new Error('expected the parse to be refused')),
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  )

describe('parse pool (worker threads)', () => {
  it('parses in a worker with the same result as in this thread', async () => {
    const bytes = longCsv(500)
    const inWorker = await pool({ workers: 1 }).parse(bytes, { fileName: 'w.csv' })
    const here = await parseImportFile(bytes, { fileName: 'w.csv' })
    expect(inWorker).toEqual(here)
    expect(inWorker.records).toHaveLength(500)
  })

  it("passes the worker's AppError on with its code, message and details", async () => {
    const limits = { ...FILE_LIMITS, csv: { ...FILE_LIMITS.csv, maxRows: 10 } }
    const error = await refusal(pool({ workers: 1 }).parse(longCsv(50), { fileName: 'r.csv', limits }))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe(
      'r.csv: row 11: the file has more than 10 rows, the limit of one file; split it',
    )
    expect(error.details).toEqual([
      {
        file: 'r.csv',
        row: 11,
        message: expect.stringContaining('10 rows'),
        key: 'csv.tooManyRows',
        params: { file: 'r.csv', row: 11, max: 10 },
      },
    ])
  })

  it('queues parses beyond the workers and refuses one more than the queue holds as unavailable', async () => {
    const busy = pool({ workers: 1, maxQueued: 1 })
    const bytes = longCsv(2000)
    const first = busy.parse(bytes, { fileName: 'a.csv' })
    const second = busy.parse(bytes, { fileName: 'b.csv' })
    expect(busy.load()).toEqual({ running: 1, queued: 1 })
    const third = await refusal(busy.parse(bytes, { fileName: 'c.csv' }))
    expect(third.code).toBe('unavailable')
    expect(third.message).toBe(
      'c.csv: the server is reading 1 other file and 1 more waits, the most it takes at once; try again in a minute',
    )
    expect((await first).records).toHaveLength(2000)
    expect((await second).records).toHaveLength(2000)
    expect(busy.load()).toEqual({ running: 0, queued: 0 })
    // Two parses of 2,000 rows in worker threads: seconds on a loaded machine; the limit is not the point.
  }, 30_000)

  it('opens an upload twice with one parse, and parses again for other options', async () => {
    const busy = pool({ workers: 1, maxQueued: 0 })
    const bytes = longCsv(300)
    const recordsOf = async (opened: Promise<ImportRecordStream>) => [...(await opened).batches()].flat()
    const first = busy.open(bytes, { fileName: 'a.csv', batchSize: 100 })
    // The pool is full (one parse running, none may wait): another parse would be refused as busy.
    const again = busy.open(bytes, { fileName: 'a.csv', batchSize: 50 })
    const otherOptions = refusal(busy.open(bytes, { fileName: 'a.csv', delimiter: ',' }))
    expect(busy.load()).toEqual({ running: 1, queued: 0 })
    expect((await otherOptions).code).toBe('unavailable')
    const records = await recordsOf(first)
    expect(records).toHaveLength(300)
    expect(await recordsOf(again)).toEqual(records)
  })

  it('refuses a zip bomb from its directory before queueing, even when the pool is full', async () => {
    const busy = pool({ workers: 1, maxQueued: 0 })
    const running = busy.parse(longCsv(2000), { fileName: 'a.csv' })
    const error = await refusal(busy.parse(zipBomb(20), { fileName: 'bomb.xlsx' }))
    expect(error.message).toMatch(/^bomb\.xlsx: entry "xl\/worksheets\/sheet1\.xml" is packed [\d,]+:1; more/)
    await running
  })

  it('stops a parse over its time limit and says the limit', async () => {
    const error = await refusal(
      pool({ workers: 1, timeoutMs: 20 }).parse(longCsv(100), { fileName: 't.csv' }),
    )
    expect(error).toMatchObject({
      code: 'too_large',
      message:
        't.csv: reading the file took longer than 1 second, the limit of one file; split it or save it as CSV',
    })
  })

  it('stops a parse over its memory limit and says the limit', async () => {
    const error = await refusal(
      pool({ workers: 1, maxHeapMb: 32, timeoutMs: 60_000 }).parse(longCsv(400_000), { fileName: 'm.csv' }),
    )
    expect(error).toMatchObject({
      code: 'too_large',
      message:
        'm.csv: reading the file needs more than 32 MB of memory, the limit of one file; split it or save it as CSV',
    })
  }, 60_000)
})
