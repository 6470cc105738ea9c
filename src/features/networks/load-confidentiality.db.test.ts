/**
 * The confidentiality facts of a day are read once per data version and shared; a change of a
 * ring's sharing is seen by the next call, and a transaction sees its own uncommitted change.
 */
import { describe, expect, test } from 'vitest'
import type { Viewer } from '../../core/permissions'
import { setUpKpiRing } from '../../test/kpi-ring'
import { useTestDatabase } from '../../test/use-test-database'
import { loadConfidentiality } from './load-confidentiality'

const t = useTestDatabase()

describe('confidentiality facts', () => {
  test('are shared within a data version and follow a change of sharing', async () => {
    const { db, a, b, ring } = await setUpKpiRing(t.database)
    const today = new Date().toISOString().slice(0, 10)
    const member: Viewer = {
      userId: 1,
      role: 'member_lead',
      organisationId: a,
      ringIds: [ring.id],
      moderatedRingIds: [],
    }
    const first = await loadConfidentiality(db, today)
    expect(await loadConfidentiality(db, today)).toBe(first)
    expect(first.visibilityOf(member, b)).toBe('named')

    await db.updateTable('ring').set({ sharing: 'pseudonymised' }).where('id', '=', ring.id).execute()
    const after = await loadConfidentiality(db, today)
    expect(after).not.toBe(first)
    expect(after.visibilityOf(member, b)).toBe('pseudonymised')

    // Inside a transaction: its own change, read afresh; rolled back, the shared facts stay.
    await expect(
      t.database.transaction(async (tx) => {
        await tx.db.updateTable('ring').set({ sharing: 'named' }).where('id', '=', ring.id).execute()
        expect((await loadConfidentiality(tx.db, today)).visibilityOf(member, b)).toBe('named')
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect((await loadConfidentiality(db, today)).visibilityOf(member, b)).toBe('pseudonymised')
  })
})
