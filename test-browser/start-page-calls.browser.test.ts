/**
 * The API benchmark (bench/api.ts) loads the start page as bench/start-page-calls.ts says: one
 * request, the first load, which the server answers with the session and every call the shell and
 * the page show. This test records every `/api/` request the built start page makes for the demo
 * member lead — on the first visit, on a returning visit, and on one after new values were
 * recorded — and fails when the page asks for anything else (a component that asks on its own beside
 * the first load), so the benchmark cannot drift from the page. It also checks that the server
 * answered the calls core/first-load lists for that visit.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPageRequests } from '../bench/start-page-calls'
import type { FirstLoadDto } from '../src/contracts/auth'
import { firstLoadCalls, lastVisitOf } from '../src/core/first-load/first-load-calls'
import { readDataVersion } from '../src/db/data-version'
import { importFile } from '../src/features/imports/import-file'
import { settle, signInAs, startDemoApp, type DemoApp } from './demo-app'

let demo: DemoApp

beforeAll(async () => {
  demo = await startDemoApp()
})
afterAll(async () => demo?.close())

/** Opens the start page in `page` (signed in) and returns the `/api/` requests of that load, sorted. */
async function recordStartPageLoad(page: Page): Promise<{ calls: string[]; firstLoad: FirstLoadDto }> {
  // What the page signed in on still asks for (parts that load after others) is not this load's.
  await settle(page)
  await page.waitForLoadState('networkidle')
  const calls: string[] = []
  const record = (request: { url(): string }) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) calls.push(`${url.pathname}${url.search}`)
  }
  page.on('request', record)
  const firstLoadAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/first-load')
  await page.goto(`${demo.url}/`)
  const firstLoad = (await (await firstLoadAnswer).json()) as FirstLoadDto
  await settle(page)
  await page.getByRole('region', { name: 'Amtliche Kennzahlen (§ 48a SGB II)' }).waitFor()
  // Lazy parts (the bell) load after the page: wait until nothing has been requested for a while.
  await page.waitForLoadState('networkidle')
  page.off('request', record)
  return { calls: calls.sort(), firstLoad }
}

describe('the start page asks for what the API benchmark loads', () => {
  it('on the first visit and on returning visits without and with new values', async () => {
    const latestMonth = (await readDataVersion(demo.database.db)).latestComputedMonth
    expect(latestMonth).not.toBeNull()
    /** The page made the one request, and the server answered what core/first-load lists, all 200. */
    const expectOneFirstLoad = ({ calls, firstLoad }: Awaited<ReturnType<typeof recordStartPageLoad>>) => {
      expect(calls).toEqual(startPageRequests())
      const session = firstLoad.session!
      expect(firstLoad.calls).toEqual(
        firstLoadCalls('/', {
          isSignedIn: true,
          canViewImports: session.abilities.canViewImports,
          organisationId: session.user.organisationId,
          lastVisit: lastVisitOf(session),
          latestMonth,
          now: new Date(),
        }),
      )
      expect(firstLoad.answers.map((a) => a.status)).toEqual(firstLoad.calls.map(() => 200))
      return firstLoad
    }

    const first = await signInAs(demo, 'member_lead')
    const firstVisit = expectOneFirstLoad(await recordStartPageLoad(first))
    expect(firstVisit.session!.previousVisitAt).toBeNull()
    expect(firstVisit.session!.hasValuesSinceLastVisit).toBe(false)
    expect(firstVisit.session!.user.organisationId).not.toBeNull()
    // The four headline series (one call of the first load) fill their table: a header and four rows.
    const latest = first.getByRole('table', { name: 'Neueste Werte Ihres Jobcenters' })
    expect(await latest.getByRole('row').count()).toBe(5)
    await first.close()

    // Signing in again makes the first sign-in the last visit. Nothing was recorded since: what was
    // known then is today's, so the page asks for nothing more and says that nothing is new.
    const again = await signInAs(demo, 'member_lead')
    const returning = expectOneFirstLoad(await recordStartPageLoad(again))
    expect(returning.session!.previousVisitAt).not.toBeNull()
    expect(returning.session!.hasValuesSinceLastVisit).toBe(false)
    expect(returning.calls).toEqual(firstVisit.calls)
    await again.getByText(/Seit Ihrem letzten Besuch .*: 0 Kennzahlen neu oder revidiert/).waitFor()
    await again.close()

    // A value of the own job centre is revised: the next visit also asks what was known at the last one.
    const area = await demo.database.db
      .selectFrom('organisation_area')
      .select('ags5')
      .where('organisation_id', '=', returning.session!.user.organisationId!)
      .executeTakeFirstOrThrow()
    const imported = await importFile(demo.database, {
      fileName: 'revision.csv',
      bytes: new TextEncoder().encode(
        `org;indicator;period;value\n${area.ags5};elb;${latestMonth!.slice(0, 7)};12345\n`,
      ),
    })
    expect(imported.errors).toEqual([])
    const later = await signInAs(demo, 'member_lead')
    const afterImport = expectOneFirstLoad(await recordStartPageLoad(later))
    expect(afterImport.session!.hasValuesSinceLastVisit).toBe(true)
    expect(afterImport.calls).toHaveLength(firstVisit.calls.length + 1)
    await later.close()
  })
})
