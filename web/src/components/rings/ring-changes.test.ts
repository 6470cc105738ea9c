import { describe, expect, it } from 'vitest'
import { compareWithRings } from './ring-changes'

const member = (organisationId: number, group: string) => ({
  organisationId,
  name: `O${organisationId}`,
  group,
})
const ring = (code: string, ids: number[]) => ({
  code,
  members: ids.map((organisationId) => ({ organisationId })),
})

describe('compareWithRings', () => {
  it('matches renamed but equal groups to today’s rings, so nobody moves', () => {
    const result = compareWithRings(
      [member(1, 'G1'), member(2, 'G1'), member(3, 'G2'), member(4, 'G2')],
      [ring('R01', [1, 2]), ring('R02', [3, 4])],
    )
    expect(result).toEqual({ moves: [], compared: 4 })
  })

  it('lists who leaves the ring their new group is matched to, and who has no ring today', () => {
    const result = compareWithRings(
      [member(1, 'G1'), member(2, 'G1'), member(3, 'G1'), member(4, 'G2'), member(5, 'G2'), member(6, 'G2')],
      [ring('R01', [1, 2, 4]), ring('R02', [3, 5])],
    )
    expect(result.compared).toBe(5)
    expect(result.moves).toEqual([
      { ...member(3, 'G1'), from: 'R02', matched: 'R01' },
      { ...member(4, 'G2'), from: 'R01', matched: 'R02' },
      { ...member(6, 'G2'), from: null, matched: 'R02' },
    ])
  })

  it('has no match when nobody of a group has a ring today', () => {
    const result = compareWithRings([member(1, 'G1')], [ring('R01', [])])
    expect(result).toEqual({ moves: [{ ...member(1, 'G1'), from: null, matched: null }], compared: 0 })
  })
})
