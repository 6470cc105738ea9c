/**
 * The walk: every page of the web router, as each demo role, in one language (walk-de and walk-en
 * run as two files, so the two workers share them), at 1440 px and
 * on a 390 px phone (and at 1280 px by resizing), on the demo network with its key figures. Saves a
 * screenshot of each page at both widths (test-results/walk/<role>-<lang>-<width>-<page>.png; not in
 * CI, see TAKES_SCREENSHOTS) and fails
 * with one list of everything it found: sideways scrolling, text of the other language, raw catalogue
 * keys, ISO dates and periods, wrong decimal marks, charts without bars on the phone, console errors
 * and API calls that failed where the page did not expect it. The checks are in walk.ts.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_MEMBER_AGS } from '../src/features/demo/create-demo-accounts'
import { ROUTES } from '../web/src/app/routes'
import { buildUiIfMissing, settle, signInAs, startDemoApp, type DemoApp } from './demo-app'
import { findSeriousViolations } from './axe'
import { checkPageText, dataTextForms, findEmptyCharts, findOverflow, type Language } from './walk'

const WALK_DIR = join(import.meta.dirname, '../test-results/walk')
const WIDE = 1440
const NARROW = 390
/** Also checked for sideways scrolling, by resizing the wide page. */
const LAPTOP = 1280
/**
 * The screenshots are for people to look at, not checks: a quarter of the walk's time goes into them,
 * so CI (`CI=true`, where nobody looks) leaves them out unless `WALK_SCREENSHOTS=1` asks for them.
 */
const TAKES_SCREENSHOTS = process.env.WALK_SCREENSHOTS === '1' || !process.env.CI

/** The five demo roles (src/features/demo/create-demo-accounts.ts). */
const ROLES = ['admin', 'moderator', 'member_lead', 'member_analyst', 'viewer'] as const
type Role = (typeof ROLES)[number]

/** Routes the walk does not open signed in: the sign-in pages are walked signed out. */
const SIGNED_OUT_ROUTES = new Set(['sign-in', 'password-reset', 'invitation'])
/** The single sign-on callback needs a provider's answer; single-sign-on.browser.test.ts opens it. */
const NOT_WALKED = new Set(['sign-in-sso'])

/**
 * API answers ≥ 400 a page expects, per route id, as "METHOD status /api/path-pattern" regular
 * expressions: anything else that fails is a finding.
 */
const EXPECTED_FAILURES: Record<string, RegExp[]> = {
  // Signed out, the shell asks for the session and learns that there is none.
  'sign-in': [/^GET 401 \/api\/v1\/session$/],
  'password-reset': [/^GET 401 \/api\/v1\/session$/],
  invitation: [/^GET 401 \/api\/v1\/session$/],
}

let demo: DemoApp
/** Ids the same for every role: the demo member's organisation, a peer of it, a figure. */
let shared: { kcaId: number; peerId: number; figureCode: string }
/** Names and texts people wrote, in the language they wrote them (walk.ts, dataTextForms). */
let dataTexts: string[]

/**
 * What the demo's people and sources wrote, in whatever language: names of organisations, rings and
 * networks, the sources and legal bases of figures, practices, topics, meetings, agenda items,
 * actions, decisions, comments and data collections. Texts the server makes are not among them.
 */
async function collectDataTexts(): Promise<string[]> {
  const db = demo.database.db
  const texts: (string | null)[] = []
  const add = (rows: Record<string, string | null>[]) =>
    rows.forEach((row) => texts.push(...Object.values(row)))
  add(await db.selectFrom('organisation').select(['name', 'short_name']).execute())
  add(await db.selectFrom('organisation_site').select('name').execute())
  add(await db.selectFrom('ring').select('name').execute())
  add(await db.selectFrom('network').select(['name', 'description']).execute())
  add(await db.selectFrom('indicator').select(['source', 'licence']).execute())
  add(await db.selectFrom('kpi_definition').select('legal_source').execute())
  add(
    await db
      .selectFrom('practice')
      .select(['title', 'problem', 'approach', 'resources', 'results', 'contact'])
      .execute(),
  )
  add(await db.selectFrom('practice_topic').select('topic').execute())
  add(await db.selectFrom('topic').select(['title', 'description']).execute())
  add(await db.selectFrom('meeting').select(['title', 'venue', 'cancel_reason']).execute())
  add(
    await db
      .selectFrom('agenda_item')
      .select(['title', 'description', 'presenter_name', 'minutes'])
      .execute(),
  )
  add(await db.selectFrom('action_item').select('title').execute())
  add(await db.selectFrom('decision').select('text').execute())
  add(await db.selectFrom('minutes_comment').select('text').execute())
  add(await db.selectFrom('data_collection').select(['title', 'instructions']).execute())
  return dataTextForms(texts.filter((text): text is string => text !== null))
}

