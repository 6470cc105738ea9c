/**
 * The card's `canAdopt` matches who may record an adoption: members of another organisation (not
 * the authors), and the moderation and administrators, who name the adopting organisation.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Viewer } from '../../core/permissions'
import { createRing, createUser, practiceRequest, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { readPractice } from './read-practice'
import { adoptPractice, createPractice } from './write-practice'

const t = useTestDatabase()
const NOW = new Date('2024-06-15T10:00:00Z')
const AT = '2024-06-15'
const actor = { userId: null, label: 'test' }
const orgIds: number[] = []
let ringId = 0
let userId = 0
let practiceId = 0

const member = (index: number): Viewer => ({
  userId,
  role: 'member_lead',
  organisationId: orgIds[index]!,
  ringIds: [ringId],
  moderatedRingIds: [],
})
const moderator = (): Viewer => ({
  userId,
  role: 'moderator',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
})
const viewer = (): Viewer => ({ ...member(1), role: 'viewer' })

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const ring = await createRing(db, {
    validFrom: '2018-01-01',
    members: ['06435', '06431'],
  })
  ringId = ring.ringId
  orgIds.push(...ring.memberIds)
  userId = await createUser(db, { email: 'mod@abilities.test', role: 'moderator' })
  practiceId = await createPractice(t.database, {
    viewer: member(0),
    actor,
    now: NOW,
    request: practiceRequest('Nachbetreuung', { approach: 'Anrufe in Woche 1, 4 und 12' }),
  })
})

describe('canAdopt on a practice card', () => {
  it('is false for the authors and a viewer, true for another member', async () => {
    const db = t.database.db
    expect((await readPractice(db, { viewer: member(0), id: practiceId, at: AT })).abilities.canAdopt).toBe(
      false,
    )
    expect((await readPractice(db, { viewer: viewer(), id: practiceId, at: AT })).abilities.canAdopt).toBe(
      false,
    )
    expect((await readPractice(db, { viewer: member(1), id: practiceId, at: AT })).abilities.canAdopt).toBe(
      true,
    )
  })
  it('is true for the moderation, whose adoption for a named organisation is accepted', async () => {
    const db = t.database.db
    expect((await readPractice(db, { viewer: moderator(), id: practiceId, at: AT })).abilities.canAdopt).toBe(
      true,
    )
    await adoptPractice(t.database, {
      viewer: moderator(),
      actor,
      now: NOW,
      practiceId,
      request: { startedOn: '2024-03-01', note: '', organisationId: orgIds[1]! },
    })
    const card = await readPractice(db, { viewer: moderator(), id: practiceId, at: AT })
    expect(card.adoptions.map((a) => a.startedOn)).toEqual(['2024-03-01'])
  })
})
