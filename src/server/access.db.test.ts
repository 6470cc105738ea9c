/**
 * The access test: every API route × every role × (own organisation / ring peer / outside
 * organisation), through the app. It asserts each route's rule and scans every response for
 * names, district keys and figures of organisations the caller may not see by name.
 *
 * A route without a case in ACCESS_CASES fails this test: add one when you add a route.
 *
 * Values come in two confidentiality classes (docs/security.md). The world's series (elb, lzb and
 * the official figures computed from them) are first declared network-confidential, as a network may declare any series,
 * and every route runs against the network rules; then they are set back to public, their real
 * class, and the routes that read values run again: public values of organisations outside the
 * caller's view are shown by name, pseudonymised peers stay pseudonymised.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIN_AGGREGATE_SIZE, type Role } from '../core/permissions'
import { importFile } from '../features/imports/import-file'
import { computeKeyFigures } from '../features/kpi/compute-key-figures'
import type { AccessWorld, Target, Visibility, WorldOrg } from '../test/access-cases/access-case'
import { createBoundaryAccessCases } from '../test/access-cases/boundaries'
import { createCollectionAccessCases } from '../test/access-cases/collections'
import { createImportRevisionAccessCases } from '../test/access-cases/import-revisions'
import { createKeyFigureSummariesAccessCases } from '../test/access-cases/key-figure-summaries'
import { createMailAccessCases } from '../test/access-cases/mail'
import { createMeetingAccessCases } from '../test/access-cases/meetings'
import { createObservationSeriesAccessCases } from '../test/access-cases/observation-series'
import { createPeerAccessCases } from '../test/access-cases/peers'
import { createPracticeAccessCases } from '../test/access-cases/practices-and-self-assessment'
import { createPublishedFigureAccessCases } from '../test/access-cases/published-figures'
import { createPotentialAccessCases } from '../test/access-cases/potentials'
import { createRingSharingAccessCases } from '../test/access-cases/ring-sharing'
import { createSingleSignOnAccessCases } from '../test/access-cases/single-sign-on'
import { createJobcentre, createRing, createUser, seedReferenceData } from '../test/factories'
import { signIn, type SignedIn } from '../test/sign-in'
import { useTestDatabase } from '../test/use-test-database'
import { buildApp } from './app'
import { isPublicRoute } from './route'
import { allRoutes } from './routes'
import { multipartFile } from '../test/multipart'

const t = useTestDatabase()
let app: FastifyInstance

// ---- The world: ring 1 shares by name, ring 2 under pseudonyms, six job centres each. ----

const RING1_AGS = ['06435', '06431', '06432', '06433', '06434', '06436']
const RING2_AGS = ['06437', '06438', '06439', '06440', '01058', '16063']

type Org = WorldOrg
const orgs = new Map<string, Org>()
const org = (key: string) => orgs.get(key)!

type Caller =
  | 'anonymous'
  | 'admin'
  | 'moderator'
  | 'moderatorRing1'
  | 'leadA'
  | 'analystA'
  | 'viewerA'
  | 'leadB'
  | 'analystB'
const CALLERS: Caller[] = [
  'anonymous',
  'admin',
  'moderator',
  'moderatorRing1',
  'leadA',
  'analystA',
  'viewerA',
  'leadB',
  'analystB',
]
const ACCOUNTS: Record<Exclude<Caller, 'anonymous'>, { role: Role; org?: string; email: string }> = {
  admin: { role: 'admin', email: 'admin@access.test' },
  moderator: { role: 'moderator', email: 'moderator@access.test' },
  moderatorRing1: { role: 'moderator', email: 'moderator.ring1@access.test' },
  leadA: { role: 'member_lead', org: 'A1', email: 'lead.a1@access.test' },
  analystA: { role: 'member_analyst', org: 'A1', email: 'analyst.a1@access.test' },
  viewerA: { role: 'viewer', org: 'A1', email: 'viewer.a1@access.test' },
  leadB: { role: 'member_lead', org: 'B1', email: 'lead.b1@access.test' },
  analystB: { role: 'member_analyst', org: 'B1', email: 'analyst.b1@access.test' },
}
const sessions = new Map<Caller, SignedIn>()
const userIds = new Map<Caller, number>()
const roleOf = (caller: Caller): Role | null => (caller === 'anonymous' ? null : ACCOUNTS[caller].role)

/** "own / peer / outside" seen from each caller; network roles see ring 1 as "their" ring. */
function targetOrg(caller: Caller, target: Exclude<Target, 'none'>): Org {
  const isB = caller === 'leadB' || caller === 'analystB'
  if (target === 'own') return org(isB ? 'B1' : 'A1')
  if (target === 'peer') return org(isB ? 'B2' : 'A2')
  return org(isB ? 'A3' : 'B3')
}

