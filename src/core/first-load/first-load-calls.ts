/**
 * What a page asks the server for on its first load: the footer, the bell and, on the start page,
 * the page's data. The server answers all of it with the session in one request
 * (GET /api/v1/first-load, features/auth/auth.routes.ts), and the web puts the answers where its
 * components look for them, instead of each component asking on its own. Each call is written
 * exactly as the component that reads it asks for it (`buildUrl`), so the components find their
 * answers loaded. A browser test (test-browser/start-page-calls.browser.test.ts) records the
 * requests of the built start page and fails when a component asks for anything beside it; the API
 * benchmark loads the same (bench/start-page-calls.ts).
 */
import { buildUrl } from '../http/build-url'
import { addMonths, formatPeriod, periodFromDate } from '../periods/period'

/** The signed-in person's last visit before this session: null on a first visit. */
export interface LastVisit {
  at: string
  /** Whether values were recorded since: only then can the figures known then differ from today's. */
  hasNewValues: boolean
}

/** The last visit a session answer tells of (`previousVisitAt`, `hasValuesSinceLastVisit`). */
export function lastVisitOf(
  session: { previousVisitAt: string | null; hasValuesSinceLastVisit: boolean } | null | undefined,
): LastVisit | null {
  if (!session?.previousVisitAt) return null
  return { at: session.previousVisitAt, hasNewValues: session.hasValuesSinceLastVisit }
}

export interface Visit {
  /** The signed-in person's organisation (null: an account without one), null when signed out. */
  organisationId: number | null
  isSignedIn: boolean
  /** Whether the session may see the import history (`abilities.canViewImports`). */
  canViewImports: boolean
  /** The last visit before this session (`lastVisitOf` the session answer): null on the first visit. */
  lastVisit: LastVisit | null
  /** `latestComputedMonth` of the session answer: the month of the official figures' summaries. */
  latestMonth: string | null
  /** The clock: the headline series start 25 months before its month. */
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
      from: addMonths(formatPeriod(periodFromDate(visit.now, 'monthly')), -25),
      breakdown: 'total',
    }),
    ...(visit.canViewImports ? ['/api/v1/imports'] : []),
  ]
  // A returning member after new values were recorded: the official figures of the latest month
  // as known at the last visit (without new values, they are today's: official-figures.tsx).
  if (visit.lastVisit?.hasNewValues && visit.latestMonth !== null)
    calls.push(
      buildUrl('/api/v1/kpi/summaries', {
        org,
        period: visit.latestMonth.slice(0, 7),
        asOf: visit.lastVisit.at,
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
