/**
 * Access cases of data collections for src/server/access.db.test.ts (spread in there).
 *
 * The world gets two collections asking both rings: an open one in which A1 has a draft, and a
 * closed one in which every organisation delivered its test value (so the generic scan catches a
 * value that leaks). Routes that change a collection's state get a fresh collection per call.
 *
 * - Before closing, a member sees only its own organisation's form (others: 404, as unknown);
 *   the moderators of every ring asked (and administrators) see every form and the matrix, and
 *   remind, reopen and close; a moderator of one ring only sees that the collection exists.
 * - After closing, results follow the ring rules: own and named peers by name, pseudonymised peers
 *   under pseudonyms, the rest only pooled into a mean over at least five.
 */
import { expect } from 'vitest'
import type { Role, Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { closeCollection } from '../../features/collections/close-collection'
import { writeCollectionWorkbook } from '../../features/collections/collection-workbook'
import { createCollection } from '../../features/collections/create-collection'
import { loadCollection } from '../../features/collections/load-collection'
import { readCollectionForm } from '../../features/collections/read-collection-form'
import { saveCollectionForm } from '../../features/collections/save-collection-form'
import { submitCollectionForm } from '../../features/collections/submit-collection-form'
import type { AccessCase, Visibility, WorldOrg } from './access-case'

type Case = AccessCase<WorldOrg>

export interface CollectionAccessWorld {
  database(): Database
  allOrgs(): WorldOrg[]
  org(key: string): WorldOrg
  expectedVisibility(caller: string, org: WorldOrg): Visibility
  roleOf(caller: string): Role | null
}

const NOW = new Date('2024-03-01T12:00:00Z')
const ADMIN: Viewer = { userId: 0, role: 'admin', organisationId: null, ringIds: [], moderatedRingIds: 'all' }
const actor = { userId: null, label: 'access-test' }
const MANAGERS = ['admin', 'moderator']

export function createCollectionAccessCases(world: CollectionAccessWorld): Record<string, Case> {
  const status = (r: { statusCode: number }) => r.statusCode
  const role = (caller: string) => world.roleOf(caller)!
  /** Manages collections that ask both rings: administrators and moderators of every ring. */
  const manages = (caller: string) => MANAGERS.includes(role(caller)) && caller !== 'moderatorRing1'
  const fills = (caller: string) => ['admin', 'member_lead', 'member_analyst'].includes(role(caller))
  /** May read the organisation's form: managers, and the organisation's own people. */
  const readsForm = (caller: string, o: WorldOrg) =>
    manages(caller) || (!MANAGERS.includes(role(caller)) && world.expectedVisibility(caller, o) === 'full')
  let counter = 0
  let fixture: Promise<{ openId: number; closedId: number; workbook: Buffer }> | undefined

  async function define(title: string) {
    const db = world.database().db
    const rings = await db.selectFrom('ring').select('id').where('code', 'in', ['T1', 'T2']).execute()
    counter++
    return createCollection(world.database(), {
      viewer: ADMIN,
      actor,
      now: NOW,
      request: {
        title: `${title} ${counter}`,
        instructions: '',
        frequency: 'yearly',
        periods: ['2023'],
        ringIds: rings.map((r) => r.id),
        deadline: '2024-03-31',
        isResultsForDeliverersOnly: false,
        changeThresholdPercent: 30,
        indicators: [
          {
            code: 'access_caseload',
            // The closed collection's values belong with K2 (the figure page shows them there).
            figureCode: counter === 2 ? 'K2' : null,
            definition:
              counter === 1
                ? {
                    nameDe: 'Fälle je Fachkraft',
                    nameEn: 'Cases per caseworker',
                    unit: 'persons',
                    definitionDe: '',
                    definitionEn: '',
                    allowedMin: 0,
                    allowedMax: null,
                    polarity: 'lower_is_better',
                    breakdowns: ['total'],
                  }
                : undefined,
          },
        ],
      },
    })
  }
  const fill = (collectionId: number, o: WorldOrg, value: number) =>
    saveCollectionForm(world.database(), {
      viewer: ADMIN,
      actor,
      now: NOW,
      collectionId,
      organisationId: o.id,
      request: {
        organisationId: o.id,
        // The two rings' test values lie apart: commented, as a member would explain an outlier.
        cells: [
          { indicator: 'access_caseload', period: '2023', breakdown: 'total', value, comment: 'Probewert' },
        ],
      },
    })
  const submit = (collectionId: number, o: WorldOrg) =>
    submitCollectionForm(world.database(), {
      viewer: ADMIN,
      actor,
      now: NOW,
      collectionId,
      organisationId: o.id,
    })

  const ensureFixture = () =>
    (fixture ??= (async () => {
      const db = world.database().db
      const openId = await define('Offene Erhebung')
      await fill(openId, world.org('A1'), 12.5)
      const closedId = await define('Abgeschlossene Erhebung')
      for (const o of world.allOrgs()) {
        await fill(closedId, o, o.value)
        await submit(closedId, o)
      }
      await closeCollection(world.database(), { viewer: ADMIN, actor, now: NOW, collectionId: closedId })
      const collection = await loadCollection(db, { viewer: ADMIN, id: openId })
      const form = await readCollectionForm(db, {
        viewer: ADMIN,
        collectionId: openId,
        organisationId: world.org('A1').id,
      })
      const workbook = await writeCollectionWorkbook({
        title: 'Probe',
        form,
        indicators: collection.indicators,
      })
      return { openId, closedId, workbook }
    })())

  function upload(bytes: Buffer) {
    const boundary = '----collection-access-boundary'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="erhebung.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    )
    return {
      payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    }
  }

  const formTargets: Case['targets'] = ['own', 'peer', 'outside']
  const managerOnly = (caller: string, r: { statusCode: number }) => {
    if (!MANAGERS.includes(role(caller))) return expect(status(r)).toBe(403)
    expect(status(r)).toBe(manages(caller) ? 200 : 403)
  }

  return {
    listCollections: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/collections' }
      },
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        const titles = r.json().collections.map((c: { title: string }) => c.title)
        expect(titles).toContain('Offene Erhebung 1')
        expect(titles).toContain('Abgeschlossene Erhebung 2')
      },
    },
    createCollection: {
      targets: ['none'],
      call: async ({ caller }) => {
        await ensureFixture()
        const ring = await world
          .database()
          .db.selectFrom('ring')
          .select('id')
          .where('code', '=', 'T1')
          .executeTakeFirstOrThrow()
        return {
          method: 'POST',
          url: '/api/v1/collections',
          payload: {
            title: `Probe von ${caller}`,
            frequency: 'yearly',
            periods: ['2023'],
            ringIds: [ring.id],
            deadline: '2024-04-30',
            indicators: [{ code: 'access_caseload' }],
          },
        }
      },
      // A moderator of ring 1 defines collections for ring 1.
      expect: ({ caller }, r) => {
        if (!MANAGERS.includes(role(caller))) return expect(status(r)).toBe(403)
        expect(status(r)).toBe(200)
        expect(r.json()).toMatchObject({ organisationCount: 6, canManage: true })
      },
    },
    getCollection: {
      targets: ['none'],
      call: async () => ({ method: 'GET', url: `/api/v1/collections/${(await ensureFixture()).openId}` }),
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(200)
        expect(r.json()).toMatchObject({ organisationCount: 12, canManage: manages(caller) })
      },
    },
    getCollectionForm: {
      targets: formTargets,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/collections/${(await ensureFixture()).openId}/form?org=${o!.id}`,
      }),
      expect: ({ caller, org: o }, r) => {
        expect(status(r)).toBe(readsForm(caller, o!) ? 200 : 404)
        if (status(r) === 200 && o!.key === 'A1') expect(r.json().cells[0].value).toBe(12.5)
      },
    },
    saveCollectionForm: {
      targets: formTargets,
      call: async ({ org: o }) => ({
        method: 'PUT',
        url: `/api/v1/collections/${(await ensureFixture()).openId}/form`,
        payload: {
          organisationId: o!.id,
          cells: [{ indicator: 'access_caseload', period: '2023', value: 12.5 }],
        },
      }),
      expect: ({ caller, org: o }, r) => {
        if (!fills(caller)) return expect(status(r)).toBe(403)
        expect(status(r)).toBe(readsForm(caller, o!) ? 200 : 404)
      },
    },
    submitCollectionForm: {
      targets: formTargets,
      call: async ({ org: o }) => {
        await ensureFixture()
        const id = await define('Einreichung')
        await fill(id, o!, 14)
        return {
          method: 'POST',
          url: `/api/v1/collections/${id}/submissions`,
          payload: { organisationId: o!.id },
        }
      },
      expect: ({ caller, org: o }, r) => {
        if (!fills(caller)) return expect(status(r)).toBe(403)
        expect(status(r)).toBe(readsForm(caller, o!) ? 200 : 404)
        if (status(r) === 200) expect(r.json().status).toBe('submitted')
      },
    },
    downloadCollectionTemplate: {
      targets: formTargets,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/collections/${(await ensureFixture()).openId}/template.xlsx?org=${o!.id}`,
      }),
      expect: ({ caller, org: o }, r) => {
        expect(status(r)).toBe(readsForm(caller, o!) ? 200 : 404)
        if (status(r) === 200) expect(r.headers['content-type']).toMatch(/spreadsheetml/)
      },
    },
    uploadCollectionWorkbook: {
      targets: formTargets,
      call: async ({ org: o }) => {
        const f = await ensureFixture()
        return {
          method: 'POST',
          url: `/api/v1/collections/${f.openId}/workbook?org=${o!.id}`,
          ...upload(f.workbook),
        }
      },
      expect: ({ caller, org: o }, r) => {
        if (!fills(caller)) return expect(status(r)).toBe(403)
        expect(status(r)).toBe(readsForm(caller, o!) ? 200 : 404)
        if (status(r) === 200) expect(r.json().cells[0].value).toBe(12.5)
      },
    },
    getCollectionMatrix: {
      targets: ['none'],
      call: async () => ({
        method: 'GET',
        url: `/api/v1/collections/${(await ensureFixture()).openId}/matrix`,
      }),
      expect: ({ caller }, r) => {
        managerOnly(caller, r)
        if (status(r) === 200) expect(r.json().rows).toHaveLength(12)
      },
    },
    remindCollectionMembers: {
      targets: ['none'],
      call: async () => ({
        method: 'POST',
        url: `/api/v1/collections/${(await ensureFixture()).openId}/reminders`,
        payload: {},
      }),
      expect: ({ caller }, r) => {
        managerOnly(caller, r)
        if (status(r) === 200) expect(r.json().reminded).toBe(12)
      },
    },
    reopenCollectionSubmission: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        const id = await define('Wiederöffnung')
        await fill(id, world.org('A1'), 15)
        await submit(id, world.org('A1'))
        return {
          method: 'POST',
          url: `/api/v1/collections/${id}/reopen`,
          payload: { organisationId: world.org('A1').id },
        }
      },
      expect: ({ caller }, r) => managerOnly(caller, r),
    },
    closeCollection: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'POST', url: `/api/v1/collections/${await define('Abschluss')}/close` }
      },
      expect: ({ caller }, r) => {
        managerOnly(caller, r)
        if (status(r) === 200)
          expect(r.json()).toMatchObject({ valuesWritten: 0, collection: { status: 'closed' } })
      },
    },
    getCollectionResults: {
      targets: ['none'],
      call: async () => ({
        method: 'GET',
        url: `/api/v1/collections/${(await ensureFixture()).closedId}/results`,
      }),
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(200)
        const cell = r.json().indicators[0].cells[0]
        const seen = world.allOrgs().filter((o) => world.expectedVisibility(caller, o) !== 'none')
        expect(cell.members.map((m: { value: number }) => m.value).sort()).toEqual(
          seen.map((o) => o.value).sort(),
        )
        for (const m of cell.members as { organisation: { kind: string }; value: number }[]) {
          const o = world.allOrgs().find((x) => x.value === m.value)!
          const visibility = world.expectedVisibility(caller, o)
          expect(m.organisation.kind).toBe(visibility === 'pseudonymised' ? 'pseudonymised' : 'named')
        }
        // Six hidden organisations delivered: they are pooled into the mean, never into an order statistic.
        expect(cell.organisationCount).toBe(12)
        expect(cell.disclosure.level).toBe(seen.length === 12 ? 'full' : 'mean_only')
      },
    },
    listFigureCollectionResults: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/collection-results?figure=K2' }
      },
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().results.map((x: { title: string }) => x.title)).toEqual(['Abgeschlossene Erhebung 2'])
      },
    },
  }
}
