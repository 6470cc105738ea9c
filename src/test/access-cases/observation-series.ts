/**
 * Access case of GET /api/v1/observations/series for src/server/access.db.test.ts (spread in there):
 * the rule of GET /api/v1/observations (own organisation, named ring peers, moderated rings; 404
 * otherwise, as for an unknown key), and every series in the answer is the organisation's own. The
 * answer is cached per viewer scope, so callers of other scopes asking the same URL one after
 * another also check that a cached answer reaches nobody who may not read it.
 */
import { expect } from 'vitest'
import type { AccessCase, AccessWorld } from './access-case'

export function createObservationSeriesAccessCases(world: AccessWorld): Record<string, AccessCase> {
  return {
    listObservationSeries: {
      targets: ['own', 'peer', 'outside'],
      // elb has the organisation's value in 2023-12 (its own upload) and 2024-01 (the network file).
      call: ({ org }) => ({
        method: 'GET',
        url: `/api/v1/observations/series?org=${org!.ags}&indicators=elb,lzb&from=2023-12&breakdown=total`,
      }),
      expect: ({ caller, org }, r) => {
        const visibility = world.expectedVisibility(caller, org!)
        const mayRead = visibility === 'full' || visibility === 'named'
        expect(r.statusCode, `${caller} reads the series of ${org!.key}`).toBe(mayRead ? 200 : 404)
        if (!mayRead) return
        const body = r.json() as {
          organisation: { id: number }
          series: { indicator: { code: string }; observations: { period: string; value: number }[] }[]
        }
        expect(body.organisation.id).toBe(org!.id)
        expect(body.series.map((s) => s.indicator.code)).toEqual(['elb', 'lzb'])
        expect(body.series[0]!.observations.map((o) => [o.period, o.value])).toEqual([
          ['2023-12', org!.value],
          ['2024-01', org!.value],
        ])
        expect(body.series[1]!.observations).toEqual([])
      },
    },
  }
}
