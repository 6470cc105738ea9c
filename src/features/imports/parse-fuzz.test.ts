/**
 * Fuzz test of the pure parser (fixed seeds): thousands of generated and mutated CSV files, binary
 * garbage and broken workbooks. Each must parse or be refused with an AppError (never another
 * exception, which the server would answer with 500), and in time.
 */
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../core/errors/app-error'
import { generateCsvInputs, generateXlsxInputs, type FuzzInput } from '../../test/import-fuzz-inputs'
import { parseImportFile } from './parsing/parse-import-file'

const PER_INPUT_MS = 5000

async function parseInTime(input: FuzzInput): Promise<'parsed' | 'refused'> {
  let timer: NodeJS.Timeout | undefined
  const started = performance.now()
  try {
    await Promise.race([
      parseImportFile(input.bytes, { fileName: input.fileName }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${input.recipe}: no answer within ${PER_INPUT_MS} ms`)),
          PER_INPUT_MS,
        )
      }),
    ])
    return 'parsed'
  } catch (error) {
    if (!isAppError(error)) throw new Error(`${input.recipe}: ${(error as Error).stack ?? String(error)}`)
    expect(error.message.length, input.recipe).toBeGreaterThan(0)
    return 'refused'
  } finally {
    clearTimeout(timer)
    // A synchronous hang would not be cut short by the race above: measure it.
    expect(performance.now() - started, `${input.recipe} took too long`).toBeLessThan(PER_INPUT_MS)
  }
}

describe('parser fuzz', () => {
  it('parses or refuses 3,000 generated CSV files and garbage, each in time', async () => {
    const outcomes = { parsed: 0, refused: 0 }
    for (const input of generateCsvInputs(48_001, 3000)) outcomes[await parseInTime(input)]++
    // Both kinds occur, so the generator reaches the parser's accepting and refusing paths.
    expect(outcomes.parsed).toBeGreaterThan(300)
    expect(outcomes.refused).toBeGreaterThan(300)
  }, 60_000)

  it('parses or refuses 150 workbooks, whole, cut short or with flipped bytes', async () => {
    const outcomes = { parsed: 0, refused: 0 }
    for (const input of await generateXlsxInputs(48_002, 150)) outcomes[await parseInTime(input)]++
    expect(outcomes.parsed).toBeGreaterThan(10)
    expect(outcomes.refused).toBeGreaterThan(10)
  }, 60_000)
})