/** The class of the world's values (elb, K2) in the current pass. */
let valueClass: 'network' | 'public' = 'network'

/**
 * The oracle, written out by hand and independent of src/core/permissions. Public values of
 * organisations a signed-in caller may not see otherwise are seen by name.
 */
function expectedVisibility(caller: Caller, o: Org): Visibility {
  const visibility = networkVisibility(caller, o)
  return valueClass === 'public' && caller !== 'anonymous' && visibility === 'none' ? 'named' : visibility
}

function networkVisibility(caller: Caller, o: Org): Visibility {
  switch (caller) {
    case 'anonymous':
      return 'none'
    case 'admin':
    case 'moderator':
      return 'full'
    case 'moderatorRing1':
      return o.ring === 1 ? 'full' : 'none'
    case 'leadA':
    case 'analystA':
    case 'viewerA':
      return o.key === 'A1' ? 'full' : o.ring === 1 ? 'named' : 'none'
    case 'leadB':
    case 'analystB':
      return o.key === 'B1' ? 'full' : o.ring === 2 ? 'pseudonymised' : 'none'
  }
}

// ---- How to call each route, and what each caller may get. ----

interface CallContext {
  caller: Caller
  target: Target
  org: Org | null
}

interface AccessCase {
  /** Which targets the route is called with ('none': the route is not about one organisation). */
  targets: Target[]
  call(context: CallContext): InjectOptions | Promise<InjectOptions>
  /** Assertions for a signed-in caller (anonymous callers are checked generically). */
  expect(context: CallContext, response: LightMyRequestResponse): void
  /** Sign in a separate session for the call (for routes that end the session). */
  isFreshSession?: boolean
}

const ORG_TARGETS: Target[] = ['own', 'peer', 'outside']
const status = (response: LightMyRequestResponse) => response.statusCode
const allowed = (caller: Caller, roles: Role[]) => roles.includes(roleOf(caller)!)

/** The world as the case files in src/test/access-cases see it. */
const world: AccessWorld = {
  database: () => t.database,
  allOrgs: () => [...orgs.values()],
  org,
  expectedVisibility,
  roleOf,
}

