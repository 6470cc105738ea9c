import { afterEach, describe, expect, it, vi } from 'vitest'
import { updateRingSharing } from './figures'
import { queryCache } from './query-cache'
import { applyPeerModel } from './rings-api'

/** The session answer holds the rings of the person's organisation and how each shares its figures. */
describe('writes that change the session answer mark it stale', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    queryCache.clear()
  })

  const answering = (body: unknown) => {
    const requested: string[] = []
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url)
      return new Response(JSON.stringify(body), { status: 200 })
    })
    return requested
  }

  it.each([
    ['applying a peer model', () => applyPeerModel(7, '2026-01-01'), '/api/v1/peers/models/7/apply'],
    ['changing how a ring shares', () => updateRingSharing(3, 'named'), '/api/v1/rings/3/sharing'],
  ])('%s', async (_name, write, path) => {
    await queryCache.load('session', async () => ({ kind: 'signed-out' }))
    await queryCache.load('/api/v1/indicators', async () => ({ indicators: [] }))
    expect(queryCache.needsLoad('session')).toBe(false)
    const requested = answering({})
    await write()
    expect(requested).toEqual([path])
    expect(queryCache.needsLoad('session')).toBe(true)
    // Only what the write changes: the indicators stay as they were.
    expect(queryCache.needsLoad('/api/v1/indicators')).toBe(false)
  })
})