/** Starts the demo app and reads the shared ids: called inside the walk's describe block. */
function startTheDemo(): void {
  beforeAll(async () => {
    buildUiIfMissing()
    mkdirSync(WALK_DIR, { recursive: true })
    demo = await startDemoApp()
    const db = demo.database.db
    const kca = await db
      .selectFrom('organisation_area')
      .select('organisation_id')
      .where('ags5', '=', DEMO_MEMBER_AGS)
      .executeTakeFirstOrThrow()
    const peer = await db
      .selectFrom('organisation')
      .select('id')
      .where('is_demo', '=', true)
      .where('id', '!=', kca.organisation_id)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const figure = await db
      .selectFrom('kpi_definition')
      .select('code')
      .orderBy('code')
      .executeTakeFirstOrThrow()
    shared = { kcaId: kca.organisation_id, peerId: peer.id, figureCode: figure.code }
    dataTexts = await collectDataTexts()
  })

  afterAll(async () => demo?.close())
}

/** Ids the signed-in role can see, read through the API as the pages do. */
async function roleIds(
  page: Page,
): Promise<{ meeting?: number; heldMeeting?: number; practice?: number; collection?: number }> {
  const read = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(`${demo.url}${path}`)
    expect(response.status(), path).toBe(200)
    return (await response.json()) as T
  }
  const { meetings } = await read<{ meetings: { id: number; status: string }[] }>('/api/v1/meetings')
  const { practices } = await read<{ practices: { id: number }[] }>('/api/v1/practices')
  const { collections } = await read<{ collections: { id: number }[] }>('/api/v1/collections')
  return {
    meeting: meetings.find((m) => m.status === 'invited' || m.status === 'planned')?.id ?? meetings[0]?.id,
    heldMeeting: meetings.find((m) => m.status === 'held' || m.status === 'minutes_approved')?.id,
    practice: practices[0]?.id,
    collection: collections[0]?.id,
  }
}

/** The pages a signed-in role walks: every signed-in route with real ids, as [name, path]. */
async function pagesFor(page: Page): Promise<[string, string][]> {
  const ids = await roleIds(page)
  const pages: [string, string][] = []
  for (const route of ROUTES) {
    if (SIGNED_OUT_ROUTES.has(route.id) || NOT_WALKED.has(route.id)) continue
    const add = (name: string, id: string | number | undefined) => {
      if (id !== undefined) pages.push([name, route.path.replace(/:\w+/, String(id))])
    }
    switch (route.id) {
      case 'figure':
        add('figure', shared.figureCode)
        break
      case 'organisation':
        add('organisation', shared.kcaId)
        add('organisation-peer', shared.peerId)
        break
      case 'meeting':
        add('meeting', ids.meeting)
        add('meeting-held', ids.heldMeeting)
        break
      case 'practice':
      case 'practice-edit':
        add(route.id, ids.practice)
        break
      case 'collection':
        add('collection', ids.collection)
        break
      default:
        if (route.path.includes(':')) throw new Error(`the walk has no id for ${route.path}: add it`)
        pages.push([route.id, route.path])
    }
  }
  return pages
}

interface Walker {
  /** Findings as "<page> <width>: <what>". */
  findings: string[]
  walk(name: string, path: string): Promise<void>
}

/**
 * Walks pages in one language on `page`, collecting findings; screenshots are named by `prefix`.
 * axe runs on every page at the phone width in the German walk (the markup is the same in both
 * languages; the pages' own browser tests run axe at 1440 px).
 */
