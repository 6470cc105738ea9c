import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error'
import { createRandom } from '../random'
import { formBoundedRings, type FormBoundedRingsOptions } from './bounded-rings'

const line = (values: number[]) => ({ ids: values.map((v) => `p${v}`), points: values.map((v) => [v]) })

function ringOf(result: { labels: number[] }, ids: readonly string[], id: string): number {
  return result.labels[ids.indexOf(id)]
}

function expectInfeasible(options: FormBoundedRingsOptions, message: RegExp): void {
  try {
    formBoundedRings(options)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('infeasible')
    expect((error as AppError).message).toMatch(message)
    return
  }
  throw new Error('expected an infeasible error')
}

describe('formBoundedRings: hand-computed cases', () => {
  it('finds the natural split when the bounds allow it', () => {
    // 0,1,2 | 10,11,12,13 with sizes 3–4: WSS = (1+0+1) + (2.25+0.25+0.25+2.25) = 2 + 5 = 7
    const { ids, points } = line([0, 1, 2, 10, 11, 12, 13])
    const result = formBoundedRings({ ids, points, k: 2, minSize: 3, maxSize: 4 })
    expect(result.rings).toEqual([
      ['p0', 'p1', 'p2'],
      ['p10', 'p11', 'p12', 'p13'],
    ])
    expect(result.withinSS).toBeCloseTo(7, 12)
    expect(result.centroids).toEqual([[1], [11.5]])
  })

  it('respects the size bounds even when the natural split is uneven', () => {
    // 0,1,2,3 | 10,11 is natural, but rings must have exactly 3:
    //  {0,1,2}{3,10,11}: 2 + (25+4+9) = 40   ← optimum
    //  {0,1,3}{2,10,11}: 4.67 + 48.67 = 53.3 ; {1,2,3}{0,10,11}: 2 + 74 = 76
    const { ids, points } = line([0, 1, 2, 3, 10, 11])
    const result = formBoundedRings({ ids, points, k: 2, minSize: 3, maxSize: 3 })
    expect(result.sizes).toEqual([3, 3])
    expect(result.withinSS).toBeCloseTo(40, 10)
    expect(ringOf(result, ids, 'p3')).toBe(ringOf(result, ids, 'p10'))
  })

  it('keeps pinned organisations in their ring numbers', () => {
    const { ids, points } = line([0, 1, 2, 3, 10, 11])
    const result = formBoundedRings({
      ids,
      points,
      k: 2,
      minSize: 3,
      maxSize: 3,
      pinned: [
        { id: 'p3', ring: 0 },
        { id: 'p0', ring: 1 },
      ],
    })
    expect(result.rings).toEqual([
      ['p3', 'p10', 'p11'],
      ['p0', 'p1', 'p2'],
    ])
  })

  it('keeps together-groups together and apart pairs apart', () => {
    // together 0 & 10, sizes 3: {0,10,11}{1,2,3} = 74 + 2 = 76 beats {0,10,1}{2,3,11} = 60.67 + 48.67
    const { ids, points } = line([0, 1, 2, 3, 10, 11])
    const together = formBoundedRings({
      ids,
      points,
      k: 2,
      minSize: 3,
      maxSize: 3,
      together: [['p0', 'p10']],
    })
    expect(together.withinSS).toBeCloseTo(76, 10)
    expect(ringOf(together, ids, 'p0')).toBe(ringOf(together, ids, 'p10'))
    const apart = formBoundedRings({ ids, points, k: 2, minSize: 3, maxSize: 3, apart: [['p0', 'p1']] })
    expect(ringOf(apart, ids, 'p0')).not.toBe(ringOf(apart, ids, 'p1'))
  })
})

describe('formBoundedRings: against brute force', () => {
  it('reaches the optimum of small constrained instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = createRandom(seed)
      const n = 8
      const ids = Array.from({ length: n }, (_, i) => `o${i}`)
      const points = ids.map(() => [random() * 10, random() * 10])
      const lands = ids.map((_, i) => (i % 3 === 0 ? 'A' : 'B'))
      const options: FormBoundedRingsOptions = {
        ids,
        points,
        k: 3,
        minSize: 2,
        maxSize: 3,
        seed,
        together: seed % 2 === 0 ? [['o0', 'o5']] : [],
        apart: seed % 3 === 0 ? [['o1', 'o2']] : [],
        land: seed > 3 ? 'spread' : undefined,
        landOf: (id) => lands[Number(id.slice(1))],
      }
      const result = formBoundedRings(options)
      expect(result.withinSS).toBeCloseTo(bruteForce(options), 8)
      checkConstraints(options, result.labels)
    }
  })
})

