import { describe, expect, it } from 'vitest'
import { matchPath, readSearchParams, withSearchParams } from './router'

describe('matchPath', () => {
  it('matches static and parameterised paths', () => {
    expect(matchPath('/', '/')).toEqual({})
    expect(matchPath('/catalogue', '/catalogue')).toEqual({})
    expect(matchPath('/organisations/:id', '/organisations/36')).toEqual({ id: '36' })
    expect(matchPath('/organisations/:id', '/organisations/36?tab=x')).toEqual({ id: '36' })
    expect(matchPath('/organisations/:id', '/organisations')).toBeNull()
    expect(matchPath('/data', '/catalogue')).toBeNull()
  })
})

describe('search parameters', () => {
  it('reads and replaces parameters, removing empty ones', () => {
    expect(readSearchParams('/compare?indicator=elb').get('indicator')).toBe('elb')
    expect(withSearchParams('/compare?indicator=elb&ring=3', { ring: '4' })).toBe(
      '/compare?indicator=elb&ring=4',
    )
    expect(withSearchParams('/compare?ring=3', { ring: undefined })).toBe('/compare')
  })
})