function walker(page: Page, language: Language, prefix: string): Walker {
  const withAxe = language === 'de'
  const findings: string[] = []
  let current = ''
  const add = (what: string) => {
    const finding = `${current}: ${what}`
    if (!findings.includes(finding)) findings.push(finding)
  }
  page.on('console', (message) => {
    // Failed requests are judged by their status below, with the page's expected failures.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      add(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => add(`script error: ${error.message}`))
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (!url.pathname.startsWith('/api/') || response.status() < 400) return
    const call = `${response.request().method()} ${response.status()} ${url.pathname}`
    const pageName = current.split(' ')[0]!
    if (!(EXPECTED_FAILURES[pageName] ?? []).some((pattern) => pattern.test(call)))
      add(`API call failed: ${call}`)
  })
  const shot = async (name: string, width: number) => {
    if (!TAKES_SCREENSHOTS) return
    await page.screenshot({
      path: join(WALK_DIR, `${prefix}-${language}-${width}-${name}.png`),
      fullPage: true,
    })
  }
  const resize = async (width: number) => {
    await page.setViewportSize({ width, height: width === NARROW ? 844 : 900 })
    // Two frames: the resize observers (tables, charts) run and the page lays out again.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  }
  return {
    findings,
    async walk(name, path) {
      current = `${name} ${WIDE}`
      await resize(WIDE)
      await page.goto(`${demo.url}${path}`)
      await settle(page)
      for (const finding of await findOverflow(page)) add(finding)
      for (const finding of await checkPageText(page, language, dataTexts)) add(finding)
      await shot(name, WIDE)
      current = `${name} ${LAPTOP}`
      await resize(LAPTOP)
      for (const finding of await findOverflow(page)) add(finding)
      current = `${name} ${NARROW}`
      await resize(NARROW)
      for (const finding of await findOverflow(page)) add(finding)
      for (const finding of await chartsAfterResize(page)) add(finding)
      for (const finding of await checkPageText(page, language, dataTexts)) add(finding)
      if (withAxe) for (const finding of await findSeriousViolations(page)) add(`axe: ${finding}`)
      await shot(name, NARROW)
    },
  }
}

/**
 * Charts redraw after their box's resize (without animation): empty charts, asked again every 100 ms
 * until they are drawn or a second and a half has passed.
 */
async function chartsAfterResize(page: Page): Promise<string[]> {
  const deadline = Date.now() + 1_500
  for (;;) {
    const empty = await findEmptyCharts(page)
    if (empty.length === 0 || Date.now() > deadline) return empty
    await page.waitForTimeout(100)
  }
}

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.evaluate((chosen) => window.localStorage.setItem('benchlearn.locale', chosen), language)
}

/** The walk in `language`: the sign-in pages signed out, then every page as each role. */
export function describeWalk(language: Language): void {
  describe(`the walk in ${language === 'de' ? 'German' : 'English'}`, () => {
    startTheDemo()

    it('every route is walked or has its reason not to be', () => {
      for (const route of ROUTES) expect(route.id).toMatch(/\S/)
      expect(
        ROUTES.filter((route) => route.isPublic)
          .map((route) => route.id)
          .sort(),
      ).toEqual([...SIGNED_OUT_ROUTES, ...NOT_WALKED].sort())
    })

    it(`signed out, ${language}: the sign-in pages`, async () => {
      await demo.browser.clearCookies()
      const page = await demo.browser.newPage()
      await page.goto(`${demo.url}/sign-in`)
      await chooseLanguage(page, language)
      const pages = walker(page, language, 'signed-out')
      await pages.walk('sign-in', '/sign-in')
      await pages.walk('password-reset', '/password-reset')
      // Without the link's token the page says what it is for.
      await pages.walk('invitation', '/invitation')
      await chooseLanguage(page, 'de')
      await page.close()
      expect(pages.findings).toEqual([])
    })

    for (const role of ROLES) {
      it(
        `${role}, ${language}: every page at ${WIDE}, ${LAPTOP} and ${NARROW} px`,
        { timeout: 300_000 },
        async () => {
          const page = await signInAs(demo, role satisfies Role)
          await chooseLanguage(page, language)
          const pages = walker(page, language, role)
          try {
            for (const [name, path] of await pagesFor(page)) await pages.walk(name, path)
          } finally {
            // signInAs expects the German start page.
            await chooseLanguage(page, 'de')
            await page.close()
          }
          expect(pages.findings).toEqual([])
        },
      )
    }
  })
}
