import { describe, expect, it } from 'vitest'
import { combineSources } from './value-source'

describe('combineSources', () => {
  it('names one source, both as mixed, and none as computed', () => {
    expect(combineSources(['published', 'published'])).toBe('published')
    expect(combineSources(['computed'])).toBe('computed')
    expect(combineSources(['computed', 'published', 'computed'])).toBe('mixed')
    expect(combineSources([])).toBe('computed')
    // Partial results combine the same way.
    expect(combineSources(['published', 'mixed'])).toBe('mixed')
    expect(combineSources(['mixed'])).toBe('mixed')
  })
})
