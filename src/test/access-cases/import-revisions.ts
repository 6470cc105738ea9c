/**
 * Access cases of what imports corrected, for src/server/access.db.test.ts (spread in there).
 *
 * The world gets revisions of `lzb` (a series no other case reads): a network-wide file from the
 * administration writes June and July 2023 for every organisation, a second one corrects June, and
 * each organisation then corrects its own July value in an upload of its own. The corrected values
 * are the organisations' test values, so the generic scan catches any that leak.
 *
 * - GET /api/v1/imports/:id/changes follows the import history: administrators and moderators of
 *   every ring open every import, others the uploads of organisations they see in full; viewers 403,
 *   imports outside one's history 404 (as an unknown id).
 * - GET /api/v1/observations/revisions follows the values themselves (listObservations): own
 *   organisation, named ring peers and moderated rings, 404 otherwise; the file of an import is
 *   named only when the import is in the caller's history.
 */
import { expect } from 'vitest'
import type { Role } from '../../core/permissions'
import { importFile } from '../../features/imports/import-file'
import type { AccessCase, AccessWorld, WorldOrg } from './access-case'

type Case = AccessCase

const NETWORK_FIRST = 'revisions-network-1.csv'
const NETWORK_FIX = 'revisions-network-2.csv'
const ownFix = (o: WorldOrg) => `revisions-own-${o.key}.csv`
/** The value before the correction; after it, each organisation's test value. */
const before = (o: WorldOrg) => o.value - 500

export function createImportRevisionAccessCases(world: AccessWorld): Record<string, Case> {
  const batchIds = new Map<string, number>()
  let prepared: Promise<void> | undefined
  const prepare = () =>
    (prepared ??= (async () => {
      const orgs = world.allOrgs()
      const run = async (fileName: string, lines: string[], only?: WorldOrg) => {
        const summary = await importFile(world.database(), {
          fileName,
          bytes: new TextEncoder().encode(`org;indicator;period;value\n${lines.join('\n')}\n`),
          onlyOrganisation: only ? { id: only.id, name: only.name } : undefined,
          now: new Date('2024-02-20T12:00:00Z'),
        })
        if (summary.batchId === null) throw new Error(`${fileName} was not imported`)
        batchIds.set(fileName, summary.batchId)
      }
      await run(
        NETWORK_FIRST,
        orgs.flatMap((o) => [`${o.ags};lzb;2023-06;${before(o)}`, `${o.ags};lzb;2023-07;${before(o)}`]),
      )
      await run(
        NETWORK_FIX,
        orgs.map((o) => `${o.ags};lzb;2023-06;${o.value}`),
      )
      for (const o of orgs) await run(ownFix(o), [`${o.ags};lzb;2023-07;${o.value}`], o)
    })())
  const roleOf = (caller: string) => world.roleOf(caller)!
  // Network roles that see every organisation in full (administrators, moderators of every ring).
  const seesEveryImport = (caller: string) =>
    (roleOf(caller) === 'admin' || roleOf(caller) === 'moderator') &&
    world.allOrgs().every((o) => world.expectedVisibility(caller, o) === 'full')
  const importHistoryRoles: Role[] = ['admin', 'moderator', 'member_lead', 'member_analyst']

  return {
    listImportChanges: {
      targets: ['own', 'peer', 'outside', 'none'],
      call: async ({ org: o }) => {
        await prepare()
        const id = batchIds.get(o ? ownFix(o) : NETWORK_FIX)
        return { method: 'GET', url: `/api/v1/imports/${id}/changes` }
      },
      expect: ({ caller, org: o }, r) => {
        if (!importHistoryRoles.includes(roleOf(caller))) return expect(r.statusCode).toBe(403)
        if (!o) {
          // The network-wide correction: only in the history of those who see every import.
          expect(r.statusCode).toBe(seesEveryImport(caller) ? 200 : 404)
          if (r.statusCode !== 200) return
          expect(r.json().revisedValues).toBe(world.allOrgs().length)
          for (const c of r.json().changes as {
            organisationId: number
            value: number
            previousValue: number
          }[]) {
            const changed = world.allOrgs().find((x) => x.id === c.organisationId)!
            expect([c.previousValue, c.value]).toEqual([before(changed), changed.value])
          }
          return
        }
        const isInHistory = world.expectedVisibility(caller, o) === 'full'
        expect(r.statusCode, `${caller} opens the upload of ${o.key}`).toBe(isInHistory ? 200 : 404)
        if (!isInHistory) return
        expect(r.json().changes).toMatchObject([
          {
            organisationId: o.id,
            period: '2023-07',
            value: o.value,
            previousValue: before(o),
            previousBatchId: batchIds.get(NETWORK_FIRST),
            previousFileName: seesEveryImport(caller) ? NETWORK_FIRST : null,
          },
        ])
      },
    },
    listValueRevisions: {
      targets: ['own', 'peer', 'outside'],
      call: async ({ org: o }) => {
        await prepare()
        return {
          method: 'GET',
          url: `/api/v1/observations/revisions?org=${o!.ags}&indicator=lzb&period=2023-07`,
        }
      },
      expect: ({ caller, org: o }, r) => {
        const visibility = world.expectedVisibility(caller, o!)
        const mayRead = visibility === 'full' || visibility === 'named'
        expect(r.statusCode, `${caller} reads the revisions of ${o!.key}`).toBe(mayRead ? 200 : 404)
        if (!mayRead) return
        expect(
          r.json().revisions.map((x: { value: number; fileName: string | null }) => [x.value, x.fileName]),
        ).toEqual([
          [before(o!), seesEveryImport(caller) ? NETWORK_FIRST : null],
          [o!.value, visibility === 'full' ? ownFix(o!) : null],
        ])
      },
    },
  }
}