const ACCESS_CASES: Record<string, AccessCase> = {
  getHealth: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/health' }),
    expect: (_c, r) => expect(status(r)).toBe(200),
  },
  getAbout: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/about' }),
    expect: (_c, r) => {
      expect(status(r)).toBe(200)
      expect(Object.keys(r.json()).sort()).toEqual(['isDemo', 'version'])
    },
  },
  signIn: {
    targets: ['none'],
    call: ({ caller }) => ({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: `nobody-${caller}@access.test`, password: 'wrong password' },
    }),
    expect: (_c, r) => {
      expect(status(r)).toBe(401)
      expect(r.json().error.key).toBe('signIn.wrong')
    },
  },
  getSession: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/session' }),
    expect: ({ caller }, r) => {
      expect(status(r)).toBe(200)
      expect(r.json().user.role).toBe(roleOf(caller))
      expect(r.json().abilities.canViewAuditLog).toBe(caller === 'admin')
    },
  },
  // Public: signed out, the shell's calls alone; signed in, the own session (its token only in the
  // header) and the calls of the start page answered for this caller (each as alone: batch tests).
  getFirstLoad: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/first-load?path=%2F' }),
    expect: ({ caller }, r) => {
      expect(status(r)).toBe(200)
      const answer = r.json()
      if (caller === 'anonymous') {
        expect(answer.session).toBeNull()
        expect(answer.calls).toEqual(['/api/v1/about'])
        return
      }
      expect(answer.session.user.role).toBe(roleOf(caller))
      expect(answer.session).not.toHaveProperty('csrfToken')
      expect(r.headers['x-csrf-token']).toEqual(expect.any(String))
      // The start page asks only for what its caller may see (figures of a world without key figures
      // may be missing: 404 in their slot).
      const refused = (answer.answers as { status: number }[])
        .map((a, i) => ({ call: answer.calls[i], status: a.status }))
        .filter((a) => a.status === 401 || a.status === 403)
      expect(refused).toEqual([])
    },
  },
  signOut: {
    targets: ['none'],
    isFreshSession: true,
    call: () => ({ method: 'DELETE', url: '/api/v1/session' }),
    expect: (_c, r) => expect(status(r)).toBe(200),
  },
  changePassword: {
    targets: ['none'],
    call: () => ({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { currentPassword: 'not the password', newPassword: 'a brand new password' },
    }),
    expect: (_c, r) => expect(status(r)).toBe(422),
  },
  acceptInvitation: {
    targets: ['none'],
    call: () => ({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: {
        token: 'not-a-real-invitation-token',
        name: 'X',
        email: 'x@access.test',
        password: 'long enough password',
      },
    }),
    expect: (_c, r) => expect(status(r)).toBe(404),
  },
  previewInvitation: {
    targets: ['none'],
    call: () => ({
      method: 'POST',
      url: '/api/v1/invitations/preview',
      payload: { token: 'not-a-real-invitation-token' },
    }),
    expect: (_c, r) => expect(status(r)).toBe(404),
  },
  createInvitation: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { role: 'viewer', organisationId: o!.id },
    }),
    expect: ({ caller, org: o }, r) => {
      if (!allowed(caller, ['admin', 'moderator'])) return expect(status(r)).toBe(403)
      const mayInvite = expectedVisibility(caller, o!) === 'full'
      expect(status(r)).toBe(mayInvite ? 200 : 403)
      if (mayInvite) expect(r.json().path).toMatch(/^\/invitation#/)
    },
  },
  listUsers: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/users' }),
    expect: ({ caller }, r) => {
      if (!allowed(caller, ['admin', 'moderator'])) return expect(status(r)).toBe(403)
      expect(status(r)).toBe(200)
      const emails: string[] = r.json().users.map((u: { email: string }) => u.email)
      for (const [other, account] of Object.entries(ACCOUNTS)) {
        const isMemberOf = account.org ? expectedVisibility(caller, org(account.org)) === 'full' : false
        const shouldSee =
          caller === 'admin' ||
          other === caller ||
          (account.role !== 'admin' && account.role !== 'moderator' && isMemberOf)
        expect(emails.includes(account.email), `${caller} sees ${account.email}`).toBe(shouldSee)
      }
    },
  },
  updateUser: {
    targets: ['own', 'outside'],
    call: ({ caller, target }) => {
      // A member account of the target organisation (ring 1: viewer of A1; ring 2: analyst of B1).
      const isB = caller === 'leadB' || caller === 'analystB'
      const account: Caller = (target === 'own') !== isB ? 'viewerA' : 'analystB'
      return { method: 'PATCH', url: `/api/v1/users/${userIds.get(account)}`, payload: { locale: 'de' } }
    },
    expect: ({ caller, target }, r) => {
      if (!allowed(caller, ['admin', 'moderator'])) return expect(status(r)).toBe(403)
      const mayManage = caller !== 'moderatorRing1' || target === 'own'
      expect(status(r)).toBe(mayManage ? 200 : 404)
    },
  },
  listAudit: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/audit' }),
    expect: ({ caller }, r) => {
      expect(status(r)).toBe(caller === 'admin' ? 200 : 403)
      if (caller === 'admin') expect(r.json().entries.length).toBeGreaterThan(0)
    },
  },
  listOrganisations: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/organisations' }),
    expect: ({ caller }, r) => {
      expect(status(r)).toBe(200)
      const listed: { id: number; name: string; isPseudonymised: boolean; areas: unknown[] }[] =
        r.json().organisations
      for (const o of orgs.values()) {
        const visibility = expectedVisibility(caller, o)
        const byName = listed.find((l) => l.name === o.name)
        expect(Boolean(byName), `${caller} sees ${o.key} by name`).toBe(
          visibility === 'full' || visibility === 'named',
        )
      }
      const pseudonymised = listed.filter((l) => l.isPseudonymised)
      const expectedPseudonyms = [...orgs.values()].filter(
        (o) => expectedVisibility(caller, o) === 'pseudonymised',
      )
      expect(pseudonymised.length).toBe(expectedPseudonyms.length)
      for (const p of pseudonymised) {
        expect(p.id).toBeLessThan(0)
        expect(p.name).toMatch(/^Jobcenter [A-Z]+ \(Vergleichsring 2\)$/)
        expect(p.areas).toEqual([])
      }
    },
  },
  listRings: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/rings?at=2024-03-01' }),
    expect: ({ caller }, r) => {
      expect(status(r)).toBe(200)
      const rings: { code: string; members: { name: string }[]; memberCount: number }[] = r.json().rings
      expect(rings.map((ring) => ring.memberCount)).toEqual([6, 6])
      for (const ring of rings) {
        const ringNumber = ring.code === 'T1' ? 1 : 2
        const seesMembers = [...orgs.values()].some(
          (o) => o.ring === ringNumber && expectedVisibility(caller, o) !== 'none',
        )
        expect(ring.members.length, `${caller} sees members of ${ring.code}`).toBe(seesMembers ? 6 : 0)
      }
    },
  },
  listIndicators: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/indicators' }),
    expect: (_c, r) => expect(status(r)).toBe(200),
  },
  listMappings: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/mappings' }),
    expect: (_c, r) => expect(status(r)).toBe(200),
  },
  listObservations: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({ method: 'GET', url: `/api/v1/observations?org=${o!.ags}&indicator=elb` }),
    expect: ({ caller, org: o }, r) => {
      const visibility = expectedVisibility(caller, o!)
      const mayRead = visibility === 'full' || visibility === 'named'
      expect(status(r), `${caller} reads figures of ${o!.key}`).toBe(mayRead ? 200 : 404)
      if (mayRead) expect(r.json().observations[0].value).toBe(o!.value)
    },
  },
  uploadImport: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipartFile('upload.csv', `org;indicator;period;value\n${o!.ags};elb;2024-02;${o!.value + 1}\n`),
    }),
    expect: ({ caller, target }, r) => {
      if (!allowed(caller, ['admin', 'member_analyst'])) return expect(status(r)).toBe(403)
      if (caller === 'admin' || target === 'own') return expect(status(r)).toBe(200)
      // A dry run reports the rejected rows in its summary; a real upload refuses the file (422).
      expect(status(r)).toBe(200)
      expect(r.json()).toMatchObject({ isCommitted: false, rowsImported: 0, changes: [] })
      expect(r.json().errors[0].message).toMatch(/another organisation; you may upload data only for/)
    },
  },
  listImports: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/imports' }),
    expect: ({ caller }, r) => {
      if (!allowed(caller, ['admin', 'moderator', 'member_lead', 'member_analyst']))
        return expect(status(r)).toBe(403)
      expect(status(r)).toBe(200)
      const files: string[] = r.json().batches.map((b: { fileName: string }) => b.fileName)
      expect(files.includes('all.csv'), `${caller} sees the network-wide batch`).toBe(
        caller === 'admin' || caller === 'moderator',
      )
      for (const o of orgs.values()) {
        const isOwnUpload = files.includes(`own-${o.key}.csv`)
        expect(isOwnUpload, `${caller} sees the upload of ${o.key}`).toBe(
          expectedVisibility(caller, o) === 'full',
        )
      }
    },
  },
  listKeyFigures: {
    targets: ['none'],
    call: () => ({ method: 'GET', url: '/api/v1/kpi/figures' }),
    expect: (_c, r) => {
      expect(status(r)).toBe(200)
      expect(r.json().figures).toHaveLength(15)
    },
  },
  createKeyFigure: {
    targets: ['none'],
    // A broken formula: allowed callers get the parse error (nothing is written), others 403.
    call: () => ({
      method: 'POST',
      url: '/api/v1/kpi/figures',
      payload: { code: 'ACCESS_TEST', nameDe: 'T', nameEn: 'T', numerator: 'elb +', polarity: 'context' },
    }),
    expect: ({ caller }, r) =>
      expect(status(r)).toBe(allowed(caller, ['admin', 'moderator', 'member_analyst']) ? 422 : 403),
  },
  computeKeyFigures: {
    targets: ['none'],
    call: () => ({ method: 'POST', url: '/api/v1/kpi/compute', payload: {} }),
    expect: ({ caller }, r) => expect(status(r)).toBe(allowed(caller, ['admin', 'moderator']) ? 200 : 403),
  },
  listKeyFigureValues: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'GET',
      url: `/api/v1/kpi/values?figure=K2&org=${o!.ags}&from=2024-02&to=2024-02`,
    }),
    expect: ({ caller, org: o }, r) => {
      const visibility = expectedVisibility(caller, o!)
      expect(status(r), `${caller} reads key figures of ${o!.key}`).toBe(
        visibility === 'full' || visibility === 'named' ? 200 : 404,
      )
    },
  },
  getKeyFigureGroupStatistics: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'GET',
      url: `/api/v1/kpi/group-statistics?figure=K2&org=${o!.ags}&group=ring&period=2024-02`,
    }),
    expect: ({ caller, org: o }, r) => {
      const visibility = expectedVisibility(caller, o!)
      const mayRead = visibility === 'full' || visibility === 'named'
      expect(status(r), `${caller} reads the ring of ${o!.key}`).toBe(mayRead ? 200 : 404)
      if (!mayRead) return
      // Rings have six members (≥ MIN_AGGREGATE_SIZE): aggregates over all, names only where visible.
      expect(r.json().missing).toBe(6)
      for (const m of r.json().members as { organisationId: number }[]) {
        const member = [...orgs.values()].find((x) => x.id === m.organisationId)!
        expect(['full', 'named']).toContain(expectedVisibility(caller, member))
      }
    },
  },
  getKeyFigureContextModel: {
    targets: ['none'],
    // The test world has no context data: every signed-in caller gets past the access check to
    // the regression's own complaint.
    call: () => ({ method: 'GET', url: '/api/v1/kpi/context-model?figure=K2&period=2024-02' }),
    expect: (_c, r) => expect(status(r)).toBe(422),
  },
  getKeyFigureExcellence: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'GET',
      url: `/api/v1/kpi/excellence?figure=K2&org=${o!.ags}&group=ring&period=2024-02`,
    }),
    expect: ({ caller, org: o }, r) => {
      const visibility = expectedVisibility(caller, o!)
      expect(status(r)).toBe(visibility === 'full' || visibility === 'named' ? 200 : 404)
    },
  },
  getKeyFigureSummary: {
    targets: ORG_TARGETS,
    call: ({ org: o }) => ({
      method: 'GET',
      url: `/api/v1/kpi/summary?figure=K2&org=${o!.ags}&group=ring&period=2024-02`,
    }),
    expect: ({ caller, org: o }, r) => {
      const visibility = expectedVisibility(caller, o!)
      expect(status(r)).toBe(visibility === 'full' || visibility === 'named' ? 200 : 404)
    },
  },
  ...createPracticeAccessCases(world),
  ...createMeetingAccessCases(world),
  ...createRingSharingAccessCases(world),
  ...createKeyFigureSummariesAccessCases(world),
  ...createObservationSeriesAccessCases(world),
  ...createPeerAccessCases(world),
  ...createBoundaryAccessCases(world),
  ...createImportRevisionAccessCases(world),
  ...createCollectionAccessCases(world),
  ...createPublishedFigureAccessCases(world),
  ...createMailAccessCases(world),
  ...createSingleSignOnAccessCases(world),
  ...createPotentialAccessCases(world),
}

