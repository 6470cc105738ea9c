/**
 * Synthetic comparison types for the demo, so that the key figures' "comparison type" group has
 * something to show before anyone imports the official IAB Vergleichstypen (`peers import-types`).
 * They are not the IAB types, and the model's name says so wherever a type is shown
 * ("Demo-Vergleichstypen (synthetisch): V2 verdichtet, höhere SGB-II-Quote"). They group the demo
 * job centres by two conditions the generator gave them and that a job centre cannot influence,
 * settlement structure (urban, condensed, rural) and SGB II rate (below or above the median of its
 * settlement class), into six types of 13–23 members (each at least the 5 an aggregate needs).
 */

export interface ComparisonTypeCandidate {
  /** BBSR-like settlement type 1–4 (1 large city … 4 sparsely populated rural district). */
  settlementType: number
  sgb2Rate: number
}

export interface DemoComparisonType {
  code: string
  name: string
  /** Indexes into `DemoNetwork.organisations`, ascending. */
  members: number[]
}

/** The model's name wherever the types are shown ("<model>: <type>"). */
export const DEMO_TYPES_NAME = 'Demo-Vergleichstypen (synthetisch)'

const SETTLEMENT_CLASSES = [
  { key: 'S', name: 'städtisch', types: [1, 2] },
  { key: 'V', name: 'verdichtet', types: [3] },
  { key: 'L', name: 'ländlich', types: [4] },
] as const

export function formDemoComparisonTypes(
  candidates: readonly ComparisonTypeCandidate[],
): DemoComparisonType[] {
  const result: DemoComparisonType[] = []
  for (const settlement of SETTLEMENT_CLASSES) {
    const inClass = candidates
      .map((c, index) => ({ index, rate: c.sgb2Rate, type: c.settlementType }))
      .filter((c) => (settlement.types as readonly number[]).includes(c.type))
      .sort((a, b) => a.rate - b.rate || a.index - b.index)
    if (inClass.length === 0) continue
    const half = Math.floor(inClass.length / 2)
    const halves = [
      { suffix: '1', level: 'niedrigere', members: inClass.slice(0, half) },
      { suffix: '2', level: 'höhere', members: inClass.slice(half) },
    ]
    for (const { suffix, level, members } of halves) {
      if (members.length === 0) continue
      result.push({
        code: `${settlement.key}${suffix}`,
        name: `${settlement.key}${suffix} ${settlement.name}, ${level} SGB-II-Quote`,
        members: members.map((m) => m.index).sort((a, b) => a - b),
      })
    }
  }
  return result
}
