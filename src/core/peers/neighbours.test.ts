import { describe, expect, it } from 'vitest'
import { explainNeighbour, findNearestNeighbours } from './neighbours'

// Three organisations on two standardised indicators:
//   A (0, 0), B (1, 0), C (0, 3)
// from A: d(B)² = 1, d(C)² = 9 → d(B) = 1, d(C) = 3 (farthest) → rebased 1/3 and 1
// from B: d(A)² = 1, d(C)² = 1 + 9 = 10 → rebased d(A) = 1/sqrt(10) ≈ 0.3162
//         shares of B→C: x 1/10 = 10 %, y 9/10 = 90 %
const ids = ['A', 'B', 'C']
const columns = ['sgb2', 'density']
const matrix = [
  [0, 0],
  [1, 0],
  [0, 3],
]
const raw = [
  [10, 100],
  [12, 100],
  [10, 400],
]

describe('findNearestNeighbours', () => {
  const lists = findNearestNeighbours({ ids, columns, matrix, raw, k: 2 })

  it('orders neighbours and rebases distances to the farthest organisation', () => {
    expect(lists[0].neighbours.map((n) => n.id)).toEqual(['B', 'C'])
    expect(lists[0].neighbours.map((n) => n.distance)).toEqual([1, 3])
    expect(lists[0].neighbours[0].rebasedDistance).toBeCloseTo(1 / 3, 12)
    expect(lists[0].neighbours[1].rebasedDistance).toBe(1)
    expect(lists[0].farthestId).toBe('C')
    expect(lists[1].neighbours[0].rebasedDistance).toBeCloseTo(1 / Math.sqrt(10), 12)
  })

  it('splits the squared distance into indicator shares with raw values', () => {
    const toC = lists[1].neighbours[1]
    expect(toC.id).toBe('C')
    expect(toC.contributions.map((c) => c.sharePercent)).toEqual([
      expect.closeTo(10, 10),
      expect.closeTo(90, 10),
    ])
    expect(toC.contributions[1]).toMatchObject({
      column: 'density',
      value: 100,
      neighbourValue: 400,
      squaredDifference: 9,
    })
  })

  it('limits to k and handles identical rows', () => {
    const same = findNearestNeighbours({ ids: ['x', 'y'], columns: ['c'], matrix: [[1], [1]], k: 5 })
    expect(same[0].neighbours).toHaveLength(1)
    expect(same[0].neighbours[0]).toMatchObject({ distance: 0, rebasedDistance: 0 })
    expect(same[0].neighbours[0].contributions[0].sharePercent).toBe(0)
  })
})

describe('explainNeighbour', () => {
  it('names the largest share as the difference and the smallest as where they are alike', () => {
    const [, toC] = findNearestNeighbours({ ids, columns, matrix, raw, k: 2 })[1].neighbours
    const text = explainNeighbour({
      id: 'B',
      neighbour: toC,
      names: { B: 'Kreis B', C: 'Kreis C', sgb2: 'SGB II-Quote', density: 'Bevölkerungsdichte' },
    })
    expect(text.de).toBe(
      'Kreis C ist der 2. nächste Nachbar von Kreis B (Abstand 1; 1 = die unähnlichste Organisation). ' +
        'Am ähnlichsten sind sie bei SGB II-Quote (10\u00a0% des Abstands), am stärksten unterscheiden sie sich ' +
        'bei Bevölkerungsdichte (90\u00a0% des Abstands; Kreis C: 400, Kreis B: 100).',
    )
    expect(text.en).toBe(
      'Kreis C is the 2nd nearest neighbour of Kreis B (distance 1; 1 = the least similar organisation). ' +
        'They are most alike in SGB II-Quote (10\u00a0% of the distance) and differ most in ' +
        'Bevölkerungsdichte (90\u00a0% of the distance; Kreis C: 400, Kreis B: 100).',
    )
  })

  it('names a second difference when it weighs at least a quarter', () => {
    // shares: a 1/14 = 7 %, b 4/14 = 29 %, c 9/14 = 64 % → differences c and b (≥ 25 %), alike in a
    const [list] = findNearestNeighbours({
      ids: ['x', 'y'],
      columns: ['a', 'b', 'c'],
      matrix: [
        [0, 0, 0],
        [1, 2, 3],
      ],
      k: 1,
    })
    expect(explainNeighbour({ id: 'x', neighbour: list.neighbours[0] }).en).toBe(
      'y is the 1st nearest neighbour of x (distance 1; 1 = the least similar organisation). ' +
        'They are most alike in a (7\u00a0% of the distance) and differ most in c (64\u00a0% of the distance) and b (29\u00a0% of the distance).',
    )
  })

  it('says so when the two are identical', () => {
    const [list] = findNearestNeighbours({ ids: ['x', 'y'], columns: ['c'], matrix: [[1], [1]], k: 1 })
    expect(explainNeighbour({ id: 'x', neighbour: list.neighbours[0] }).en).toBe(
      'y has the same values as x in every indicator.',
    )
  })
})
