import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed, drawInteger } from './random'

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
