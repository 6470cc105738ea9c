/**
 * Access cases of the peer-group routes for src/server/access.db.test.ts (spread in there).
 * Models span the whole network: administrators and network-wide moderators only (a moderator of
 * one ring gets 403). Neighbours and ring history: whoever sees the organisation in full; other
 * callers get 404, and neighbours the caller may not see by name carry no name.
 */
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { savePeerModel } from '../../features/peers/save-peer-model'
import { importContextValues } from '../context-factory'
import type { AccessCase, AccessWorld, Target } from './access-case'
import { multipartFile } from '../multipart'

type Case = AccessCase

const INDICATORS = ['sgb2_rate', 'population_density']
const ORG_TARGETS: Target[] = ['own', 'peer', 'outside']

export function createPeerAccessCases(world: AccessWorld): Record<string, Case> {
  // Context data for the twelve job centres and one saved model, made once on first use.
  let prepared: Promise<number> | undefined
  const prepare = () =>
    (prepared ??= (async () => {
      await importContextValues(
        world.database(),
        world.allOrgs().flatMap((o, i) => [
          { ags: o.ags, indicator: 'sgb2_rate', year: 2023, value: 4.5 + (i % 4) * 1.75 },
          { ags: o.ags, indicator: 'population_density', year: 2023, value: 120 + i * 37 },
        ]),
        'peer-context.csv',
      )
      const model = await savePeerModel(world.database(), {
        request: {
          method: 'ward',
          k: 2,
          indicators: INDICATORS,
          weighting: 'manual',
          bootstrapReplicates: 0,
        },
        name: 'Access model',
        actor: { userId: null, label: 'access test' },
        now: new Date('2024-03-01T12:00:00Z'),
      })
      return model.id
    })())
  const isNetworkManager = (caller: string) => caller === 'admin' || caller === 'moderator'
  const manages = (caller: string, r: LightMyRequestResponse) => {
    if (isNetworkManager(caller)) return true
    expect(r.statusCode).toBe(403)
    return false
  }
  const byName = (caller: string, name: string) =>
    world
      .allOrgs()
      .some((o) => o.name === name && ['full', 'named'].includes(world.expectedVisibility(caller, o)))
  let applyCount = 0

  return {
    proposePeerGroups: {
      targets: ['none'],
      call: async () => {
        await prepare()
        return {
          method: 'POST',
          url: '/api/v1/peers/proposals',
          payload: {
            method: 'rings',
            k: 2,
            minSize: 6,
            maxSize: 6,
            indicators: INDICATORS,
            bootstrapReplicates: 0,
          },
        }
      },
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().groups.map((g: { size: number }) => g.size)).toEqual([6, 6])
      },
    },
    savePeerModel: {
      targets: ['none'],
      call: async () => {
        await prepare()
        return {
          method: 'POST',
          url: '/api/v1/peers/models',
          payload: { name: 'Saved', method: 'ward', k: 3, indicators: INDICATORS, bootstrapReplicates: 0 },
        }
      },
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().assignments).toHaveLength(12)
      },
    },
    getProposalProgress: {
      targets: ['none'],
      // No computation runs under this token: managers learn that (404), others may not ask (403).
      call: async () => ({ method: 'GET', url: '/api/v1/peers/progress/no-such-token' }),
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(404)
      },
    },
    listPeerModels: {
      targets: ['none'],
      call: async () => {
        await prepare()
        return { method: 'GET', url: '/api/v1/peers/models' }
      },
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.json().models.length).toBeGreaterThan(0)
      },
    },
    getPeerModel: {
      targets: ['none'],
      call: async () => ({ method: 'GET', url: `/api/v1/peers/models/${await prepare()}` }),
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().quality.rSquared).toBeGreaterThan(0)
      },
    },
    comparePeerModels: {
      targets: ['none'],
      call: async () => {
        const id = await prepare()
        return { method: 'GET', url: `/api/v1/peers/compare?a=${id}&b=${id}` }
      },
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.json().adjustedRandIndex).toBe(1)
      },
    },
    previewPeerMove: {
      targets: ['none'],
      call: async () => ({
        method: 'POST',
        url: `/api/v1/peers/models/${await prepare()}/moves/preview`,
        payload: { moves: [{ org: world.allOrgs()[0]!.ags, toGroup: 'G02' }] },
      }),
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().violations).toEqual([])
      },
    },
    movePeerMembers: {
      targets: ['none'],
      call: async () => ({
        method: 'POST',
        url: `/api/v1/peers/models/${await prepare()}/moves`,
        payload: { moves: [{ org: world.allOrgs()[0]!.ags, toGroup: 'G01' }] },
      }),
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().moves.length).toBeGreaterThan(0)
      },
    },
    applyPeerModel: {
      targets: ['none'],
      // Future days, one per call, so the rings of today (which the other cases rely on) stay.
      call: async () => ({
        method: 'POST',
        url: `/api/v1/peers/models/${await prepare()}/apply`,
        payload: { validFrom: `${2030 + applyCount++}-01-01` },
      }),
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json().rings).toHaveLength(2)
      },
    },
    importPeerTypes: {
      targets: ['none'],
      call: async () => {
        await prepare()
        const [a, b] = world.allOrgs()
        return {
          method: 'POST',
          url: '/api/v1/peers/types?name=Typen&dryRun=true',
          ...multipartFile('types.csv', `AGS;Typ\n${a!.ags};1\n${b!.ags};2\n`),
        }
      },
      expect: ({ caller }, r) => {
        if (!manages(caller, r)) return
        expect(r.statusCode).toBe(200)
        expect(r.json()).toMatchObject({ isDryRun: true, isCommitted: false, assigned: 2 })
      },
    },
    listPeerNeighbours: {
      targets: ORG_TARGETS,
      call: async ({ org }) => {
        await prepare()
        return { method: 'GET', url: `/api/v1/peers/neighbours?org=${org!.ags}&k=11` }
      },
      expect: ({ caller, org }, r) => {
        const isFull = world.expectedVisibility(caller, org!) === 'full'
        expect(r.statusCode).toBe(isFull ? 200 : 404)
        if (!isFull) return
        const neighbours: { name: string; isHidden: boolean; organisationId: number | null }[] =
          r.json().neighbours
        expect(neighbours).toHaveLength(11)
        for (const n of neighbours) {
          if (n.isHidden) expect(n.organisationId).toBeNull()
          else expect(byName(caller, n.name), `${caller} sees ${n.name} by name`).toBe(true)
        }
        const visible = world
          .allOrgs()
          .filter((o) => o.id !== org!.id && ['full', 'named'].includes(world.expectedVisibility(caller, o)))
        expect(neighbours.filter((n) => !n.isHidden)).toHaveLength(visible.length)
      },
    },
    getRingHistory: {
      targets: ORG_TARGETS,
      call: ({ org }) => ({ method: 'GET', url: `/api/v1/peers/history?org=${org!.ags}` }),
      expect: ({ caller, org }, r) => {
        const isFull = world.expectedVisibility(caller, org!) === 'full'
        expect(r.statusCode).toBe(isFull ? 200 : 404)
        if (isFull) expect(r.json().memberships[0].code).toBe(`T${org!.ring}`)
      },
    },
  }
}
