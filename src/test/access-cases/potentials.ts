/**
 * Access cases of the improvement potential, the learning spotlight and the council report for
 * src/server/access.db.test.ts: whoever may see the organisation by name gets it, everyone else the
 * answer of an unknown key; the spotlight only for the ring's moderators and members. The generic
 * leak check of the access test runs over every answer (names, keys and values of hidden organisations).
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld } from './access-case'

export function createPotentialAccessCases(world: AccessWorld): Record<string, AccessCase> {
  const mayReadByName = (caller: string, visibility: string) =>
    visibility === 'full' || visibility === 'named'
  return {
    getImprovementPotentials: {
      targets: ['own', 'peer', 'outside'],
      call: ({ org }) => ({ method: 'GET', url: `/api/v1/potentials?org=${org!.ags}&period=2024-01` }),
      expect: ({ caller, org }, r) => {
        const mayRead = mayReadByName(caller, world.expectedVisibility(caller, org!))
        expect(r.statusCode).toBe(mayRead ? 200 : 404)
        if (mayRead) expect(r.json().organisation.id).toBe(org!.id)
      },
    },
    getLearningSpotlight: {
      targets: ['own', 'outside'],
      call: ({ org }) => ({
        method: 'GET',
        url: `/api/v1/rings/${org!.ring}/learning-spotlight?period=2024-01`,
      }),
      expect: ({ caller, org }, r) => {
        // Ring ids are 1 and 2 in the world: whoever sees the ring's members takes part in it.
        const isPart = world
          .allOrgs()
          .some((o) => o.ring === org!.ring && world.expectedVisibility(caller, o) !== 'none')
        expect(r.statusCode).toBe(isPart ? 200 : 404)
      },
    },
    getCouncilReport: {
      targets: ['own', 'peer', 'outside'],
      call: ({ org }) => ({
        method: 'GET',
        url: `/api/v1/reports/organisation/${org!.ags}?format=pptx&period=2024-01&sections=potentials`,
      }),
      expect: ({ caller, org }, r) => {
        const mayRead = mayReadByName(caller, world.expectedVisibility(caller, org!))
        expect(r.statusCode).toBe(mayRead ? 200 : 404)
      },
    },
  }
}
