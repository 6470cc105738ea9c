/**
 * Hidden or missing, the answer is the same: every route that takes something pointing at an
 * organisation (its key or id, a set of them, a card or a meeting of it, a file row about it) must
 * answer for an organisation that exists but is hidden from the caller exactly as for one that
 * does not exist — same status, error code, message, headers and shape. Otherwise a member can
 * probe district keys and learn who is behind the pseudonyms of their ring.
 *
 * The test goes through the route registry: a route whose inputs carry an organisation field
 * (ORGANISATION_FIELDS) and has no probe here fails the first test, so a new route gets compared.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { importFile } from '../features/imports/import-file'
import { createMeeting, createPractice, createRing, seedReferenceData } from '../test/factories'
import type { SignedIn } from '../test/sign-in'
import { startApp } from '../test/start-app'
import { useTestDatabase } from '../test/use-test-database'
import type { AnyRoute } from './route'
import { allRoutes } from './routes'
import { multipartFile } from '../test/multipart'

const t = useTestDatabase()
let app: FastifyInstance

/** Input fields that name an organisation (by key, id or a list of keys). */
const ORGANISATION_FIELDS = [
  'org',
  'orgs',
  'organisation',
  'organisationId',
  'hostOrganisationId',
  'presenterOrganisationId',
  'ownerOrganisationId',
]

// Ring 1 shares by name (A1 … A5), ring 2 under pseudonyms (B1 … B5).
const AGS = {
  A: ['06431', '06432', '06433', '06434', '06435'],
  B: ['06436', '06437', '06438', '06439', '06440'],
}
/** A district in the register without an organisation, and a key of no district at all. */
const MISSING_KEYS = ['09162', '99999']
const MISSING_ID = 987654

interface Org {
  key: string
  ags: string
  id: number
}
const orgs = new Map<string, Org>()
/** Per organisation: a practice card for its ring only, and a meeting of its ring. */
const practiceOf = new Map<string, number>()
const meetingOf = new Map<string, number>()

type Caller = 'leadA' | 'leadB' | 'analystB'
const sessions = new Map<Caller, SignedIn>()
const OWN: Record<Caller, string> = { leadA: 'A1', leadB: 'B1', analystB: 'B1' }
/** Organisations that exist but that the caller must not be able to tell from missing ones. */
const HIDDEN: Record<Caller, string[]> = {
  leadA: ['B3'],
  leadB: ['A3', 'B2'],
  analystB: ['A3', 'B2'],
}

/** What a probe points with: a district key, or an organisation's (or its card's, meeting's) id. */
interface Pointer {
  ags: string
  id: number
  practiceId: number
  meetingId: number
}

type Probe = (pointer: Pointer, own: Org) => InjectOptions
/**
 * Probes that point through something of an organisation (its card, its meeting): a pseudonymised
 * peer's meeting is the caller's own ring's meeting, so only outsiders' things are hidden there.
 */
const viaResource = new WeakSet<Probe>()
const resource = (probe: Probe): Probe => (viaResource.add(probe), probe)
const get = (url: string): InjectOptions => ({ method: 'GET', url })
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown): InjectOptions => ({
  method,
  url,
  payload: payload as InjectOptions['payload'],
})
const groupQuery = (p: Pointer, own: Org) =>
  `figure=K2&org=${own.ags}&group=set&orgs=${own.ags},${p.ags}&period=2024-01`