// ---- Set-up ----

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  let networkId: number | undefined
  let ring1Id = 0
  for (const [ringIndex, agsList] of [RING1_AGS, RING2_AGS].entries()) {
    const ring = (ringIndex + 1) as 1 | 2
    const keys = agsList.map((_, i) => `${ring === 1 ? 'A' : 'B'}${i + 1}`)
    const created = await createRing(db, {
      networkId,
      code: `T${ring}`,
      name: `Vergleichsring ${ring}`,
      sharing: ring === 1 ? 'named' : 'pseudonymised',
      members: agsList.map((ags5, i) => ({
        ags5,
        name: `Probe-Jobcenter ${keys[i]}x`,
        shortName: `PJC ${keys[i]}x`,
      })),
    })
    networkId = created.networkId
    if (ring === 1) ring1Id = created.ringId
    for (const [i, key] of keys.entries()) {
      const [ags, id] = [agsList[i]!, created.memberIds[i]!]
      orgs.set(key, {
        key,
        ring,
        ags,
        name: `Probe-Jobcenter ${key}x`,
        id,
        value: 91000 + ring * 100 + i + 0.25,
      })
    }
  }
  for (const [caller, account] of Object.entries(ACCOUNTS) as [
    Exclude<Caller, 'anonymous'>,
    (typeof ACCOUNTS)['admin'],
  ][]) {
    userIds.set(
      caller,
      await createUser(db, {
        email: account.email,
        role: account.role,
        organisationId: account.org ? org(account.org).id : null,
        moderatedRingIds: caller === 'moderatorRing1' ? [ring1Id] : undefined,
      }),
    )
  }
  const rows = [...orgs.values()].map((o) => `${o.ags};elb;2024-01;${o.value}`).join('\n')
  const encode = (text: string) => new TextEncoder().encode(text)
  await importFile(t.database, {
    fileName: 'all.csv',
    bytes: encode(`org;indicator;period;value\n${rows}\n`),
  })
  // One upload by each organisation for itself (as its analyst would), for the import history.
  for (const o of orgs.values()) {
    await importFile(t.database, {
      fileName: `own-${o.key}.csv`,
      bytes: encode(`org;indicator;period;value\n${o.ags};elb;2023-12;${o.value}\n`),
      onlyOrganisation: { id: o.id, name: o.name },
    })
  }
  await declareWorldClass('network')
  app = await buildApp({ database: t.database, now: () => new Date('2024-03-01T12:00:00Z') })
  for (const caller of CALLERS)
    if (caller !== 'anonymous') sessions.set(caller, await signIn(app, ACCOUNTS[caller].email))
})
afterAll(async () => app?.close())

