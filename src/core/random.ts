/**
 * A small seeded pseudo-random number generator, so that every "random" step of the statistics
 * core (k-means++ seeding, restarts, bootstrap resampling) is reproducible from a seed.
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

/** Derives an independent-looking seed for run `index` of a seeded series (restarts, bootstrap). */
export function deriveSeed(seed: number, index: number): number {
  // Mixes with the golden-ratio constant so that seeds 1, 2, 3 … do not give correlated streams.
  return (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0
}
