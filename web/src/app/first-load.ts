/**
 * What a page asks the server for on its first load, so that the shell can ask for all of it in
 * one request (GET /api/v1/batch) as soon as it knows who is signed in, instead of each component
 * asking on its own: the footer, the bell and, on the start page, the page's data. Each call is
 * written exactly as the component that reads it asks for it (`buildUrl`), so the components find
 * their answers loading or loaded. A browser test (test-browser/start-page-calls.browser.test.ts)
 * records the requests of the built start page and fails when they differ from these; the API
 * benchmark loads the same (bench/start-page-calls.ts).
 */
import { addMonths } from '../../../src/core/periods/period'
import { buildUrl } from '../api/client'
import { currentMonth } from '../lib/series'

export interface Visit {
  /** The signed-in person's organisation (null: an account without one), null when signed out. */
  organisationId: number | null
  isSignedIn: boolean
  /** `previousVisitAt` of the session answer: null on the first visit. */
  previousVisitAt: string | null
  /** `latestComputedMonth` of the session answer: the month of the official figures' summaries. */
  latestMonth: string | null
  /** The browser's clock: the headline series start 25 months before its month. */
  now: Date
}

/** The footer's and the bell's calls, on every page. */
function shellCalls(visit: Visit): string[] {
  return ['/api/v1/about', ...(visit.isSignedIn ? ['/api/v1/notifications'] : [])]
}

/** The start page's own calls for a member with an organisation (start-page.tsx and its parts). */
export function startPageCalls(visit: Visit & { organisationId: number }): string[] {
  const org = String(visit.organisationId)
  const calls = [
    // The official figures of the own organisation in the ring (official-figures.tsx).
    buildUrl('/api/v1/kpi/summaries', { org, group: 'ring' }),
    // Open actions, the own organisation's headline series, new since the last visit.
    buildUrl('/api/v1/actions', { scope: 'mine', status: 'open' }),
    '/api/v1/indicators',
    '/api/v1/organisations',
    buildUrl('/api/v1/observations/series', {
      org,
      indicators: 'elb,lzb,integrations,ae_elb',
      from: addMonths(currentMonth(visit.now), -25),
      breakdown: 'total',
    }),
    '/api/v1/imports',
  ]
  // A returning member: the official figures of the latest month as known at the last visit.
  if (visit.previousVisitAt !== null && visit.latestMonth !== null)
    calls.push(
      buildUrl('/api/v1/kpi/summaries', {
        org,
        period: visit.latestMonth.slice(0, 7),
        asOf: visit.previousVisitAt,
        group: 'ring',
      }),
    )
  return calls
}

/** Every call of the first load of `path`, the shell's included. */
export function firstLoadCalls(path: string, visit: Visit): string[] {
  const calls = shellCalls(visit)
  if (path === '/' && visit.isSignedIn && visit.organisationId !== null)
    calls.push(...startPageCalls({ ...visit, organisationId: visit.organisationId }))
  return calls
}
