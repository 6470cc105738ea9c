import { describe, expect, it } from 'vitest'
import { RAW_INDICATORS } from '../../indicators/catalogue'
import { parseImportFile } from './parse-import-file'

/** 1,000,000 long rows (~38 MB) with decimal commas, as a BA download for all job centres would be. */
function millionRows(): Uint8Array {
  const parts = ['org;indicator;period;breakdown;value\n']
  let n = 0
  for (let org = 0; n < 1_000_000; org++)
    for (const { code } of RAW_INDICATORS)
      for (const breakdown of ['total', 'women', 'men'])
        for (let m = 0; m < 200 && n < 1_000_000; m++, n++) {
          const period = `${2005 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
          parts.push(
            `${String(6400 + org).padStart(5, '0')};${code};${period};${breakdown};${(n % 99_991) / 10}\n`.replace(
              '.',
              ',',
            ),
          )
        }
  return new TextEncoder().encode(parts.join(''))
}

describe('performance', () => {
  it('parses a million long rows in a few seconds, reporting progress', async () => {
    const bytes = millionRows()
    let calls = 0
    const started = performance.now()
    const result = await parseImportFile(bytes, { fileName: 'million.csv', onProgress: () => void calls++ })
    const seconds = (performance.now() - started) / 1000
    expect(result.errorCount).toBe(0)
    expect(result.records).toHaveLength(1_000_000)
    expect(result.decimal).toBe(',')
    expect(calls).toBeGreaterThanOrEqual(100)
    // ~1.7 s on a developer machine; the bound leaves room for slow CI runners
    expect(seconds).toBeLessThan(10)
  }, 60_000)
})
