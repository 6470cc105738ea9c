import { describe, expect, test } from 'vitest'
import { LruCache } from './lru-cache'

describe('LruCache', () => {
  test('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new LruCache<number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now the most recent
    cache.set('c', 3)
    expect(cache.size).toBe(2)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
  })

  test('shares one computation between concurrent callers and forgets failures', async () => {
    const cache = new LruCache<Promise<unknown>>(10)
    let calls = 0
    const compute = () => Promise.resolve(++calls)
    const [x, y] = await Promise.all([cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)])
    expect([x, y, calls]).toEqual([1, 1, 1])
    const failing = cache.getOrCompute('bad', () => Promise.reject(new Error('boom')))
    await expect(failing).rejects.toThrow('boom')
    expect(await cache.getOrCompute('bad', () => Promise.resolve('ok'))).toBe('ok')
  })

  test('rejects a cap that is not a positive integer', () => {
    expect(() => new LruCache<number>(0)).toThrow(RangeError)
  })
})
