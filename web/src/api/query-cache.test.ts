import { describe, expect, it, vi } from 'vitest'
import { QueryCache } from './query-cache'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('QueryCache', () => {
  it('shares one request per key and notifies subscribers', async () => {
    const cache = new QueryCache()
    const fetcher = vi.fn(async () => 42)
    const listener = vi.fn()
    cache.subscribe('/a', listener)
    cache.ensure('/a', fetcher)
    cache.ensure('/a', fetcher)
    expect(cache.read('/a').status).toBe('loading')
    await flush()
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(cache.read<number>('/a')).toMatchObject({ status: 'success', data: 42 })
    expect(listener).toHaveBeenCalled()
  })

  it('loads many keys with one request; later readers of those keys ask for nothing', async () => {
    const cache = new QueryCache()
    await cache.load('/known', async () => 'kept')
    const fetchAll = vi.fn(async (keys: string[]) =>
      keys.map((key) => (key === '/broken' ? { error: new Error('refused') } : { data: `answer of ${key}` })),
    )
    const loading = cache.loadMany(['/known', '/a', '/broken'], fetchAll)
    const single = vi.fn(async () => 'single')
    cache.ensure('/a', single)
    expect(cache.read('/a').status).toBe('loading')
    await loading
    expect(fetchAll).toHaveBeenCalledWith(['/a', '/broken'])
    expect(single).not.toHaveBeenCalled()
    expect(cache.read('/known')).toMatchObject({ status: 'success', data: 'kept' })
    expect(cache.read('/a')).toMatchObject({ status: 'success', data: 'answer of /a' })
    expect(cache.read('/broken')).toMatchObject({ status: 'error', error: new Error('refused') })
    // A failed batch leaves each of its keys in error, to be asked for again on demand.
    await cache.loadMany(['/c'], async () => Promise.reject(new Error('down')))
    expect(cache.read('/c').status).toBe('error')
  })

  it('keeps errors and loads again on demand', async () => {
    const cache = new QueryCache()
    cache.ensure('/b', async () => Promise.reject(new Error('down')))
    await flush()
    expect(cache.read('/b').status).toBe('error')
    cache.ensure('/b', async () => 1)
    await flush()
    // ensure does not retry by itself: the error stays until the person asks again.
    expect(cache.read('/b').status).toBe('error')
    await cache.load('/b', async () => 1)
    expect(cache.read('/b')).toMatchObject({ status: 'success', data: 1 })
  })

  it('invalidates by prefix and ignores answers of superseded requests', async () => {
    const cache = new QueryCache()
    await cache.load('/api/v1/imports', async () => 'old')
    await cache.load('/api/v1/rings', async () => 'rings')
    let resolveSlow: (value: string) => void = () => undefined
    void cache.load('/api/v1/imports', () => new Promise<string>((resolve) => (resolveSlow = resolve)))
    const staleSnapshot = cache.read('/api/v1/imports')
    cache.invalidate('/api/v1/imports')
    expect(cache.needsLoad('/api/v1/imports')).toBe(true)
    expect(cache.needsLoad('/api/v1/rings')).toBe(false)
    // React compares snapshots by identity: an invalidated key must hand out a new one.
    expect(cache.read('/api/v1/imports')).not.toBe(staleSnapshot)
    // Stale data stays visible until the new answer arrives.
    expect(cache.read('/api/v1/imports')).toMatchObject({ status: 'success', data: 'old' })
    resolveSlow('late')
    await flush()
    expect(cache.read('/api/v1/imports')).toMatchObject({ data: 'old' })
    await cache.load('/api/v1/imports', async () => 'new')
    expect(cache.read('/api/v1/imports')).toMatchObject({ data: 'new' })
  })
})
