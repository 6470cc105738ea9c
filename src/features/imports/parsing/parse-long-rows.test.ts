import { describe, expect, it } from 'vitest'
import { longRowsCsv } from '../../../test/long-rows'
import { parseImportFile } from './parse-import-file'

// The time a million rows take is measured by the bench (`npm run bench -- parse`).
describe('long rows', () => {
  it('parses 30,000 long rows with decimal commas, reporting progress', async () => {
    let calls = 0
    const result = await parseImportFile(longRowsCsv(30_000), {
      fileName: 'long.csv',
      onProgress: () => void calls++,
    })
    expect(result.errorCount).toBe(0)
    expect(result.records).toHaveLength(30_000)
    expect(result.decimal).toBe(',')
    expect(result.records[1]).toMatchObject({ period: '2005-02', value: 0.1 })
    expect(calls).toBeGreaterThanOrEqual(100)
  })
})
