/**
 * Access case of GET /api/v1/kpi/summaries for src/server/access.db.test.ts (spread in there): the
 * same rule as the one-figure summary (whoever may see the organisation by name; others get 404),
 * and every summary in the answer is about the organisation asked for. An unknown figure is listed
 * as unavailable without failing the others.
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld } from './access-case'

export function createKeyFigureSummariesAccessCases(world: AccessWorld): Record<string, AccessCase> {
  return {
    getKeyFigureSummaries: {
      targets: ['own', 'peer', 'outside'],
      call: ({ org }) => ({
        method: 'GET',
        url: `/api/v1/kpi/summaries?figures=K2,K3,NO_SUCH&org=${org!.ags}&group=ring&period=2024-02`,
      }),
      expect: ({ caller, org }, r) => {
        const visibility = world.expectedVisibility(caller, org!)
        const mayRead = visibility === 'full' || visibility === 'named'
        expect(r.statusCode).toBe(mayRead ? 200 : 404)
        if (!mayRead) return
        const body = r.json() as {
          summaries: { figure: { code: string }; organisation: { id: number }; period: string }[]
          unavailable: { figure: string; code: string }[]
        }
        expect(body.summaries.map((s) => s.figure.code)).toEqual(['K2', 'K3'])
        for (const summary of body.summaries) {
          expect(summary.organisation.id).toBe(org!.id)
          expect(summary.period).toBe('2024-02')
        }
        expect(body.unavailable).toEqual([expect.objectContaining({ figure: 'NO_SUCH', code: 'not_found' })])
      },
    },
  }
}
