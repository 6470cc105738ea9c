/**
 * Pragmatic demo rings: similar SGB II rate first, then similar size. Organisations are sorted
 * by SGB II rate (east German districts count a little higher, so that they tend to share rings,
 * as regions do in the real programme), cut into five bands, and each band split by population
 * into a smaller and a larger half. Ten rings of 10–11; the statistical method lives elsewhere.
 */
import type { DemoRing } from './types'

export interface RingCandidate {
  sgb2Rate: number
  population: number
  isEast: boolean
}

const RING_COUNT = 10
const BANDS = 5
// One ring shares figures under pseudonyms, so that the demo shows both kinds of sharing.
const PSEUDONYMISED_RING = 7

/** Splits 0…n−1 (already ordered) into `parts` consecutive chunks whose sizes differ by at most one. */
function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const chunks: T[][] = []
  let start = 0
  for (let k = 0; k < parts; k++) {
    const size = Math.floor(items.length / parts) + (k < items.length % parts ? 1 : 0)
    chunks.push(items.slice(start, start + size))
    start += size
  }
  return chunks
}

export function formDemoRings(candidates: readonly RingCandidate[], validFrom: string): DemoRing[] {
  const bySgb2 = candidates
    .map((c, index) => ({ index, key: c.sgb2Rate + (c.isEast ? 1.5 : 0), population: c.population }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
  const groups = splitEvenly(bySgb2, BANDS).flatMap((band) =>
    splitEvenly(
      [...band].sort((a, b) => a.population - b.population || a.index - b.index),
      RING_COUNT / BANDS,
    ),
  )
  return groups.map((group, k) => {
    const number = k + 1
    return {
      code: `R${String(number).padStart(2, '0')}`,
      name: `Vergleichsring ${number}`,
      sharing: number === PSEUDONYMISED_RING ? 'pseudonymised' : 'named',
      validFrom,
      members: group.map((g) => g.index).sort((a, b) => a - b),
    }
  })
}
