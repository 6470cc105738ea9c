/**
 * The API calls the start page (web/src/pages/start-page.tsx and the components it shows) makes when
 * a signed-in member opens it. The API benchmark loads exactly these, and a browser test
 * (test-browser/start-page-calls.browser.test.ts) records what the built page requests and fails
 * when the two differ, so the benchmark cannot drift from the page.
 */
import { addMonths } from '../src/core/periods/period'
import { currentMonth } from '../web/src/lib/series'

export interface StartPageVisit {
  /** The member's organisation (`user.organisationId` of the session answer). */
  organisationId: number
  /** `previousVisitAt` of the session answer: null on the first visit. */
  previousVisitAt: string | null
  /**
   * The latest computed month, the month of the official figures' summaries: YYYY-MM or the date of
   * its first day (`latestComputedMonth` of the data version).
   */
  latestMonth: string
  /** The browser's clock: the headline series start 25 months before its month. */
  now: Date
}

/** Path with its query, encoded as the web UI's buildUrl (URLSearchParams) encodes it. */
const url = (path: string, query?: Record<string, string>) =>
  query ? `${path}?${new URLSearchParams(query).toString()}` : path

/** Every `/api/` request of one start-page load by a member with an organisation, sorted. */
export function startPageCalls(visit: StartPageVisit): string[] {
  const org = String(visit.organisationId)
  const calls = [
    // The shell: session, the bell, the footer's health line.
    '/api/v1/session',
    '/api/v1/notifications',
    '/api/health',
    // The official figures of the own organisation in the ring (official-figures.tsx).
    url('/api/v1/kpi/summaries', { org, group: 'ring' }),
    // Open actions, the own organisation's headline series, new since the last visit.
    url('/api/v1/actions', { scope: 'mine', status: 'open' }),
    '/api/v1/indicators',
    '/api/v1/organisations',
    url('/api/v1/observations/series', {
      org,
      indicators: 'elb,lzb,integrations,ae_elb',
      from: addMonths(currentMonth(visit.now), -25),
      breakdown: 'total',
    }),
    '/api/v1/imports',
  ]
  // A returning member: the official figures of the latest month as known at the last visit.
  if (visit.previousVisitAt !== null)
    calls.push(
      url('/api/v1/kpi/summaries', {
        org,
        period: visit.latestMonth.slice(0, 7),
        asOf: visit.previousVisitAt,
        group: 'ring',
      }),
    )
  return calls.sort()
}

/** How the benchmark reports a call: its path, and whether it asks as of the last visit. */
export function callLabel(call: string): string {
  const [path, query] = call.split('?') as [string, string | undefined]
  return query && new URLSearchParams(query).has('asOf') ? `${path} as of the last visit` : path
}
