import { describe, expect, it } from 'vitest'
import { formDemoComparisonTypes } from './comparison-types'
import { generateDemoNetwork } from './generate-demo-network'

describe('formDemoComparisonTypes', () => {
  it('splits each settlement class at its SGB II median and names them by both', () => {
    const types = formDemoComparisonTypes([
      { settlementType: 1, sgb2Rate: 12 },
      { settlementType: 2, sgb2Rate: 8 },
      { settlementType: 3, sgb2Rate: 5 },
      { settlementType: 4, sgb2Rate: 4 },
      { settlementType: 4, sgb2Rate: 9 },
      { settlementType: 4, sgb2Rate: 6 },
    ])
    expect(types).toEqual([
      { code: 'S1', name: 'S1 städtisch, niedrigere SGB-II-Quote', members: [1] },
      { code: 'S2', name: 'S2 städtisch, höhere SGB-II-Quote', members: [0] },
      { code: 'V2', name: 'V2 verdichtet, höhere SGB-II-Quote', members: [2] },
      { code: 'L1', name: 'L1 ländlich, niedrigere SGB-II-Quote', members: [3] },
      { code: 'L2', name: 'L2 ländlich, höhere SGB-II-Quote', members: [4, 5] },
    ])
  })

  it('gives every demo job centre exactly one of six types of at least five', () => {
    const demo = generateDemoNetwork({ lastMonth: '2016-01', firstMonth: '2015-01' })
    const sizes = demo.comparisonTypes.map((t) => t.members.length)
    expect(demo.comparisonTypes.map((t) => t.code)).toEqual(['S1', 'S2', 'V1', 'V2', 'L1', 'L2'])
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5)
    const all = demo.comparisonTypes.flatMap((t) => t.members).sort((a, b) => a - b)
    expect(all).toEqual(demo.organisations.map((_, i) => i))
  })
})