/** How to point each route at an organisation (several probes where it takes several kinds). */
const PROBES: Record<string, Probe[]> = {
  listObservations: [(p) => get(`/api/v1/observations?org=${p.ags}&indicator=elb`)],
  listObservationSeries: [(p) => get(`/api/v1/observations/series?org=${p.ags}&indicators=elb`)],
  listValueRevisions: [
    (p) => get(`/api/v1/observations/revisions?org=${p.ags}&indicator=elb&period=2024-01`),
  ],
  listKeyFigureValues: [(p) => get(`/api/v1/kpi/values?figure=K2&org=${p.ags}&from=2024-01&to=2024-01`)],
  getKeyFigureGroupStatistics: [
    (p) => get(`/api/v1/kpi/group-statistics?figure=K2&org=${p.ags}&group=ring&period=2024-01`),
    (p, own) => get(`/api/v1/kpi/group-statistics?${groupQuery(p, own)}`),
  ],
  getKeyFigureContextModel: [(p) => get(`/api/v1/kpi/context-model?figure=K2&period=2024-01&org=${p.ags}`)],
  getKeyFigureExcellence: [
    (p) => get(`/api/v1/kpi/excellence?figure=K2&org=${p.ags}&group=ring&period=2024-01`),
    (p, own) => get(`/api/v1/kpi/excellence?${groupQuery(p, own)}`),
  ],
  getKeyFigureSummary: [
    (p) => get(`/api/v1/kpi/summary?figure=K2&org=${p.ags}&group=ring&period=2024-01`),
    (p, own) => get(`/api/v1/kpi/summary?${groupQuery(p, own)}`),
  ],
  getKeyFigureSummaries: [
    (p) => get(`/api/v1/kpi/summaries?org=${p.ags}&group=ring&period=2024-01`),
    (p, own) => get(`/api/v1/kpi/summaries?${groupQuery(p, own).replace('figure=K2&', '')}`),
  ],
  getImprovementPotentials: [(p) => get(`/api/v1/potentials?org=${p.ags}&group=ring&period=2024-01`)],
  getCouncilReport: [(p) => get(`/api/v1/reports/organisation/${p.ags}?format=pptx&period=2024-01`)],
  listPeerNeighbours: [(p) => get(`/api/v1/peers/neighbours?org=${p.ags}`)],
  getRingHistory: [(p) => get(`/api/v1/peers/history?org=${p.ags}`)],
  listPractices: [(p) => get(`/api/v1/practices?organisation=${p.id}`)],
  createPractice: [
    (p) =>
      send('POST', '/api/v1/practices', { title: 'Probe card', visibility: 'ring', organisationId: p.id }),
  ],
  adoptPractice: [
    (p, own) =>
      send('POST', `/api/v1/practices/${practiceOf.get(own.key)}/adoptions`, {
        startedOn: '2024-01-01',
        organisationId: p.id,
      }),
    resource((p) => send('POST', `/api/v1/practices/${p.practiceId}/adoptions`, { startedOn: '2024-01-01' })),
  ],
  getSelfAssessmentAnswers: [(p) => get(`/api/v1/self-assessment/cycles/1/answers?org=${p.id}`)],
  saveSelfAssessmentAnswers: [
    (p) =>
      send('PUT', '/api/v1/self-assessment/cycles/1/answers', {
        organisationId: p.id,
        answers: [{ areaCode: 'X', score: 1 }],
      }),
  ],
  compareSelfAssessments: [(p) => get(`/api/v1/self-assessment/compare?org=${p.id}`)],
  // Data collections: an organisation not asked by the collection is "not found" either way.
  getCollectionForm: [(p) => get(`/api/v1/collections/1/form?org=${p.id}`)],
  saveCollectionForm: [(p) => send('PUT', '/api/v1/collections/1/form', { organisationId: p.id, cells: [] })],
  submitCollectionForm: [(p) => send('POST', '/api/v1/collections/1/submissions', { organisationId: p.id })],
  downloadCollectionTemplate: [(p) => get(`/api/v1/collections/1/template.xlsx?org=${p.id}`)],
  reopenCollectionSubmission: [(p) => send('POST', '/api/v1/collections/1/reopen', { organisationId: p.id })],
  uploadCollectionWorkbook: [
    (p) => ({
      method: 'POST',
      url: `/api/v1/collections/1/workbook?org=${p.id}`,
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="e.xlsx"\r\n\r\nx\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    }),
  ],
  createInvitation: [(p) => send('POST', '/api/v1/invitations', { role: 'viewer', organisationId: p.id })],
  updateUser: [(p) => send('PATCH', '/api/v1/users/1', { organisationId: p.id })],
  // A provider is looked up by organisation: "none" is the answer for a missing and a hidden one alike.
  startSsoSignIn: [(p) => send('POST', '/api/v1/sso/start', { organisationId: p.id })],
  putSsoProvider: [
    (p) =>
      send('PUT', `/api/v1/sso/providers/${p.id}`, {
        displayName: 'Probe',
        issuer: 'https://idp.example',
        clientId: 'probe',
        clientSecret: 'probe',
      }),
  ],
  deleteSsoProvider: [(p) => ({ method: 'DELETE', url: `/api/v1/sso/providers/${p.id}` })],
  createMeeting: [
    (p) =>
      send('POST', '/api/v1/meetings', {
        kind: 'ring_meeting',
        ringId: 1,
        title: 'Probe',
        startsOn: '2024-06-01',
        endsOn: '2024-06-01',
        hostOrganisationId: p.id,
      }),
  ],
  updateMeeting: [
    (p, own) => send('PATCH', `/api/v1/meetings/${meetingOf.get(own.key)}`, { hostOrganisationId: p.id }),
  ],
  addAgendaItem: [
    (p, own) =>
      send('POST', `/api/v1/meetings/${meetingOf.get(own.key)}/agenda-items`, {
        kind: 'discussion',
        title: 'Probe',
        durationMinutes: 5,
        presenterOrganisationId: p.id,
      }),
  ],
  updateAgendaItem: [(p) => send('PATCH', '/api/v1/agenda-items/1', { presenterOrganisationId: p.id })],
  addActionItem: [
    (p, own) =>
      send('POST', `/api/v1/meetings/${meetingOf.get(own.key)}/actions`, {
        title: 'Probe',
        ownerOrganisationId: p.id,
      }),
  ],
  updateActionItem: [(p) => send('PATCH', '/api/v1/actions/1', { ownerOrganisationId: p.id })],
  // Routes that point at an organisation through something of it: its card, its meeting, a file row.
  getPractice: [resource((p) => get(`/api/v1/practices/${p.practiceId}`))],
  getMeeting: [resource((p) => get(`/api/v1/meetings/${p.meetingId}`))],
  getMeetingCalendar: [resource((p) => get(`/api/v1/meetings/${p.meetingId}/calendar.ics`))],
  getMeetingPackHtml: [resource((p) => get(`/api/v1/meetings/${p.meetingId}/pack.html`))],
  proposeMeetingHost: [resource((p) => get(`/api/v1/meetings/${p.meetingId}/host-proposal`))],
  registerForMeeting: [
    resource((p) => send('PUT', `/api/v1/meetings/${p.meetingId}/registration`, { status: 'registered' })),
  ],
  uploadImport: [
    (p) => ({
      method: 'POST',
      url: '/api/v1/imports?dryRun=true',
      ...multipartFile('probe.csv', `org;indicator;period;value\n${p.ags};elb;2024-01;100\n`),
    }),
  ],
}

