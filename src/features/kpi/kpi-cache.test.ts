import type { Kysely } from 'kysely'
import { describe, expect, test } from 'vitest'
import type { DataVersion } from '../../db/data-version'
import type { DB } from '../../db/schema'
import { clearKpiCache, KPI_CACHE_MAX_ENTRIES, kpiMemo, memoFor } from './kpi-cache'

// The memo never touches the handle except as a key (and kpiMemo only with a version to read).
const db = {} as Kysely<DB>
const version = (data: string): DataVersion => ({ data, auth: 'a', activity: 'x', latestComputedMonth: null })

describe('kpi cache', () => {
  test('computes once per data version and key', async () => {
    clearKpiCache(db)
    let calls = 0
    const compute = async () => ++calls
    const v1 = memoFor(db, version('1'))
    expect(await v1('fit:K2', compute)).toBe(1)
    expect(await v1('fit:K2', compute)).toBe(1)
    expect(await memoFor(db, version('1'))('fit:K2', compute)).toBe(1)
    // An import, a computation or a ring change gives a new version: the old entry is not used.
    expect(await memoFor(db, version('2'))('fit:K2', compute)).toBe(2)
    expect(await v1('fit:K3', compute)).toBe(3)
  })

  test('holds at most KPI_CACHE_MAX_ENTRIES entries', async () => {
    clearKpiCache(db)
    const memo = memoFor(db, version('cap'))
    let calls = 0
    for (let i = 0; i <= KPI_CACHE_MAX_ENTRIES; i++) await memo(`k${i}`, async () => ++calls)
    // k0 was the least recently used and was dropped; the newest is kept.
    await memo('k0', async () => ++calls)
    expect(calls).toBe(KPI_CACHE_MAX_ENTRIES + 2)
    await memo(`k${KPI_CACHE_MAX_ENTRIES}`, async () => ++calls)
    expect(calls).toBe(KPI_CACHE_MAX_ENTRIES + 2)
  })

  test('as of a past instant, nothing is cached (and no version is read)', async () => {
    const memo = await kpiMemo(db, new Date('2024-01-01T00:00:00Z'))
    let calls = 0
    await memo('fit:K2', async () => ++calls)
    await memo('fit:K2', async () => ++calls)
    expect(calls).toBe(2)
  })
})