/**
 * Declares the class of the world's values: its series (elb, lzb …) and the official figures
 * computed from them, as a network (for series it collects itself) or an office would.
 */
async function declareWorldClass(confidentiality: 'network' | 'public') {
  const db = t.database.db
  await db.updateTable('indicator').set({ confidentiality }).where('is_own', '=', false).execute()
  await db.updateTable('kpi_definition').set({ confidentiality }).where('is_official', '=', true).execute()
  valueClass = confidentiality
}

// ---- Generic checks applied to every response ----

/**
 * Names, district keys and figures of organisations the caller may not see by name must not appear
 * (unless the caller sent them: an error may quote the caller's own input).
 */
function assertNoLeak(caller: Caller, label: string, response: LightMyRequestResponse, request: string) {
  const body = response.body
  for (const o of orgs.values()) {
    if (request.includes(o.ags) || request.includes(o.name)) continue
    const visibility = expectedVisibility(caller, o)
    if (visibility === 'full' || visibility === 'named') continue
    expect(body.includes(o.name), `${label}: leaks the name of ${o.key}`).toBe(false)
    expect(body.includes(`"${o.ags}"`), `${label}: leaks the district key of ${o.key}`).toBe(false)
    if (visibility === 'none')
      expect(body.includes(String(o.value)), `${label}: leaks a figure of ${o.key}`).toBe(false)
  }
  assertAggregatesLargeEnough(label, response)
}