/** The field names of a route's query, params and body schemas. */
function inputFields(route: AnyRoute): string[] {
  const fieldsOf = (schema: unknown): string[] => {
    let current: unknown = schema
    for (let depth = 0; depth < 5 && current; depth++) {
      if (current instanceof z.ZodObject) return Object.keys(current.shape)
      const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def
      current = def?.innerType ?? def?.in ?? def?.schema
    }
    return []
  }
  return [...fieldsOf(route.query), ...fieldsOf(route.params), ...fieldsOf(route.body)]
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  let networkId: number | undefined
  for (const [ringIndex, letter] of (['A', 'B'] as const).entries()) {
    const keys = AGS[letter].map((_, i) => `${letter}${i + 1}`)
    const ring = await createRing(db, {
      networkId,
      code: `R${ringIndex + 1}`,
      name: `Vergleichsring ${ringIndex + 1}`,
      sharing: letter === 'A' ? 'named' : 'pseudonymised',
      members: AGS[letter].map((ags5, i) => ({ ags5, name: `Sondenamt ${keys[i]}` })),
      isNetworkMember: true,
    })
    networkId = ring.networkId
    for (const [i, key] of keys.entries()) {
      const id = ring.memberIds[i]!
      orgs.set(key, { key, ags: AGS[letter][i]!, id })
      const { practiceId } = await createPractice(db, {
        organisationId: id,
        ringId: ring.ringId,
        title: `Karte ${key}`,
      })
      practiceOf.set(key, practiceId)
      meetingOf.set(
        key,
        await createMeeting(db, {
          ringId: ring.ringId,
          title: `Treffen ${key}`,
          hostOrganisationId: id,
          status: 'invited',
        }),
      )
    }
  }
  // The probes are about network-confidential values (docs/security.md): the world declares its
  // series and figures so. Public values of organisations outside the ring are shown by name to
  // everyone, so there is nothing to hide; pseudonymised peers are covered by the access test.
  await t.database.db.updateTable('indicator').set({ confidentiality: 'network' }).execute()
  await t.database.db.updateTable('kpi_definition').set({ confidentiality: 'network' }).execute()
  const rows = [...orgs.values()].map((o) => `${o.ags};elb;2024-01;${1000 + o.id}`).join('\n')
  await importFile(t.database, {
    fileName: 'all.csv',
    bytes: new TextEncoder().encode(`org;indicator;period;value\n${rows}\n`),
  })
  const started = await startApp(t.database, {
    now: () => new Date('2024-03-01T12:00:00Z'),
    accounts: {
      leadA: { role: 'member_lead', organisationId: orgs.get('A1')!.id },
      leadB: { role: 'member_lead', organisationId: orgs.get('B1')!.id },
      analystB: { role: 'member_analyst', organisationId: orgs.get('B1')!.id },
    },
  })
  app = started.app
  for (const [caller, session] of Object.entries(started.as)) sessions.set(caller as Caller, session)
})
afterAll(async () => app?.close())

