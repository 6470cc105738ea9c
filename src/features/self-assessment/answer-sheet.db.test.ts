/**
 * The answer sheet says `canEdit` only when saving would be accepted: members while the cycle runs
 * (the web UI disables the questionnaire otherwise), administrators also afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Viewer } from '../../core/permissions'
import { createJobcentre, createNetwork, createUser, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { createCycle } from './manage-cycles'
import { readAnswers, saveAnswers } from './self-assessment-answers'

const t = useTestDatabase()
let organisationId = 0
let cycleId = 0
let userId = 0

const lead = (): Viewer => ({
  userId,
  role: 'member_lead',
  organisationId,
  ringIds: [],
  moderatedRingIds: [],
})
const admin = (): Viewer => ({
  userId: 1,
  role: 'admin',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
})
const actor = { userId: null, label: 'test' }

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createNetwork(t.database.db)
  organisationId = await createJobcentre(t.database.db, { ags5: '06435' })
  userId = await createUser(t.database.db, {
    email: 'lead@answers.test',
    role: 'member_lead',
    organisationId,
  })
  cycleId = await createCycle(t.database, {
    request: { code: '2025', name: 'Runde 2025', startsOn: '2025-01-01', endsOn: '2025-12-31' },
    actor,
    now: new Date('2025-01-01T08:00:00Z'),
  })
})

describe('answer sheet canEdit', () => {
  it('is true for a member while the cycle runs, and saving then works', async () => {
    const sheet = await readAnswers(t.database.db, { viewer: lead(), cycleId, at: '2025-06-30' })
    expect(sheet.canEdit).toBe(true)
    await saveAnswers(t.database, {
      viewer: lead(),
      cycleId,
      actor,
      now: new Date('2025-06-30T10:00:00Z'),
      request: { answers: [{ areaCode: 'operational_processes', score: 3, evidenceNote: '' }] },
    })
  })
  it('is false for a member after the cycle, as saving is refused then', async () => {
    const sheet = await readAnswers(t.database.db, { viewer: lead(), cycleId, at: '2026-01-02' })
    expect(sheet.canEdit).toBe(false)
    await expect(
      saveAnswers(t.database, {
        viewer: lead(),
        cycleId,
        actor,
        now: new Date('2026-01-02T10:00:00Z'),
        request: { answers: [{ areaCode: 'operational_processes', score: 4, evidenceNote: '' }] },
      }),
    ).rejects.toThrow(/takes answers from/)
  })
  it('stays true for an administrator after the cycle', async () => {
    const sheet = await readAnswers(t.database.db, {
      viewer: admin(),
      cycleId,
      organisationId,
      at: '2026-01-02',
    })
    expect(sheet.canEdit).toBe(true)
  })
})
