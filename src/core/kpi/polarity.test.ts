import { describe, expect, it } from 'vitest'
import { betterSign, judgeDifference, orientationOf } from './polarity'

describe('polarity', () => {
  it('gives the sign of a better value, and none for context figures', () => {
    expect(betterSign('higher_is_better')).toBe(1)
    expect(betterSign('lower_is_better')).toBe(-1)
    expect(betterSign('context')).toBe(0)
  })

  it('ranks context figures like higher-is-better ones (largest first)', () => {
    expect(orientationOf('higher_is_better')).toBe(1)
    expect(orientationOf('context')).toBe(1)
    expect(orientationOf('lower_is_better')).toBe(-1)
  })

  it('judges a difference by the polarity', () => {
    expect(judgeDifference('higher_is_better', 2)).toBe('better')
    expect(judgeDifference('higher_is_better', -2)).toBe('worse')
    expect(judgeDifference('lower_is_better', 2)).toBe('worse')
    expect(judgeDifference('lower_is_better', -0.5)).toBe('better')
    expect(judgeDifference('context', 2)).toBe('neutral')
    expect(judgeDifference('higher_is_better', 0)).toBe('neutral')
  })

  it('treats differences below the tolerance as none', () => {
    expect(judgeDifference('higher_is_better', 1e-12, 1e-9)).toBe('neutral')
    expect(judgeDifference('lower_is_better', -1e-12, 1e-9)).toBe('neutral')
    expect(judgeDifference('lower_is_better', -1e-6, 1e-9)).toBe('better')
  })
})