describe('formBoundedRings: 104 organisations', () => {
  const random = createRandom(42)
  const ids = Array.from({ length: 104 }, (_, i) => `jc${i}`)
  const points = ids.map(() => Array.from({ length: 6 }, () => random() + random() + random()))
  const landNames = ['SH', 'NI', 'NW', 'HE', 'BY', 'BW', 'SN', 'TH']
  const landOf = (id: string) => landNames[Number(id.slice(2)) % landNames.length]

  it('forms 10 rings of 9–12 with all constraints, deterministically', () => {
    const options: FormBoundedRingsOptions = {
      ids,
      points,
      k: 10,
      minSize: 9,
      maxSize: 12,
      seed: 3,
      restarts: 3,
      together: [
        ['jc1', 'jc2'],
        ['jc2', 'jc3'],
      ],
      apart: [
        ['jc4', 'jc5'],
        ['jc1', 'jc6'],
      ],
      pinned: [
        { id: 'jc1', ring: 7 },
        { id: 'jc9', ring: 7 },
        { id: 'jc10', ring: 0 },
      ],
      land: 'spread',
      landOf,
    }
    const result = formBoundedRings(options)
    checkConstraints(options, result.labels)
    expect(result.labels[1]).toBe(7)
    expect(result.labels[9]).toBe(7)
    expect(result.labels[10]).toBe(0)
    expect(formBoundedRings(options)).toEqual(result)
  })

  it('groups by Land when asked, trading some similarity for regional coherence', () => {
    const base = { ids, points, k: 10, minSize: 9, maxSize: 12, restarts: 3, landOf }
    const plain = formBoundedRings(base)
    const grouped = formBoundedRings({ ...base, land: 'group', landWeight: 5 })
    const impurity = (labels: number[]) => {
      // number of (ring, Land) pairs present: fewer means more Land-homogeneous rings
      return new Set(labels.map((r, i) => `${r}:${landOf(ids[i])}`)).size
    }
    expect(impurity(grouped.labels)).toBeLessThan(impurity(plain.labels))
    expect(grouped.withinSS).toBeGreaterThanOrEqual(plain.withinSS)
    expect(grouped.landPenalty).toBeGreaterThan(0)
  })

  it('explains infeasible requests with numbers', () => {
    const base = { ids, points, k: 10, minSize: 9, maxSize: 12 }
    expectInfeasible(
      { ...base, minSize: 12 },
      /10 rings of at least 12 members need at least 120 members, but there are 104/,
    )
    expectInfeasible({ ...base, maxSize: 10 }, /hold at most 100 members, but there are 104/)
    expectInfeasible(
      { ...base, together: [['jc1', 'jc2']], apart: [['jc2', 'jc1']] },
      /"jc2" and "jc1" must be apart, but together constraints link them/,
    )
    expectInfeasible(
      { ...base, pinned: ids.slice(0, 13).map((id) => ({ id, ring: 2 })) },
      /ring 2 has 13 pinned members .* maximum is 12/,
    )
    expectInfeasible(
      { ...base, together: ids.slice(0, 13).map((id) => [ids[0], id] as const) },
      /13 organisations must be together .* at most 12/,
    )
    expectInfeasible(
      {
        ...base,
        pinned: [
          { id: 'jc1', ring: 1 },
          { id: 'jc2', ring: 2 },
        ],
        together: [['jc1', 'jc2']],
      },
      /pinned to ring 2, but its together-group .* is pinned to ring 1/,
    )
    expectInfeasible(
      {
        ...base,
        pinned: [
          { id: 'jc1', ring: 1 },
          { id: 'jc2', ring: 1 },
        ],
        apart: [['jc1', 'jc2']],
      },
      /both are pinned to ring 1/,
    )
  })

  it('reports constraints that only the assignment can show to be contradictory', () => {
    // three mutually-apart organisations cannot fit into two rings
    const { ids: small, points: smallPoints } = line([0, 1, 2, 3])
    expectInfeasible(
      {
        ids: small,
        points: smallPoints,
        k: 2,
        minSize: 2,
        maxSize: 2,
        apart: [
          ['p0', 'p1'],
          ['p1', 'p2'],
          ['p0', 'p2'],
        ],
      },
      /must be apart/,
    )
    expectInfeasible(
      { ids: small, points: smallPoints, k: 5, minSize: 0, maxSize: 2 },
      /5 rings need at least 5/,
    )
  })

  it('rejects malformed input', () => {
    expect(() =>
      formBoundedRings({ ids, points, k: 10, minSize: 9, maxSize: 12, apart: [['jc1', 'nope']] }),
    ).toThrow(/unknown id "nope"/)
    expect(() => formBoundedRings({ ids, points, k: 10, minSize: 9, maxSize: 12, land: 'spread' })).toThrow(
      /landOf/,
    )
  })
})