/** Any object that reports an organisationCount below the minimum must not carry a statistic. */
function assertAggregatesLargeEnough(label: string, response: LightMyRequestResponse) {
  if (!response.headers['content-type']?.toString().includes('json')) return
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    // Whatever the route: statistics that pool hidden organisations carry no order statistic.
    const disclosure = record.disclosure as { level?: string } | undefined
    if (disclosure?.level === 'mean_only')
      for (const key of ['median', 'q1', 'q3', 'min', 'max', 'best', 'standardDeviation'])
        expect(record[key] ?? null, `${label}: pools hidden organisations and shows ${key}`).toBeNull()
    if (typeof record.organisationCount === 'number' && record.organisationCount < MIN_AGGREGATE_SIZE) {
      for (const key of ['value', 'mean', 'median', 'min', 'max', 'sum'])
        expect(
          record[key] ?? null,
          `${label}: an aggregate of ${record.organisationCount} shows ${key}`,
        ).toBeNull()
    }
    Object.values(record).forEach(visit)
  }
  visit(response.json())
}

async function callAs(caller: Caller, testCase: AccessCase, context: CallContext) {
  const options = await testCase.call(context)
  const request = `${options.url} ${JSON.stringify(options.payload ?? '')}`
  if (caller === 'anonymous') return { response: await app.inject(options), request }
  const session = testCase.isFreshSession ? await signIn(app, ACCOUNTS[caller].email) : sessions.get(caller)!
  return { response: await session.inject(options), request }
}

