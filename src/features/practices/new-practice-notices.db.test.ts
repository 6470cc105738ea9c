/**
 * "New practice in my ring": publishing a card tells the members of the author organisation's rings
 * (not the author, not outsiders, not disabled accounts), queues mail as each chose, names the author
 * organisation by pseudonym where the ring shares under pseudonyms, and tells no one twice.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Viewer } from '../../core/permissions'
import {
  createJobcentre,
  createRing,
  createUser,
  practiceRequest,
  seedReferenceData,
} from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { composeMail } from '../mail/compose-mail'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { createPractice, updatePractice } from './write-practice'

const t = useTestDatabase()
const NOW = new Date('2024-06-15T10:00:00Z')
const AT = '2024-06-15'
const AUTHOR_NAME = 'Jobcenter Aachtal'
const actor = { userId: null, label: 'test' }

let pseudoRing = 0
let namedRing = 0
const org = { author: 0, pseudoPeer: 0, pseudoPeer2: 0, namedPeer: 0, outsider: 0 }
const user = {
  author: 0,
  colleague: 0,
  pseudoLead: 0,
  pseudoViewer: 0,
  namedLead: 0,
  outsider: 0,
  disabled: 0,
}

const authorViewer = (): Viewer => ({
  userId: user.author,
  role: 'member_lead',
  organisationId: org.author,
  ringIds: [pseudoRing, namedRing],
  moderatedRingIds: [],
})

async function noticesOf(practiceId: number) {
  const rows = await t.database.db
    .selectFrom('notification')
    .select(['user_id', 'payload'])
    .where('kind', '=', 'new_practice')
    .execute()
  return new Map(
    rows
      .filter((r) => (r.payload as { practiceId?: number }).practiceId === practiceId)
      .map((r) => [r.user_id, r.payload as Record<string, unknown>]),
  )
}

async function mailOf(practiceId: number) {
  const rows = await t.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('kind', '=', 'new_practice')
    .execute()
  return rows.filter((r) => (r.payload as { practiceId?: number }).practiceId === practiceId)
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  org.author = await createJobcentre(db, { ags5: '06431', name: AUTHOR_NAME })
  const pseudo = await createRing(db, {
    code: 'P1',
    name: 'Vergleichsring P',
    sharing: 'pseudonymised',
    validFrom: '2020-01-01',
    members: [org.author, { ags5: '06432', name: 'Jobcenter Birkenfeld' }, '06433'],
  })
  pseudoRing = pseudo.ringId
  org.pseudoPeer = pseudo.memberIds[1]!
  org.pseudoPeer2 = pseudo.memberIds[2]!
  const named = await createRing(db, {
    networkId: pseudo.networkId,
    code: 'N1',
    name: 'Ring N',
    sharing: 'named',
    validFrom: '2020-01-01',
    members: [org.author, '06434'],
  })
  namedRing = named.ringId
  org.namedPeer = named.memberIds[1]!
  org.outsider = await createJobcentre(db, { ags5: '06435' })
  const make = (email: string, role: Viewer['role'], organisationId: number | null) =>
    createUser(db, { email, role, organisationId })
  user.author = await make('author@np.test', 'member_lead', org.author)
  user.colleague = await make('colleague@np.test', 'member_analyst', org.author)
  user.pseudoLead = await make('lead@pseudo.np.test', 'member_lead', org.pseudoPeer)
  user.pseudoViewer = await make('viewer@pseudo.np.test', 'viewer', org.pseudoPeer2)
  user.namedLead = await make('lead@named.np.test', 'member_lead', org.namedPeer)
  user.outsider = await make('lead@outside.np.test', 'member_lead', org.outsider)
  user.disabled = await make('gone@pseudo.np.test', 'member_lead', org.pseudoPeer)
  await make('moderator@np.test', 'moderator', null)
  await db.updateTable('app_user').set({ is_disabled: true }).where('id', '=', user.disabled).execute()
  await db.updateTable('app_user').set({ locale: 'en' }).where('id', '=', user.pseudoLead).execute()
  await db
    .insertInto('mail_preference')
    .values([
      { user_id: user.pseudoLead, kind: 'new_practice', delivery: 'immediately' },
      { user_id: user.pseudoViewer, kind: 'new_practice', delivery: 'app' },
    ])
    .execute()
})

describe('publishing a practice card', () => {
  let practiceId = 0
  let pseudonym = ''

  beforeAll(async () => {
    practiceId = await createPractice(t.database, {
      viewer: authorViewer(),
      actor,
      now: NOW,
      request: practiceRequest('Jobcoaching im Quartier'),
    })
    const confidentiality = await loadConfidentiality(t.database.db, AT)
    const seenFromPseudoRing: Viewer = {
      userId: user.pseudoLead,
      role: 'member_lead',
      organisationId: org.pseudoPeer,
      ringIds: [pseudoRing],
      moderatedRingIds: [],
    }
    pseudonym = confidentiality.pseudonymFor(seenFromPseudoRing, org.author)!.name
  })

  it('tells the members of the rings, except the author, outsiders and disabled accounts', async () => {
    const notices = await noticesOf(practiceId)
    expect([...notices.keys()].sort((a, b) => a - b)).toEqual(
      [user.colleague, user.pseudoLead, user.pseudoViewer, user.namedLead].sort((a, b) => a - b),
    )
  })

  it('names the author organisation by name only where the recipient may see its name', async () => {
    const notices = await noticesOf(practiceId)
    expect(pseudonym).not.toBe('')
    expect(pseudonym).not.toContain('Aachtal')
    expect(notices.get(user.colleague)).toEqual({
      practiceId,
      title: 'Jobcoaching im Quartier',
      organisationName: AUTHOR_NAME,
    })
    expect(notices.get(user.namedLead)?.organisationName).toBe(AUTHOR_NAME)
    expect(notices.get(user.pseudoLead)?.organisationName).toBe(pseudonym)
    expect(notices.get(user.pseudoViewer)?.organisationName).toBe(pseudonym)
  })

  it('queues mail as each chose: at once, for the digest, or none', async () => {
    const mail = await mailOf(practiceId)
    const byUser = new Map(mail.map((m) => [m.user_id, m.status]))
    expect(Object.fromEntries([...byUser].sort(([a], [b]) => a! - b!))).toEqual({
      [user.colleague]: 'held',
      [user.pseudoLead]: 'pending',
      [user.namedLead]: 'held',
    })
  })

  it('writes the mail in the pseudonymised ring without the real name', async () => {
    const row = (await mailOf(practiceId)).find((m) => m.user_id === user.pseudoLead)!
    const composed = await composeMail(
      { db: t.database.db, publicUrl: 'https://benchlearn.example', from: 'noreply@example.org', now: NOW },
      row,
    )
    for (const part of [composed.subject, composed.text, composed.html]) expect(part).not.toContain('Aachtal')
    expect(composed.text).toContain(`Jobcoaching im Quartier (${pseudonym})`)
    expect(`${composed.subject}\n${composed.html}`).toContain('New good practice in your ring')
    expect(composed.text).toContain(`https://benchlearn.example/practices/${practiceId}`)
  })
})

describe('cards that are not published at once', () => {
  it('tell no one while a draft, on the first publication once, and not again after a return to draft', async () => {
    const viewer = authorViewer()
    const id = await createPractice(t.database, {
      viewer,
      actor,
      now: NOW,
      request: practiceRequest('Entwurf', { status: 'draft' }),
    })
    expect((await noticesOf(id)).size).toBe(0)
    const publish = (status: 'draft' | 'published') =>
      updatePractice(t.database, { viewer, actor, now: NOW, id, request: { status } })
    await publish('published')
    expect((await noticesOf(id)).size).toBe(4)
    expect((await mailOf(id)).length).toBe(3)
    await publish('draft')
    await publish('published')
    expect((await noticesOf(id)).size).toBe(4)
    expect((await mailOf(id)).length).toBe(3)
  })

  it('a card for one ring tells only that ring', async () => {
    const id = await createPractice(t.database, {
      viewer: authorViewer(),
      actor,
      now: NOW,
      request: practiceRequest('Nur für Ring N', { visibility: 'ring', ringId: namedRing }),
    })
    expect([...(await noticesOf(id)).keys()].sort((a, b) => a - b)).toEqual(
      [user.colleague, user.namedLead].sort((a, b) => a - b),
    )
  })
})