function checkConstraints(options: FormBoundedRingsOptions, labels: number[]): void {
  const at = (id: string) => labels[options.ids.indexOf(id)]
  const sizes = new Array<number>(options.k).fill(0)
  for (const r of labels) sizes[r]++
  for (const s of sizes) {
    expect(s).toBeGreaterThanOrEqual(options.minSize)
    expect(s).toBeLessThanOrEqual(options.maxSize)
  }
  for (const [a, b] of options.together ?? []) expect(at(a)).toBe(at(b))
  for (const [a, b] of options.apart ?? []) expect(at(a)).not.toBe(at(b))
  for (const { id, ring } of options.pinned ?? []) expect(at(id)).toBe(ring)
  if (options.land === 'spread' && options.landOf) {
    const landOf = options.landOf
    const totals = new Map<string, number>()
    for (const id of options.ids) totals.set(landOf(id), (totals.get(landOf(id)) ?? 0) + 1)
    const perRing = new Map<string, number>()
    options.ids.forEach((id, i) => {
      const key = `${labels[i]}:${landOf(id)}`
      perRing.set(key, (perRing.get(key) ?? 0) + 1)
    })
    for (const [key, count] of perRing) {
      const land = key.split(':')[1]
      expect(count).toBeLessThanOrEqual(Math.ceil((totals.get(land) ?? 0) / options.k))
    }
  }
}

/** Enumerates all k^n assignments; returns the least within-ring SS among those meeting every constraint. */
function bruteForce(options: FormBoundedRingsOptions): number {
  const n = options.ids.length
  const labels = new Array<number>(n).fill(0)
  let best = Infinity
  const total = options.k ** n
  for (let code = 0; code < total; code++) {
    let c = code
    for (let i = 0; i < n; i++) {
      labels[i] = c % options.k
      c = Math.floor(c / options.k)
    }
    if (!isValid(options, labels)) continue
    let wss = 0
    for (let r = 0; r < options.k; r++) {
      const members = options.ids.map((_, i) => i).filter((i) => labels[i] === r)
      const dims = options.points[0].length
      for (let j = 0; j < dims; j++) {
        const mean = members.reduce((s, i) => s + options.points[i][j], 0) / members.length
        wss += members.reduce((s, i) => s + (options.points[i][j] - mean) ** 2, 0)
      }
    }
    best = Math.min(best, wss)
  }
  return best
}

function isValid(options: FormBoundedRingsOptions, labels: number[]): boolean {
  let ok = true
  const at = (id: string) => labels[options.ids.indexOf(id)]
  const sizes = new Array<number>(options.k).fill(0)
  for (const r of labels) sizes[r]++
  ok &&= sizes.every((s) => s >= options.minSize && s <= options.maxSize)
  ok &&= (options.together ?? []).every(([a, b]) => at(a) === at(b))
  ok &&= (options.apart ?? []).every(([a, b]) => at(a) !== at(b))
  if (ok && options.land === 'spread' && options.landOf) {
    const landOf = options.landOf
    const totals = new Map<string, number>()
    for (const id of options.ids) totals.set(landOf(id), (totals.get(landOf(id)) ?? 0) + 1)
    const perRing = new Map<string, number>()
    options.ids.forEach((id, i) =>
      perRing.set(`${labels[i]}:${landOf(id)}`, (perRing.get(`${labels[i]}:${landOf(id)}`) ?? 0) + 1),
    )
    for (const [key, count] of perRing) {
      if (count > Math.ceil((totals.get(key.split(':')[1]) ?? 0) / options.k)) ok = false
    }
  }
  return ok
}