/** Calls one route as every caller about each of its targets and checks the answers. */
async function checkRoute(route: (typeof allRoutes)[number]) {
  const testCase = ACCESS_CASES[route.operationId]
  if (!testCase)
    throw new Error(
      `no access case for ${route.operationId}: add it to ACCESS_CASES in src/server/access.db.test.ts`,
    )
  for (const caller of CALLERS) {
    for (const target of testCase.targets) {
      const context: CallContext = {
        caller,
        target,
        org: target === 'none' ? null : targetOrg(caller, target),
      }
      const label = `${route.operationId} (${valueClass} values) as ${caller}${target === 'none' ? '' : ` about ${target} (${context.org!.key})`}`
      const { response, request } = await callAs(caller, testCase, context)
      if (caller === 'anonymous' && !isPublicRoute(route)) {
        expect(response.statusCode, `${label}: anonymous callers get 401`).toBe(401)
        expect(response.headers['x-abilities'], label).toBeUndefined()
      } else if (caller !== 'anonymous') {
        try {
          testCase.expect(context, response)
        } catch (error) {
          throw new Error(
            `${label}: ${error instanceof Error ? error.message : String(error)}\n${response.body.slice(0, 500)}`,
          )
        }
        expect(response.headers['x-abilities'], `${label}: carries the abilities`).toBeDefined()
      } else {
        testCase.expect(context, response)
      }
      assertNoLeak(caller, label, response, request)
    }
  }
}

describe('access rules of every API route', () => {
  it('has a case for every route (add one to ACCESS_CASES when you add a route)', () => {
    const missing = allRoutes.map((r) => r.operationId).filter((id) => !ACCESS_CASES[id])
    expect(
      missing,
      `routes without an access case in src/server/access.db.test.ts: ${missing.join(', ')} — add how to call them and what each role may get`,
    ).toEqual([])
    const stale = Object.keys(ACCESS_CASES).filter((id) => !allRoutes.some((r) => r.operationId === id))
    expect(stale, 'access cases for routes that no longer exist').toEqual([])
  })

  for (const route of allRoutes) {
    it(`${route.operationId} (${route.method} ${route.url})`, () => checkRoute(route))
  }

  it("answers a hand-picked set with an organisation outside the caller's view as an unknown key", async () => {
    // Hidden (B3 for a member of ring 1) and pseudonymised (B3 for a member of ring 2) alike: a set
    // of real keys must neither pool a hidden value nor tell who is behind a pseudonym.
    const ask = (caller: Caller, own: string, other: string) =>
      sessions.get(caller)!.inject({
        method: 'GET',
        url: `/api/v1/kpi/group-statistics?figure=K2&org=${org(own).ags}&group=set&orgs=${other}&period=2024-02`,
      })
    for (const [caller, own] of [
      ['leadA', 'A1'],
      ['leadB', 'B1'],
    ] as const) {
      const hidden = await ask(caller, own, org('B3').ags)
      const unknown = await ask(caller, own, '09999')
      expect(hidden.statusCode, caller).toBe(404)
      expect(hidden.json().error.message.replace(org('B3').ags, 'KEY'), caller).toBe(
        unknown.json().error.message.replace('09999', 'KEY'),
      )
    }
    expect((await ask('leadA', 'A1', org('A3').ags)).statusCode).toBe(200)
    expect((await ask('admin', 'A1', org('B3').ags)).statusCode).toBe(200)
  })

  it('marks exactly the public routes with x-public in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const route of allRoutes) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
      const operation = doc.paths[path][route.method.toLowerCase()]
      expect(operation['x-public'] === true, route.operationId).toBe(isPublicRoute(route))
    }
  })
})

/**
 * A batch keeps each call's access: the series of an organisation asked for in a batch gets, in its
 * slot, what the series case expects of the call alone (anonymous callers: 401 in the slot).
 */
ACCESS_CASES.getBatch = {
  targets: ORG_TARGETS,
  async call(context) {
    const alone = (await ACCESS_CASES.listObservationSeries!.call(context)) as { url: string }
    return { method: 'GET', url: `/api/v1/batch?call=${encodeURIComponent(alone.url)}` }
  },
  expect(context, r) {
    expect(status(r), 'the batch itself is answered').toBe(200)
    const [part] = r.json().answers as { status: number; body: unknown }[]
    if (context.caller === 'anonymous') return expect(part!.status).toBe(401)
    const text = JSON.stringify(part!.body)
    ACCESS_CASES.listObservationSeries!.expect(context, {
      ...r,
      statusCode: part!.status,
      body: text,
      payload: text,
      json: () => part!.body,
    } as LightMyRequestResponse)
  },
}

/** The routes that read values of organisations: run again with the world's values public. */
const VALUE_ROUTES = [
  'getBatch',
  'getFirstLoad',
  'listObservations',
  'listObservationSeries',
  'listValueRevisions',
  'listKeyFigureValues',
  'getKeyFigureGroupStatistics',
  'getKeyFigureExcellence',
  'getKeyFigureSummary',
  'getKeyFigureSummaries',
]

