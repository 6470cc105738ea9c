/**
 * Access cases of the practice library and the self-assessment for src/server/access.db.test.ts.
 * Kept here so that the shared test file only spreads them in. The fixture (cards, an adoption,
 * attachments, a cycle with answers) is created on first use, after the test world exists.
 */
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { Role } from '../../core/permissions'
import {
  insertAdoption,
  insertAttachment,
  insertPractice,
  replacePracticeLinks,
} from '../../features/practices/practice.repository'
import { DEFAULT_SCALE, PES_ENABLER_AREAS } from '../../features/self-assessment/default-template'
import {
  insertCycle,
  listAreaRows,
  saveAreas,
  upsertResponse,
} from '../../features/self-assessment/self-assessment.repository'
import type { AccessCase, AccessWorld } from './access-case'
import { multipartFile } from '../multipart'

type Case = AccessCase

const WRITERS: Role[] = ['admin', 'moderator', 'member_lead', 'member_analyst']
const NOW = new Date('2024-03-01T12:00:00Z')

interface Fixture {
  ringCardId: number
  networkCardId: number
  publicCardId: number
  adoptionId: number
  ringAttachmentId: number
  publicAttachmentId: number
  cycleId: number
  ring1Id: number
}

function pdf(fileName: string) {
  return multipartFile(fileName, '%PDF-1.4 handout', 'application/pdf')
}

