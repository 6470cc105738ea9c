import { describe, expect, it } from 'vitest'
import { createNormal, createRandom, deriveNamedSeed, deriveSeed, drawInteger } from './random'

describe('createRandom (mulberry32)', () => {
  it('reproduces the reference sequence', () => {
    // Reference values from an independent Python port of mulberry32 (32-bit masked arithmetic).
    const random = createRandom(42)
    expect(random()).toBe(0.6011037519201636)
    expect(random()).toBe(0.44829055899754167)
    expect(random()).toBe(0.8524657934904099)
    const zero = createRandom(0)
    expect(zero()).toBe(0.26642920868471265)
    expect(zero()).toBe(0.0003297457005828619)
  })

  it('is deterministic per seed and differs across seeds', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    const c = createRandom(8)
    const xs = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(xs)
    expect([c(), c(), c()]).not.toEqual(xs)
  })

  it('stays in [0, 1) and is roughly uniform', () => {
    const random = createRandom(123)
    let sum = 0
    for (let i = 0; i < 10_000; i++) {
      const x = random()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      sum += x
    }
    // mean of 10,000 U(0,1): sd of the mean = sqrt(1/12/10000) ≈ 0.0029, so ±0.015 is > 5 sd
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.015)
  })
})

describe('drawInteger / deriveSeed', () => {
  it('draws integers in range', () => {
    const random = createRandom(1)
    for (let i = 0; i < 1000; i++) {
      const v = drawInteger(random, 5)
      expect(Number.isInteger(v) && v >= 0 && v < 5).toBe(true)
    }
  })
  it('derives distinct seeds per index', () => {
    const seeds = new Set([0, 1, 2, 3, 4].map((i) => deriveSeed(42, i)))
    expect(seeds.size).toBe(5)
    expect(deriveSeed(42, 3)).toBe(deriveSeed(42, 3))
  })
})

describe('deriveNamedSeed / createNormal', () => {
  it('derives a seed of its own for every list of labels', () => {
    expect(deriveNamedSeed(1, 'series', '06435')).toBe(deriveNamedSeed(1, 'series', '06435'))
    expect(deriveNamedSeed(1, 'ab', 'c')).not.toBe(deriveNamedSeed(1, 'a', 'bc'))
    expect(deriveNamedSeed(1, 'x')).not.toBe(deriveNamedSeed(2, 'x'))
    expect(deriveNamedSeed(1, 'series', 7)).toBe(deriveNamedSeed(1, 'series', '7'))
  })

  it('draws standard normals', () => {
    const normal = createNormal(createRandom(2012))
    const n = 20_000
    let sum = 0
    let sumSq = 0
    for (let i = 0; i < n; i++) {
      const z = normal()
      sum += z
      sumSq += z * z
    }
    // sd of the mean ≈ 0.007 and of the mean square ≈ 0.01: the bounds are > 4 sd
    expect(Math.abs(sum / n)).toBeLessThan(0.03)
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05)
  })
})
