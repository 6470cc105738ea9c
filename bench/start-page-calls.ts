/**
 * The API calls the start page makes when a signed-in member opens it: the session, then one batch
 * of everything the shell and the page show (web/src/app/first-load.ts lists them). The API
 * benchmark loads exactly these, and a browser test (test-browser/start-page-calls.browser.test.ts)
 * records what the built page requests and fails when the two differ, so the benchmark cannot drift
 * from the page.
 */
import { batchUrl } from '../web/src/api/client'
import { firstLoadCalls } from '../web/src/app/first-load'

export interface StartPageVisit {
  /** The member's organisation (`user.organisationId` of the session answer). */
  organisationId: number
  /** `previousVisitAt` of the session answer: null on the first visit. */
  previousVisitAt: string | null
  /** `latestComputedMonth` of the session answer (YYYY-MM-DD, or YYYY-MM). */
  latestMonth: string
  /** The browser's clock: the headline series start 25 months before its month. */
  now: Date
}

/** The calls the start page's first load batches, in the order it asks for them. */
export function batchedCalls(visit: StartPageVisit): string[] {
  return firstLoadCalls('/', { ...visit, isSignedIn: true })
}

/** Every `/api/` request of one start-page load by a member with an organisation, sorted. */
export function startPageCalls(visit: StartPageVisit): string[] {
  return ['/api/v1/session', batchUrl(batchedCalls(visit))].sort()
}

/** How the benchmark reports a call: its path (a batch with the number of its calls). */
export function callLabel(call: string): string {
  const [path, query] = call.split('?') as [string, string | undefined]
  if (path !== '/api/v1/batch') return path
  return `${path} (${new URLSearchParams(query).getAll('call').length} calls)`
}
