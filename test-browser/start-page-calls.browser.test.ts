/**
 * The API benchmark (bench/api.ts) loads the start page's calls as bench/start-page-calls.ts lists
 * them: the session and one batch of everything the shell and the page show. This test records every
 * `/api/` request the built start page makes for the demo member lead, on the first visit and on a
 * returning visit after signing in again, and fails when the page asks for anything else (or
 * anything twice: a component that asks on its own beside the batch), so the benchmark cannot drift
 * from the page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPageCalls } from '../bench/start-page-calls'
import { readDataVersion } from '../src/db/data-version'
import { settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp

beforeAll(async () => {
  demo = await startDemoApp()
})
afterAll(async () => demo?.close())

interface SessionAnswer {
  user: { organisationId: number | null }
  previousVisitAt: string | null
}

/** Opens the start page in `page` (signed in) and returns the `/api/` requests of that load, sorted. */
async function recordStartPageLoad(page: Page): Promise<{ calls: string[]; session: SessionAnswer }> {
  const calls: string[] = []
  const record = (request: { url(): string }) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) calls.push(`${url.pathname}${url.search}`)
  }
  page.on('request', record)
  const sessionAnswer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/session' && r.request().method() === 'GET',
  )
  await page.goto(`${demo.url}/`)
  const session = (await (await sessionAnswer).json()) as SessionAnswer
  await settle(page)
  await page.getByRole('region', { name: 'Amtliche Kennzahlen (§ 48a SGB II)' }).waitFor()
  // Lazy parts (the bell) load after the page: wait until nothing has been requested for a while.
  await page.waitForLoadState('networkidle')
  page.off('request', record)
  return { calls: calls.sort(), session }
}

describe('the start page asks for what the API benchmark loads', () => {
  it('on the first visit and on a returning visit of the member lead', async () => {
    const latestMonth = (await readDataVersion(demo.database.db)).latestComputedMonth
    expect(latestMonth).not.toBeNull()
    const expectedFor = (session: SessionAnswer) =>
      startPageCalls({
        organisationId: session.user.organisationId!,
        previousVisitAt: session.previousVisitAt,
        latestMonth: latestMonth!,
        now: new Date(),
      })

    const first = await signInAs(demo, 'member_lead')
    const firstVisit = await recordStartPageLoad(first)
    expect(firstVisit.session.previousVisitAt).toBeNull()
    expect(firstVisit.session.user.organisationId).not.toBeNull()
    expect(firstVisit.calls).toEqual(expectedFor(firstVisit.session))
    // The four headline series (one batched call) fill their table: a header and four rows.
    const latest = first.getByRole('table', { name: 'Neueste Werte Ihres Jobcenters' })
    expect(await latest.getByRole('row').count()).toBe(5)
    await first.close()

    // Signing in again makes the first sign-in the last visit: the page also asks what was known then.
    const again = await signInAs(demo, 'member_lead')
    const returning = await recordStartPageLoad(again)
    expect(returning.session.previousVisitAt).not.toBeNull()
    expect(returning.calls).toEqual(expectedFor(returning.session))
    // Two requests either way (the session, then one batch); the batch asks for one call more.
    const batched = (calls: string[]) =>
      new URLSearchParams(calls.find((c) => c.startsWith('/api/v1/batch?'))!.split('?')[1]).getAll('call')
    expect(returning.calls).toHaveLength(2)
    expect(batched(returning.calls)).toHaveLength(batched(firstVisit.calls).length + 1)
    await again.close()
  })
})