/** Headers that differ between any two answers (time, length of a quoted key, cache validators). */
const VOLATILE_HEADERS = new Set([
  'date',
  'content-length',
  'etag',
  'last-modified',
  'x-response-time',
  'x-request-id',
])

/** The answer with the pointer's own values replaced, so that two answers can be compared. */
function comparable(response: LightMyRequestResponse, pointer: Pointer) {
  let body = response.body
  for (const [value, label] of [
    [pointer.ags, '<key>'],
    [String(pointer.practiceId), '<practice>'],
    [String(pointer.meetingId), '<meeting>'],
    [String(pointer.id), '<id>'],
  ] as const)
    body = body.replace(new RegExp(`(?<![\\w.-])${value}(?![\\w.-])`, 'g'), label)
  // An uploaded file's checksum differs with the key in it.
  body = body.replace(/"checksum":"[0-9a-f]+"/, '"checksum":"<checksum>"')
  const headers = Object.fromEntries(
    Object.entries(response.headers)
      .filter(([name]) => !VOLATILE_HEADERS.has(name))
      .map(([name, value]) => [name, name === 'content-disposition' ? '<file>' : String(value)]),
  )
  return { status: response.statusCode, headers, body }
}

describe('hidden and missing organisations get the same answer', () => {
  it('has a probe for every route whose inputs point at an organisation', () => {
    const unprobed = allRoutes
      .filter((route) => inputFields(route).some((field) => ORGANISATION_FIELDS.includes(field)))
      .map((route) => route.operationId)
      .filter((operationId) => !PROBES[operationId])
    expect(
      unprobed,
      `add a probe to src/server/hidden-vs-missing.db.test.ts for: ${unprobed.join(', ')}`,
    ).toEqual([])
    const stale = Object.keys(PROBES).filter((id) => !allRoutes.some((r) => r.operationId === id))
    expect(stale, 'probes for routes that no longer exist').toEqual([])
  })

  for (const route of allRoutes) {
    const probes = PROBES[route.operationId]
    if (!probes) continue
    it(`${route.operationId} (${route.method} ${route.url})`, async () => {
      for (const caller of Object.keys(HIDDEN) as Caller[]) {
        const own = orgs.get(OWN[caller])!
        const session = sessions.get(caller)!
        for (const [index, probe] of probes.entries()) {
          const missing: Pointer[] = MISSING_KEYS.map((ags, i) => ({
            ags,
            id: MISSING_ID + i,
            practiceId: MISSING_ID + i,
            meetingId: MISSING_ID + i,
          }))
          const answers = await Promise.all(
            missing.map(async (pointer) => comparable(await session.inject(probe(pointer, own)), pointer)),
          )
          // Both missing keys are compared with: a district without an organisation and no district.
          expect(answers[0]!.status, `${route.operationId} #${index}: the missing key answers`).toBe(
            answers[1]!.status,
          )
          for (const key of HIDDEN[caller]) {
            if (viaResource.has(probe) && key.startsWith(OWN[caller].slice(0, 1))) continue
            const o = orgs.get(key)!
            const pointer: Pointer = {
              ags: o.ags,
              id: o.id,
              practiceId: practiceOf.get(key)!,
              meetingId: meetingOf.get(key)!,
            }
            const hidden = comparable(await session.inject(probe(pointer, own)), pointer)
            expect(
              hidden,
              `${route.operationId} #${index} as ${caller}: hidden ${key} answers otherwise than a missing one`,
            ).toEqual(answers[0])
          }
        }
      }
    })
  }
})
