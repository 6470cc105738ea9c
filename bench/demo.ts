/** Generating the demo network in memory, which every first start does before it serves. */
import { generateDemoNetwork } from '../src/features/demo/generate/generate-demo-network'
import type { BenchResult } from './types'

export async function bench(): Promise<BenchResult[]> {
  const started = performance.now()
  const net = generateDemoNetwork({ lastMonth: '2026-10' })
  const ms = performance.now() - started
  return [
    {
      name: `generate the demo network (${net.organisations.length} organisations, ${net.observations.count.toLocaleString('en-GB')} values)`,
      value: Math.round(ms),
      unit: 'ms',
      target: '< 2000 ms',
      isMet: ms < 2000,
    },
  ]
}