export function createPracticeAccessCases(world: AccessWorld): Record<string, Case> {
  let fixture: Promise<Fixture> | undefined
  const status = (r: LightMyRequestResponse) => r.statusCode
  const allowed = (caller: string, roles: Role[]) => roles.includes(world.roleOf(caller)!)
  /** Ring 1 as its members, its moderators and administrators see it. */
  const seesRing1 = (caller: string) => world.expectedVisibility(caller, world.org('A2')) !== 'none'
  let throwaway = 0

  async function card(options: { visibility: 'ring' | 'network' | 'public'; ringId: number; title: string }) {
    const db = world.database().db
    return insertPractice(db, {
      title: options.title,
      problem: 'Viele Langzeitleistungsbeziehende erscheinen nicht zu Terminen.',
      approach: 'Aufsuchende Beratung zu Hause.',
      resources: '',
      results: '',
      contact: 'Team Aufsuchende Beratung',
      visibility: options.visibility,
      status: 'published',
      organisationId: world.org('A1').id,
      authorUserId: null,
      ringId: options.ringId,
      now: NOW,
    })
  }

  function ensureFixture(): Promise<Fixture> {
    fixture ??= (async () => {
      const db = world.database().db
      const ring1 = await db
        .selectFrom('ring')
        .select(['id', 'network_id'])
        .where('code', '=', 'T1')
        .executeTakeFirstOrThrow()
      const ringCardId = await card({
        visibility: 'ring',
        ringId: ring1.id,
        title: 'Ringkarte Aufsuchende Beratung',
      })
      const networkCardId = await card({
        visibility: 'network',
        ringId: ring1.id,
        title: 'Netzwerkkarte Jobcoaching',
      })
      const publicCardId = await card({
        visibility: 'public',
        ringId: ring1.id,
        title: 'Öffentliche Karte Terminvergabe',
      })
      await replacePracticeLinks(db, ringCardId, { topics: ['Aktivierung'], figureCodes: ['K2'] })
      const adoptionId = await insertAdoption(db, {
        practiceId: ringCardId,
        organisationId: world.org('A2').id,
        startedOn: '2023-06-01',
        note: '',
        createdByUserId: null,
        now: NOW,
      })
      const attach = (practiceId: number) =>
        insertAttachment(db, {
          practiceId,
          fileName: 'handout.pdf',
          mimeType: 'application/pdf',
          content: Buffer.from('%PDF-1.4 handout'),
          uploadedByUserId: null,
          now: NOW,
        })
      const ringAttachmentId = await attach(ringCardId)
      const publicAttachmentId = await attach(publicCardId)
      const cycleId = await insertCycle(db, {
        networkId: ring1.network_id,
        code: '2024',
        name: 'Selbstbewertung 2024',
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
        scaleMin: DEFAULT_SCALE.min,
        scaleMax: DEFAULT_SCALE.max,
        scaleLevels: DEFAULT_SCALE.levels,
        now: NOW,
      })
      await saveAreas(db, cycleId, PES_ENABLER_AREAS)
      const areas = await listAreaRows(db, [cycleId])
      const keys = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6']
      for (const [i, key] of keys.entries())
        for (const area of areas)
          await upsertResponse(db, {
            cycleId,
            areaId: area.id,
            organisationId: world.org(key).id,
            score: 1 + ((i + area.position) % 5),
            evidenceNote: `Nachweis ${key}`,
            answeredByUserId: null,
            now: NOW,
          })
      return {
        ringCardId,
        networkCardId,
        publicCardId,
        adoptionId,
        ringAttachmentId,
        publicAttachmentId,
        cycleId,
        ring1Id: ring1.id,
      }
    })()
    return fixture
  }

  return {
    listPractices: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/practices?limit=200' }
      },
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(200)
        const titles: string[] = r.json().practices.map((p: { title: string }) => p.title)
        expect(titles).toContain('Netzwerkkarte Jobcoaching')
        expect(titles).toContain('Öffentliche Karte Terminvergabe')
        expect(titles.includes('Ringkarte Aufsuchende Beratung'), `${caller} reads the ring card`).toBe(
          seesRing1(caller),
        )
      },
    },
    listPublicPractices: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/public/practices' }
      },
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().practices.map((p: { title: string }) => p.title)).toEqual([
          'Öffentliche Karte Terminvergabe',
        ])
        expect(r.json().practices[0].organisation.kind).toBe('anonymous')
      },
    },
    getPublicPractice: {
      targets: ['none'],
      call: async () => ({
        method: 'GET',
        url: `/api/v1/public/practices/${(await ensureFixture()).publicCardId}`,
      }),
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().attachments).toHaveLength(1)
      },
    },
    getPractice: {
      targets: ['none'],
      call: async () => ({ method: 'GET', url: `/api/v1/practices/${(await ensureFixture()).ringCardId}` }),
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(seesRing1(caller) ? 200 : 404)
        if (seesRing1(caller)) expect(r.json().adoptions).toHaveLength(1)
      },
    },
    tryPractice: {
      targets: ['none'],
      call: async () => ({
        method: 'POST',
        url: `/api/v1/practices/${(await ensureFixture()).ringCardId}/try`,
      }),
      expect: ({ caller }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        // A card of ring 1 is for ring 2's people an unknown card.
        if (!seesRing1(caller)) return expect(status(r)).toBe(404)
        // Members of ring 1 propose it (again: the same topic); network roles belong to no ring.
        const isMember = allowed(caller, ['member_lead', 'member_analyst'])
        expect(status(r)).toBe(isMember ? 200 : 422)
      },
    },
    createPractice: {
      targets: ['own', 'outside'],
      call: ({ org: o }) => ({
        method: 'POST',
        url: '/api/v1/practices',
        payload: { title: 'Neue Karte', visibility: 'network', status: 'draft', organisationId: o!.id },
      }),
      expect: ({ caller, org: o }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        const mayWrite = world.expectedVisibility(caller, o!) === 'full'
        expect(status(r)).toBe(mayWrite ? 200 : 403)
        if (mayWrite) expect(r.json()).toMatchObject({ status: 'draft', organisation: { kind: 'named' } })
      },
    },
    updatePractice: {
      targets: ['none'],
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/practices/${(await ensureFixture()).ringCardId}`,
        payload: { contact: 'Team Aufsuchende Beratung' },
      }),
      expect: ({ caller }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        const mayEdit = world.expectedVisibility(caller, world.org('A1')) === 'full'
        expect(status(r)).toBe(mayEdit ? 200 : 404)
      },
    },
    deletePractice: {
      targets: ['none'],
      call: async () => {
        const { ring1Id } = await ensureFixture()
        const id = await card({ visibility: 'ring', ringId: ring1Id, title: `Wegwerfkarte ${++throwaway}` })
        return { method: 'DELETE', url: `/api/v1/practices/${id}` }
      },
      expect: ({ caller }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        const mayEdit = world.expectedVisibility(caller, world.org('A1')) === 'full'
        expect(status(r)).toBe(mayEdit ? 200 : 404)
      },
    },
    uploadPracticeAttachment: {
      targets: ['none'],
      call: async () => ({
        method: 'POST',
        url: `/api/v1/practices/${(await ensureFixture()).networkCardId}/attachments`,
        ...pdf('flyer.pdf'),
      }),
      expect: ({ caller }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        const mayEdit = world.expectedVisibility(caller, world.org('A1')) === 'full'
        // A network card is readable by all: others learn that they may not change it.
        expect(status(r)).toBe(mayEdit ? 200 : 403)
      },
    },
    downloadPracticeAttachment: {
      targets: ['none'],
      call: async () => {
        const f = await ensureFixture()
        return { method: 'GET', url: `/api/v1/practices/${f.ringCardId}/attachments/${f.ringAttachmentId}` }
      },
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(seesRing1(caller) ? 200 : 404)
        if (seesRing1(caller)) {
          expect(r.headers['content-type']).toMatch(/application\/pdf/)
          expect(r.body).toBe('%PDF-1.4 handout')
        }
      },
    },
    downloadPublicPracticeAttachment: {
      targets: ['none'],
      call: async () => {
        const f = await ensureFixture()
        return {
          method: 'GET',
          url: `/api/v1/public/practices/${f.publicCardId}/attachments/${f.publicAttachmentId}`,
        }
      },
      expect: (_c, r) => expect(status(r)).toBe(200),
    },
    deletePracticeAttachment: {
      targets: ['none'],
      call: async () => {
        const f = await ensureFixture()
        const attachmentId = await insertAttachment(world.database().db, {
          practiceId: f.ringCardId,
          fileName: 'old.pdf',
          mimeType: 'application/pdf',
          content: Buffer.from('%PDF old'),
          uploadedByUserId: null,
          now: NOW,
        })
        return { method: 'DELETE', url: `/api/v1/practices/${f.ringCardId}/attachments/${attachmentId}` }
      },
      expect: ({ caller }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        const mayEdit = world.expectedVisibility(caller, world.org('A1')) === 'full'
        expect(status(r)).toBe(mayEdit ? 200 : 404)
      },
    },
    adoptPractice: {
      targets: ['own', 'peer', 'outside'],
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/practices/${(await ensureFixture()).networkCardId}/adoptions`,
        payload: { startedOn: '2023-09-01', organisationId: o!.id },
      }),
      expect: ({ caller, org: o }, r) => {
        if (!allowed(caller, WRITERS)) return expect(status(r)).toBe(403)
        // Network roles act for organisations they see in full; members only for their own.
        if (world.expectedVisibility(caller, o!) !== 'full') return expect(status(r)).toBe(403)
        // The card's own organisation (A1) does not adopt its own practice.
        expect(status(r)).toBe(o!.key === 'A1' ? 422 : 200)
      },
    },
    getPracticeEffect: {
      targets: ['none'],
      call: async () => {
        const f = await ensureFixture()
        return { method: 'GET', url: `/api/v1/practices/${f.ringCardId}/adoptions/${f.adoptionId}/effect` }
      },
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(seesRing1(caller) ? 200 : 404)
        if (seesRing1(caller)) {
          const figure = r.json().figures[0]
          expect(figure.figureCode).toBe('K2')
          expect(figure.isEstimated).toBe(false)
          expect(figure.wording.de).toMatch(/Wirkungsprüfung/)
        }
      },
    },
    listSelfAssessmentCycles: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/self-assessment/cycles' }
      },
      expect: (_c, r) => {
        expect(status(r)).toBe(200)
        expect(r.json().cycles.some((c: { code: string }) => c.code === '2024')).toBe(true)
      },
    },
    createSelfAssessmentCycle: {
      targets: ['none'],
      call: ({ caller }) => ({
        method: 'POST',
        url: '/api/v1/self-assessment/cycles',
        payload: {
          code: `probe-${caller}`,
          name: 'Probezyklus',
          startsOn: '2021-01-01',
          endsOn: '2021-12-31',
        },
      }),
      // Cycles span the network: a moderator limited to ring 1 may not open them.
      expect: ({ caller }, r) => {
        if (!allowed(caller, ['admin', 'moderator']) || caller === 'moderatorRing1')
          return expect(status(r)).toBe(403)
        expect(status(r)).toBe(200)
        expect(r.json().areas).toHaveLength(7)
      },
    },
    updateSelfAssessmentCycle: {
      targets: ['none'],
      call: async () => ({
        method: 'PATCH',
        url: `/api/v1/self-assessment/cycles/${(await ensureFixture()).cycleId}`,
        payload: { name: 'Selbstbewertung 2024' },
      }),
      expect: ({ caller }, r) =>
        expect(status(r)).toBe(
          allowed(caller, ['admin', 'moderator']) && caller !== 'moderatorRing1' ? 200 : 403,
        ),
    },
    getSelfAssessmentAnswers: {
      targets: ['own', 'peer', 'outside'],
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/self-assessment/cycles/${(await ensureFixture()).cycleId}/answers?org=${o!.id}`,
      }),
      expect: ({ caller, org: o }, r) => {
        const visibility = world.expectedVisibility(caller, o!)
        expect(status(r)).toBe(visibility === 'none' ? 404 : 200)
        if (visibility === 'none') return
        expect(r.json().answers).toHaveLength(7)
        expect(r.json().organisation.isPseudonymised).toBe(visibility === 'pseudonymised')
      },
    },
    saveSelfAssessmentAnswers: {
      targets: ['own', 'outside'],
      call: async ({ org: o }) => ({
        method: 'PUT',
        url: `/api/v1/self-assessment/cycles/${(await ensureFixture()).cycleId}/answers`,
        payload: {
          organisationId: o!.id,
          answers: [{ areaCode: 'employer_relations', score: 3, evidenceNote: 'Arbeitgeberservice' }],
        },
      }),
      expect: ({ caller, target }, r) => {
        if (!allowed(caller, ['admin', 'member_lead', 'member_analyst'])) return expect(status(r)).toBe(403)
        expect(status(r)).toBe(caller === 'admin' || target === 'own' ? 200 : 403)
      },
    },
    compareSelfAssessments: {
      targets: ['none'],
      call: async () => {
        await ensureFixture()
        return { method: 'GET', url: '/api/v1/self-assessment/compare?ring=T1&cycle=2024' }
      },
      expect: ({ caller }, r) => {
        expect(status(r)).toBe(200)
        const body = r.json()
        expect(body.areas).toHaveLength(7)
        expect(body.members.length, `${caller} sees the members of T1`).toBe(seesRing1(caller) ? 6 : 0)
        expect(body.areas[0].organisationCount).toBe(6)
        if (seesRing1(caller)) return expect(body.areas[0].mean).not.toBeNull()
        // Outside the ring: six answers would be enough for the mean, but the cycle still runs (one
        // more answer would change it by that answer), and an order statistic is never shown.
        for (const key of ['mean', 'median', 'best', 'worst', 'gapToBest'])
          expect(body.areas[0][key], `${caller}: ${key}`).toBeNull()
      },
    },
  }
}
