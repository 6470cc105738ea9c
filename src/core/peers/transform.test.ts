import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { buildStandardisedMatrix, computeAverageRanks } from './transform'

describe('computeAverageRanks', () => {
  it('gives tied values their average rank', () => {
    // sorted: 1(a) 2(b) 2(c) 5(d) → ranks 1, (2+3)/2 = 2.5, 2.5, 4
    expect(computeAverageRanks([5, 2, 1, 2])).toEqual([4, 2.5, 1, 2.5])
  })
})

describe('buildStandardisedMatrix', () => {
  it('z-scores with the population sd', () => {
    // x = 1, 2, 3: mean 2, population variance (1 + 0 + 1)/3 = 2/3, sd = 0.8165
    // z = (−1, 0, 1)/0.8165 = −1.2247, 0, 1.2247
    const result = buildStandardisedMatrix({
      ids: ['a', 'b', 'c'],
      columns: [{ name: 'x', values: [1, 2, 3] }],
    })
    expect(result.means).toEqual([2])
    expect(result.sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 12)
    expect(result.matrix.map((r) => r[0])).toEqual([
      expect.closeTo(-1.224744871, 8),
      0,
      expect.closeTo(1.224744871, 8),
    ])
  })

  it('multiplies by sqrt(weight) so that squared distances scale by the weight', () => {
    // both columns z = (−1, 1) (mean 0.5, sd 0.5 for values 0,1); weight 4 → ×2
    const result = buildStandardisedMatrix({
      ids: ['a', 'b'],
      columns: [
        { name: 'x', values: [0, 1] },
        { name: 'y', values: [10, 20], weight: 4 },
      ],
    })
    expect(result.matrix).toEqual([
      [-1, -2],
      [1, 2],
    ])
    // squared distance = 1·(2)² + 4·(2)² = 4 + 16 = 20
    const [a, b] = result.matrix
    expect((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2).toBe(20)
  })

  it('applies log and rank transforms before standardising', () => {
    // log(e^0, e^2) = 0, 2 → mean 1, sd 1 → −1, 1 ; rank(30, 10) = 2, 1 → 1, −1
    const result = buildStandardisedMatrix({
      ids: ['a', 'b'],
      columns: [
        { name: 'density', values: [1, Math.exp(2)], transform: 'log' },
        { name: 'r', values: [30, 10], transform: 'rank' },
      ],
    })
    expect(result.matrix[0][0]).toBeCloseTo(-1, 12)
    expect(result.matrix[1][0]).toBeCloseTo(1, 12)
    expect(result.matrix.map((r) => r[1])).toEqual([1, -1])
  })

  it('lists rows with missing values instead of dropping them silently', () => {
    const result = buildStandardisedMatrix({
      ids: ['a', 'b', 'c', 'd'],
      columns: [
        { name: 'x', values: [1, null, 3, Number.NaN] },
        { name: 'y', values: [1, undefined, 5, 7] },
      ],
    })
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.excluded).toEqual([
      { id: 'b', missing: ['x', 'y'] },
      { id: 'd', missing: ['x'] },
    ])
    // stats from complete rows only: x = 1, 3 → mean 2, sd 1
    expect(result.means).toEqual([2, 3])
    expect(result.matrix).toEqual([
      [-1, -1],
      [1, 1],
    ])
  })

  it('maps a constant column to 0 and rejects bad input', () => {
    const result = buildStandardisedMatrix({ ids: ['a', 'b'], columns: [{ name: 'c', values: [5, 5] }] })
    expect(result.matrix).toEqual([[0], [0]])
    expect(() =>
      buildStandardisedMatrix({ ids: ['a'], columns: [{ name: 'd', values: [0], transform: 'log' }] }),
    ).toThrow(AppError)
    expect(() =>
      buildStandardisedMatrix({ ids: ['a'], columns: [{ name: 'd', values: [1], weight: -1 }] }),
    ).toThrow(/weight/)
    expect(() => buildStandardisedMatrix({ ids: ['a', 'b'], columns: [{ name: 'd', values: [1] }] })).toThrow(
      /"d" has 1 values for 2 rows/,
    )
  })
})
