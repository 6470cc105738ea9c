/**
 * The requests the start page makes when a signed-in member opens it: one, the first load
 * (GET /api/v1/first-load?path=/), which the server answers with the session and every call the
 * shell and the page show (core/first-load/first-load-calls.ts lists them). The API benchmark loads
 * exactly this, and a browser test (test-browser/start-page-calls.browser.test.ts) records what the
 * built page requests and fails when it asks for anything else, so the benchmark cannot drift from
 * the page.
 */
import { buildUrl } from '../src/core/http/build-url'

/** Every `/api/` request of one start-page load, sorted: the first load alone. */
export function startPageRequests(): string[] {
  return [buildUrl('/api/v1/first-load', { path: '/' })]
}

/** How the benchmark reports a request: its path. */
export function callLabel(call: string): string {
  return call.split('?')[0]!
}
