/**
 * The benchmark suite: `npm run bench [-- name…]`. Each module in bench/ exports
 * `bench(): Promise<BenchResult[]>`; this prints one table (Markdown) with the machine.
 */
import { cpus, totalmem } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchResult } from './types'
import { isoDate } from '../src/core/periods/dates'

const SUITES = [
  'import',
  'parse',
  'demo',
  'startup',
  'kpi-core',
  'kpi',
  'own-figures',
  'peers',
  'api',
  'web',
] as const

async function main() {
  const wanted = process.argv.slice(2)
  const selected = wanted.length > 0 ? SUITES.filter((s) => wanted.includes(s)) : SUITES
  const rows: { suite: string; result: BenchResult }[] = []
  for (const suite of selected) {
    let module: { bench: () => Promise<BenchResult[]> }
    try {
      module = await import(`./${suite}.ts`)
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') continue
      throw error
    }
    process.stderr.write(`bench ${suite} …\n`)
    for (const result of await module.bench()) {
      rows.push({ suite, result })
      process.stderr.write(
        `  ${result.name}: ${result.value} ${result.unit}${result.target ? ` (target ${result.target})` : ''}\n`,
      )
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`
  const table = [
    `Machine: ${machine}`,
    `Command: npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''} (${isoDate(new Date())})`,
    '',
    '| suite | measurement | value | target | met | note |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ suite, result: r }) =>
        `| ${suite} | ${r.name} | ${formatValue(r.value)} ${r.unit} | ${r.target ?? ''} | ${r.isMet === undefined ? '' : r.isMet ? 'yes' : 'NO'} | ${r.note ?? ''} |`,
    ),
  ].join('\n')
  process.stdout.write(`${table}\n`)
  const dir = join(import.meta.dirname, '../test-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'bench.md'), `${table}\n`)
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-GB')
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3)
}

await main()
