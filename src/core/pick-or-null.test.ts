import { describe, expect, it } from 'vitest'
import { pickOrNull } from './pick-or-null'

describe('pickOrNull', () => {
  it('copies the named fields of a row and leaves the others out', () => {
    const row = { rank: 2, percentile: 0.5, zScore: -1.25 }
    expect(pickOrNull(row, ['rank', 'zScore'])).toEqual({ rank: 2, zScore: -1.25 })
  })

  it('gives null for every field of a missing row', () => {
    const rows = new Map<number, { rank: number; name: string }>()
    expect(pickOrNull(rows.get(7), ['rank', 'name'])).toEqual({ rank: null, name: null })
  })

  it('turns undefined fields into null and keeps zero and empty text', () => {
    const row: { a?: number; b: number; c: string } = { b: 0, c: '' }
    expect(pickOrNull(row, ['a', 'b', 'c'])).toEqual({ a: null, b: 0, c: '' })
  })
})
