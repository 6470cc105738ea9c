import { describe, expect, it } from 'vitest'
import { firstLoadCalls, lastVisitOf } from './first-load-calls'

const visit = {
  organisationId: 36,
  isSignedIn: true,
  canViewImports: true,
  lastVisit: null,
  latestMonth: '2026-10-01',
  now: new Date('2026-12-04T10:00:00Z'),
}
const asOfCalls = (calls: string[]) => calls.filter((c) => c.includes('asOf='))

describe('firstLoadCalls', () => {
  it('asks for the shell alone when signed out, and for the start page of a member', () => {
    expect(firstLoadCalls('/', { ...visit, isSignedIn: false, organisationId: null })).toEqual([
      '/api/v1/about',
    ])
    const calls = firstLoadCalls('/', visit)
    expect(calls.slice(0, 2)).toEqual(['/api/v1/about', '/api/v1/notifications'])
    expect(calls).toContain('/api/v1/kpi/summaries?org=36&group=ring')
    expect(calls).toContain(
      '/api/v1/observations/series?org=36&indicators=elb%2Clzb%2Cintegrations%2Cae_elb&from=2024-11&breakdown=total',
    )
    expect(calls).toContain('/api/v1/imports')
    expect(firstLoadCalls('/', { ...visit, canViewImports: false })).not.toContain('/api/v1/imports')
    expect(firstLoadCalls('/figures', visit)).toEqual(['/api/v1/about', '/api/v1/notifications'])
  })

  it('asks what was known at the last visit only when values were recorded since', () => {
    expect(asOfCalls(firstLoadCalls('/', visit))).toEqual([])
    const at = '2026-11-20T08:00:00.000Z'
    expect(asOfCalls(firstLoadCalls('/', { ...visit, lastVisit: { at, hasNewValues: false } }))).toEqual([])
    expect(asOfCalls(firstLoadCalls('/', { ...visit, lastVisit: { at, hasNewValues: true } }))).toEqual([
      `/api/v1/kpi/summaries?org=36&period=2026-10&asOf=${encodeURIComponent(at)}&group=ring`,
    ])
  })
})

describe('lastVisitOf', () => {
  const session = (previousVisitAt: string | null, hasValuesSinceLastVisit: boolean) => ({
    previousVisitAt,
    hasValuesSinceLastVisit,
  })

  it('is null on a first visit and when signed out, else the visit and whether values are new', () => {
    expect(lastVisitOf(null)).toBeNull()
    expect(lastVisitOf(session(null, false))).toBeNull()
    expect(lastVisitOf(session('2026-11-20T08:00:00.000Z', true))).toEqual({
      at: '2026-11-20T08:00:00.000Z',
      hasNewValues: true,
    })
  })
})
