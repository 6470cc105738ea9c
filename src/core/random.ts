/**
 * A small seeded pseudo-random number generator, so that every "random" step of the statistics
 * core (k-means++ seeding, restarts, bootstrap resampling) and of the demo network is reproducible
 * from a seed and gives the same sequence on every platform.
 * mulberry32: 32-bit state, period 2^32, good enough for seeding and resampling (not for crypto).
 */
export type Random = () => number

/** Returns a generator of floats in [0, 1) determined entirely by `seed` (any integer). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Returns an integer in [0, n) drawn from `random`. */
export function drawInteger(random: Random, n: number): number {
  return Math.floor(random() * n)
}

/** Returns an item of `items` (not empty) drawn from `random`. */
export function drawItem<T>(random: Random, items: readonly T[]): T {
  return items[drawInteger(random, items.length)]!
}

/** Derives an independent-looking seed for run `index` of a seeded series (restarts, bootstrap). */
export function deriveSeed(seed: number, index: number): number {
  // Mixes with the golden-ratio constant so that seeds 1, 2, 3 … do not give correlated streams.
  return (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0
}

/**
 * Derives the seed of a named stream (e.g. the demo's 'series' of district '06435') by hashing the
 * labels, so that every purpose and organisation draws numbers of its own, and adding one more
 * organisation does not change the numbers of the others.
 */
export function deriveNamedSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (const label of labels) {
    const text = String(label)
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
    // a separator, so that ('ab', 'c') and ('a', 'bc') differ
    h = Math.imul(h ^ 0xff, 0x01000193) >>> 0
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

/** Returns a generator of standard normals N(0, 1) drawn from `random` (Box–Muller, two per pair). */
export function createNormal(random: Random): () => number {
  let spare: number | undefined
  return () => {
    if (spare !== undefined) {
      const value = spare
      spare = undefined
      return value
    }
    // 1 − u keeps the logarithm finite
    const radius = Math.sqrt(-2 * Math.log(1 - random()))
    const angle = 2 * Math.PI * random()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }
}
