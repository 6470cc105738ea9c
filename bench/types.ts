/** One measured figure of the benchmark suite (`npm run bench`). */
export interface BenchResult {
  /** What was measured, e.g. "import 1M long rows (PGlite)". */
  name: string
  value: number
  unit: 's' | 'ms' | 'MB' | 'rows/s' | 'kB' | 'x' | string
  /** The target as text, e.g. "< 5 s", and whether the measurement meets it. */
  target?: string
  isMet?: boolean
  note?: string
}

/** Peak resident memory of this process so far, in MB (Linux: VmHWM). */
export async function peakRssMb(): Promise<number> {
  const { readFileSync } = await import('node:fs')
  const match = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/)
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024
}
