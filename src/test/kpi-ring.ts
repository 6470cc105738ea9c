/**
 * A small world for key-figure tests through the API: three job centres (06435 = A, 06433, 06432)
 * in one named ring, K2's raw series for 2020-01 … 2021-01 imported and computed, and the member lead
 * lead@a.test of A. `load(n)` imports A with n integrations a month again and recomputes.
 */
import { expect } from 'vitest'
import type { Database } from '../db/connect'
import { computeKeyFigures } from '../features/kpi/compute-key-figures'
import { importFile } from '../features/imports/import-file'
import { createRing, createUser, seedReferenceData } from './factories'

const MONTHS = [...Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`), '2021-01']

function csv(integrationsA: number): string {
  const lines = ['org;indicator;period;breakdown;value']
  for (const [i, org] of ['06435', '06433', '06432'].entries())
    for (const month of MONTHS) {
      lines.push(`${org};elb;${month};total;${1000 + 100 * i}`)
      lines.push(`${org};integrations;${month};total;${org === '06435' ? integrationsA : 20 + i}`)
    }
  return `${lines.join('\n')}\n`
}

/** Three job centres of one named ring with K2 computed for 2020-01 … 2021-01, and a member of A. */
export async function setUpKpiRing(database: Database) {
  const db = database.db
  await seedReferenceData(db)
  const { ringId, memberIds } = await createRing(db, {
    code: 'R1',
    name: 'Ring 1',
    validFrom: '2000-01-01',
    members: ['06435', '06433', '06432'],
  })
  const [a, b, c] = memberIds as [number, number, number]
  const ring = { id: ringId }
  await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: a })
  const load = async (integrations: number) => {
    const result = await importFile(database, {
      fileName: `k2-${integrations}.csv`,
      bytes: new TextEncoder().encode(csv(integrations)),
      now: new Date(),
    })
    expect(result.errors).toEqual([])
    await computeKeyFigures(database)
  }
  await load(10)
  return { db, a, b, c, ring, load }
}
