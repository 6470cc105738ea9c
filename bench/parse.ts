/**
 * The parser's time bounds, kept out of `npm test` (wall-clock assertions fail on a busy machine):
 * a million long rows, the slowest of the fuzz tests' inputs (src/features/imports/parse-fuzz.test.ts),
 * and refusing a workbook of 20,000 archive entries from its directory.
 */
import { isAppError } from '../src/core/errors/app-error'
import { parseImportFile } from '../src/features/imports/parsing/parse-import-file'
import { generateCsvInputs, generateXlsxInputs, type FuzzInput } from '../src/test/import-fuzz-inputs'
import { longRowsCsv } from '../src/test/long-rows'
import { zipOfManyEntries } from '../src/test/zip-files'
import type { BenchResult } from './types'

/** The bound on one fuzzed input: the parser must not hang on any file. */
const PER_INPUT_MS = 5000

async function timeParse(bytes: Uint8Array, fileName: string): Promise<number> {
  const started = performance.now()
  try {
    await parseImportFile(bytes, { fileName })
  } catch (error) {
    if (!isAppError(error)) throw error
  }
  return performance.now() - started
}

async function slowest(inputs: FuzzInput[]): Promise<{ ms: number; recipe: string }> {
  let worst = { ms: 0, recipe: '' }
  for (const input of inputs) {
    const ms = await timeParse(input.bytes, input.fileName)
    if (ms > worst.ms) worst = { ms, recipe: input.recipe }
  }
  return worst
}

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const million = longRowsCsv(1_000_000)
  const seconds = (await timeParse(million, 'million.csv')) / 1000
  results.push({
    name: 'parse 1,000,000 long rows with decimal commas (~38 MB CSV)',
    value: Number(seconds.toFixed(2)),
    unit: 's',
    target: '< 10 s',
    isMet: seconds < 10,
    note: '~1.7 s on a developer machine',
  })
  for (const [what, inputs] of [
    ['3,000 fuzzed CSV files', generateCsvInputs(48_001, 3000)],
    ['150 fuzzed workbooks', await generateXlsxInputs(48_002, 150)],
  ] as const) {
    const worst = await slowest(inputs)
    results.push({
      name: `slowest of ${what} (parsed or refused)`,
      value: Math.round(worst.ms),
      unit: 'ms',
      target: `< ${PER_INPUT_MS} ms`,
      isMet: worst.ms < PER_INPUT_MS,
      note: worst.recipe.slice(0, 80),
    })
  }
  const many = await timeParse(zipOfManyEntries(20_000), 'many.xlsx')
  results.push({
    name: 'refuse a workbook of 20,000 archive entries',
    value: Math.round(many),
    unit: 'ms',
    target: '< 1000 ms',
    isMet: many < 1000,
  })
  return results
}
