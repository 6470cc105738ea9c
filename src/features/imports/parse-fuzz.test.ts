/**
 * Fuzz test of the pure parser (fixed seeds): thousands of generated and mutated CSV files, binary
 * garbage and broken workbooks. Each must parse or be refused with an AppError (never another
 * exception, which the server would answer with 500). The slowest input is timed by the bench
 * (`npm run bench -- parse`); here a hang fails the test by its timeout.
 */
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../core/errors/app-error'
import { generateCsvInputs, generateXlsxInputs, type FuzzInput } from '../../test/import-fuzz-inputs'
import { parseImportFile } from './parsing/parse-import-file'

async function parseOrRefuse(input: FuzzInput): Promise<'parsed' | 'refused'> {
  try {
    await parseImportFile(input.bytes, { fileName: input.fileName })
    return 'parsed'
  } catch (error) {
    if (!isAppError(error)) throw new Error(`${input.recipe}: ${(error as Error).stack ?? String(error)}`)
    expect(error.message.length, input.recipe).toBeGreaterThan(0)
    return 'refused'
  }
}

describe('parser fuzz', () => {
  it('parses or refuses 3,000 generated CSV files and garbage', async () => {
    const outcomes = { parsed: 0, refused: 0 }
    for (const input of generateCsvInputs(48_001, 3000)) outcomes[await parseOrRefuse(input)]++
    // Both kinds occur, so the generator reaches the parser's accepting and refusing paths.
    expect(outcomes.parsed).toBeGreaterThan(300)
    expect(outcomes.refused).toBeGreaterThan(300)
  }, 60_000)

  it('parses or refuses 150 workbooks, whole, cut short or with flipped bytes', async () => {
    const outcomes = { parsed: 0, refused: 0 }
    for (const input of await generateXlsxInputs(48_002, 150)) outcomes[await parseOrRefuse(input)]++
    expect(outcomes.parsed).toBeGreaterThan(10)
    expect(outcomes.refused).toBeGreaterThan(10)
  }, 60_000)
})