describe('public values (published by an office) for every role', () => {
  beforeAll(async () => declareWorldClass('public'))
  afterAll(async () => declareWorldClass('network'))

  for (const operationId of VALUE_ROUTES) {
    const route = allRoutes.find((r) => r.operationId === operationId)!
    it(`${operationId} shows public values by name, pseudonyms stay`, () => checkRoute(route))
  }

  it("shows a gE job centre's public K2 by name, a network figure of it only as it may be pooled", async () => {
    const db = t.database.db
    // A gE job centre outside the network, of A1's comparison type: 12 months of raw series.
    const gE = await createJobcentre(db, {
      ags5: '05315',
      name: 'Jobcenter Köln (gE)',
      carrierType: 'gE',
      comparisonType: 'IIc',
    })
    await db
      .updateTable('organisation')
      .set({ comparison_type: 'IIc' })
      .where('id', '=', org('A1').id)
      .execute()
    const months = Array.from(
      { length: 12 },
      (_, i) => `${i < 10 ? '2023' : '2024'}-${String(((i + 2) % 12) + 1).padStart(2, '0')}`,
    )
    const rows = months.flatMap((m) => [`05315;elb;${m};1000`, `05315;integrations;${m};15`]).join('\n')
    const summary = await importFile(t.database, {
      fileName: 'ge-series.csv',
      bytes: new TextEncoder().encode(`org;indicator;period;value\n${rows}\n`),
    })
    expect(summary.errors).toEqual([])
    await computeKeyFigures(t.database)
    // An own figure (network-confidential) over the same series.
    const own = await sessions.get('admin')!.inject({
      method: 'POST',
      url: '/api/v1/kpi/figures',
      payload: {
        code: 'OWN_ELB',
        nameDe: 'ELB',
        nameEn: 'ELB',
        numerator: 'elb',
        denominator: '1',
        polarity: 'context',
      },
    })
    expect(own.statusCode).toBe(200)
    await computeKeyFigures(t.database)

    for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
      const session = sessions.get(caller)!
      // K2 = 12 × 15 / mean(1000) = 18 %, computed by hand.
      const k2 = await session.inject({
        method: 'GET',
        url: '/api/v1/kpi/values?figure=K2&org=05315&from=2024-02&to=2024-02',
      })
      expect(k2.statusCode, `${caller} reads the gE's K2`).toBe(200)
      expect(k2.json().organisation.name).toBe('Jobcenter Köln (gE)')
      expect(k2.json().values[0].value, caller).toBeCloseTo(18, 9)
      // The network-confidential figure of the same job centre: only for the network's staff.
      const network = await session.inject({
        method: 'GET',
        url: '/api/v1/kpi/values?figure=OWN_ELB&org=05315&from=2024-02&to=2024-02',
      })
      const isNetworkWide = caller === 'admin' || caller === 'moderator'
      expect(network.statusCode, `${caller} reads the gE's network figure`).toBe(isNetworkWide ? 200 : 404)
      if (!isNetworkWide) expect(network.body.includes('Köln')).toBe(false)
    }

    // A1 among all job centres of its comparison type: the gE by name for the public figure …
    const lead = sessions.get('leadA')!
    const publicGroup = await lead.inject({
      method: 'GET',
      url: `/api/v1/kpi/group-statistics?figure=K2&org=${org('A1').ags}&group=comparison_type&period=2024-02`,
    })
    expect(publicGroup.statusCode).toBe(200)
    expect([...publicGroup.json().group.organisationIds].sort()).toEqual([org('A1').id, gE].sort())
    expect(publicGroup.json().members.map((m: { organisationId: number }) => m.organisationId)).toContain(gE)
    // … and for the network figure over the same group, the gE is left out (not pooled, not named).
    const networkGroup = await lead.inject({
      method: 'GET',
      url: `/api/v1/kpi/group-statistics?figure=OWN_ELB&org=${org('A1').ags}&group=comparison_type&period=2024-02`,
    })
    expect(networkGroup.statusCode).toBe(200)
    expect(networkGroup.json().group.organisationIds).toEqual([org('A1').id])
    expect(networkGroup.json().disclosure).toMatchObject({ level: 'visible_only', hiddenCount: 1 })
    expect(networkGroup.body.includes('Köln')).toBe(false)
    expect(networkGroup.body.includes('1000')).toBe(false)
  })
})
