/**
 * Access cases of published figure values and their reconciliation, for src/server/access.db.test.ts.
 *
 * The world gets a publication of K3E4 for women in January 2019 (a cell no other case reads): every
 * organisation's published value is its test value + 1, its computed one its test value, so every
 * organisation is a finding and a leaked computed value is caught by the generic scan.
 *
 * - GET /api/v1/imports/:id/reconciliation follows the import history: a publication covers every
 *   job centre, so administrators and moderators of every ring open it, other import roles get 404
 *   (as an unknown id), viewers 403.
 * - GET /api/v1/kpi/figures/:code/reconciliation is open to every role and compares only the
 *   organisations the caller sees in full.
 */
import { expect } from 'vitest'
import type { Role } from '../../core/permissions'
import { loadShippedMapping } from '../../features/imports/load-mapping'
import { importPublishedFigures } from '../../features/published-figures/import-published-figures'
import type { AccessCase, AccessWorld } from './access-case'

const PERIOD = '2019-01'

export function createPublishedFigureAccessCases(world: AccessWorld): Record<string, AccessCase> {
  let batchId: Promise<number> | undefined
  const prepare = () =>
    (batchId ??= (async () => {
      const orgs = world.allOrgs()
      await world
        .database()
        .db.insertInto('kpi_value')
        .values(
          orgs.map((o) => ({
            period: `${PERIOD}-01`,
            figure_code: 'K3E4',
            breakdown: 'women',
            organisation_id: o.id,
            version: 1,
            is_change_rate: false,
            numerator: o.value,
            denominator: 100,
            missing_reason: null,
            missing_detail: null,
            run_id: 1,
          })),
        )
        .execute()
      const loaded = loadShippedMapping('sgb2-kennzahlen-48a')
      if (loaded.kind !== 'published-figures') throw new Error('expected the published mapping')
      const header =
        'Regionalschlüssel;Kennzahl;Merkmal;Berichtsmonat;Wert;Zähler;Nenner;Status;Vergleichstyp'
      const rows = orgs.map((o) => `${o.ags};K3E4;Frauen;${PERIOD};${o.value + 1};${o.value + 1};100;;`)
      const summary = await importPublishedFigures(world.database(), {
        fileName: 'published-access.csv',
        bytes: new TextEncoder().encode([header, ...rows].join('\n')),
        mapping: { ...loaded.mapping, decimal: '.' },
        now: new Date('2024-02-20T12:00:00Z'),
      })
      if (summary.batchId === null)
        throw new Error(`published-access.csv was not imported: ${summary.errors[0]?.message}`)
      return summary.batchId
    })())
  const roleOf = (caller: string) => world.roleOf(caller)!
  const seesEveryImport = (caller: string) =>
    (roleOf(caller) === 'admin' || roleOf(caller) === 'moderator') &&
    world.allOrgs().every((o) => world.expectedVisibility(caller, o) === 'full')
  const importHistoryRoles: Role[] = ['admin', 'moderator', 'member_lead', 'member_analyst']
  const findingIds = (body: { findings: { organisationId: number }[] }) =>
    body.findings.map((f) => f.organisationId).sort((a, b) => a - b)

  return {
    getImportReconciliation: {
      targets: ['none'],
      call: async () => ({ method: 'GET', url: `/api/v1/imports/${await prepare()}/reconciliation` }),
      expect: ({ caller }, r) => {
        if (!importHistoryRoles.includes(roleOf(caller))) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(seesEveryImport(caller) ? 200 : 404)
        if (r.statusCode !== 200) return
        const all = world.allOrgs()
        expect(r.json()).toMatchObject({ compared: all.length, differing: all.length })
        expect(findingIds(r.json())).toEqual(all.map((o) => o.id).sort((a, b) => a - b))
      },
    },
    getFigureReconciliation: {
      targets: ['own', 'peer', 'outside'],
      call: async () => {
        await prepare()
        return {
          method: 'GET',
          url: `/api/v1/kpi/figures/K3E4/reconciliation?period=${PERIOD}&breakdown=women`,
        }
      },
      expect: ({ caller, org: o }, r) => {
        expect(r.statusCode).toBe(200)
        const seen = world.allOrgs().filter((x) => world.expectedVisibility(caller, x) === 'full')
        expect(r.json()).toMatchObject({
          figure: 'K3E4',
          period: PERIOD,
          compared: seen.length,
          differing: seen.length,
        })
        expect(findingIds(r.json())).toEqual(seen.map((x) => x.id).sort((a, b) => a - b))
        const finding = r.json().findings.find((f: { organisationId: number }) => f.organisationId === o!.id)
        if (world.expectedVisibility(caller, o!) !== 'full') return expect(finding).toBeUndefined()
        expect(finding).toMatchObject({
          published: { value: o!.value + 1, numerator: o!.value + 1, denominator: 100 },
          computed: { value: o!.value, numerator: o!.value, denominator: 100 },
          differs: ['value', 'numerator'],
          // Half a unit of the last decimal the value was published with.
          tolerance: 0.5 * 10 ** -(String(o!.value + 1).split('.')[1]?.length ?? 0),
        })
      },
    },
  }
}
