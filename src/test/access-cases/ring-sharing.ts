/**
 * Access case of PATCH /api/v1/rings/:id/sharing for src/server/access.db.test.ts (spread in there).
 * Administrators change every ring, moderators the rings they moderate (others: 404), members get
 * 403. Each call sets the ring's current setting again, so the world stays as it is for the other
 * cases, and checks that the change was audited.
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld, WorldOrg } from './access-case'

type Case = AccessCase

export function createRingSharingAccessCases(world: AccessWorld): Record<string, Case> {
  const ringOf = async (o: WorldOrg) =>
    await world
      .database()
      .db.selectFrom('ring')
      .select(['id', 'sharing'])
      .where('code', '=', `T${o.ring}`)
      .executeTakeFirstOrThrow()
  return {
    updateRingSharing: {
      targets: ['own', 'outside'],
      call: async ({ org: o }) => {
        const ring = await ringOf(o!)
        return {
          method: 'PATCH',
          url: `/api/v1/rings/${ring.id}/sharing`,
          payload: { sharing: ring.sharing },
        }
      },
      expect: (c, r) => {
        const role = world.roleOf(c.caller)!
        if (role !== 'admin' && role !== 'moderator') return expect(r.statusCode).toBe(403)
        const mayChange = world.expectedVisibility(c.caller, c.org!) === 'full'
        expect(r.statusCode).toBe(mayChange ? 200 : 404)
        if (mayChange) expect(r.json().sharing).toBe(r.json().previousSharing)
      },
    },
  }
}
