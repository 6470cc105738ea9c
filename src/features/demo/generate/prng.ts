/**
 * A small seeded pseudo-random generator for the demo data: mulberry32 for uniforms and
 * Box–Muller for normals. Not cryptographic; chosen because it is tiny, fast and gives the
 * same sequence on every platform, which is all the demo needs.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  uniform(): number
  /** Standard normal N(0, 1). */
  normal(): number
  /** Integer in [min, max], both inclusive. */
  integer(min: number, max: number): number
}

/** Hashes a seed and labels to a 32-bit integer, so that every org/purpose gets its own stream. */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (const label of labels) {
    const text = String(label)
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
    }
    // a separator, so that ('ab', 'c') and ('a', 'bc') differ
    h = Math.imul(h ^ 0xff, 0x01000193) >>> 0
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  let spareNormal: number | undefined

  function uniform(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  function normal(): number {
    if (spareNormal !== undefined) {
      const value = spareNormal
      spareNormal = undefined
      return value
    }
    // 1 − u keeps the logarithm finite
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()))
    const angle = 2 * Math.PI * uniform()
    spareNormal = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }

  function integer(min: number, max: number): number {
    return min + Math.floor(uniform() * (max - min + 1))
  }

  return { uniform, normal, integer }
}
