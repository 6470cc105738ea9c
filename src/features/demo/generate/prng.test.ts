import { describe, expect, it } from 'vitest'
import { createPrng, deriveSeed } from './prng'

describe('createPrng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createPrng(42)
    const b = createPrng(42)
    const c = createPrng(43)
    const xs = Array.from({ length: 5 }, () => a.uniform())
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs)
  })

  it('draws uniforms in [0, 1), integers in range and standard normals', () => {
    const rng = createPrng(2012)
    const n = 20_000
    let sum = 0
    let sumSq = 0
    for (let i = 0; i < n; i++) {
      const u = rng.uniform()
      expect(u >= 0 && u < 1).toBe(true)
      const k = rng.integer(3, 5)
      expect([3, 4, 5]).toContain(k)
      const z = rng.normal()
      sum += z
      sumSq += z * z
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03)
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05)
  })

  it('derives distinct seeds from labels', () => {
    expect(deriveSeed(1, 'series', '06435')).toBe(deriveSeed(1, 'series', '06435'))
    expect(deriveSeed(1, 'ab', 'c')).not.toBe(deriveSeed(1, 'a', 'bc'))
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'))
  })
})
