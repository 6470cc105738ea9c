import { describe, expect, it } from 'vitest'
import type { MessageParams } from '../../i18n/translate'
import { buildFormingRequest, parsePairs, parsePins, type FormingForm } from './forming-request'

/** The key with its values, so the tests read which message the form shows. */
const t = (key: string, params?: MessageParams) => [key, ...Object.values(params ?? {})].join(' ')

const form = (changes: Partial<FormingForm> = {}): FormingForm => ({
  method: 'rings',
  k: '2',
  minSize: '',
  maxSize: '',
  indicators: ['a', 'b'],
  weighting: 'manual',
  weights: { b: '0,5' },
  land: '',
  together: '',
  apart: '',
  pinned: '',
  ...changes,
})

describe('parsePairs and parsePins', () => {
  it('read one pair or pin a line, blank lines skipped', () => {
    expect(parsePairs('01001, 01002\n\n01003;01004')).toEqual({
      pairs: [
        ['01001', '01002'],
        ['01003', '01004'],
      ],
    })
    expect(parsePins('01001 = 2\n01002,3')).toEqual({
      pins: [
        { org: '01001', ring: 2 },
        { org: '01002', ring: 3 },
      ],
    })
  })

  it('name the first line that is not one', () => {
    expect(parsePairs('01001, 01002\n01003')).toEqual({ badLine: 2 })
    expect(parsePins('01001 = two')).toEqual({ badLine: 1 })
  })
})

describe('buildFormingRequest', () => {
  it('builds the request with weights (decimal commas) and the constraints given', () => {
    expect(buildFormingRequest(form({ minSize: '3', land: 'spread', together: 'x y' }), t)).toEqual({
      method: 'rings',
      k: 2,
      indicators: ['a', 'b'],
      weighting: 'manual',
      weights: { a: 1, b: 0.5 },
      minSize: 3,
      maxSize: undefined,
      land: 'spread',
      together: [['x', 'y']],
    })
  })

  it('leaves out weights and constraints where they do not apply', () => {
    expect(buildFormingRequest(form({ method: 'ward', weighting: 'regression', together: 'x' }), t)).toEqual({
      method: 'ward',
      k: 2,
      indicators: ['a', 'b'],
      weighting: 'regression',
    })
  })

  it('says what is wrong, first mistake first', () => {
    expect(buildFormingRequest(form({ k: '0' }), t)).toBe('forming.error.k')
    expect(buildFormingRequest(form({ indicators: [] }), t)).toBe('forming.error.indicators')
    expect(buildFormingRequest(form({ weights: { a: '-1' } }), t)).toBe('forming.error.weight a')
    expect(buildFormingRequest(form({ maxSize: '2.5' }), t)).toBe('forming.error.size')
    expect(buildFormingRequest(form({ apart: 'x y\nz' }), t)).toBe('forming.error.pair forming.apart 2')
    expect(buildFormingRequest(form({ pinned: 'x' }), t)).toBe('forming.error.pin 1')
  })
})
