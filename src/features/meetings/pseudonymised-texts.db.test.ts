/**
 * Pseudonyms that hold in lists and in texts the server writes: a member of a ring that shares
 * under pseudonyms gets its peers in the order of their pseudonyms (never by real name), and the
 * calendar file, the meeting, its agenda, the meeting pack, the host proposal and the notifications
 * name peers only by pseudonym.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { loadConfidentiality } from '../networks/load-confidentiality'
import * as networks from '../networks/network.repository'
import { insertMeeting } from './meeting.repository'

const t = useTestDatabase()
let app: FastifyInstance
let lead: SignedIn
let moderator: SignedIn

// Real names in alphabetical order A…F; the pseudonyms' letters come from a keyed hash.
const PEERS = [
  { ags5: '06431', name: 'Jobcenter Aachtal' },
  { ags5: '06432', name: 'Jobcenter Birkenfeld-Ost' },
  { ags5: '06433', name: 'Jobcenter Calmbach' },
  { ags5: '06434', name: 'Jobcenter Dorfmark' },
  { ags5: '06435', name: 'Jobcenter Eulenhain' },
  { ags5: '06436', name: 'Jobcenter Falkenried' },
]
const ids: number[] = []
let ringId = 0
let namedRingId = 0
let meetingId = 0
const NOW = new Date('2024-05-02T08:00:00Z')
const AT = '2024-05-02'
/** The member who reads: the first organisation; its peers are the others. */
const own = () => ids[0]!
const host = () => ids[3]!

/** The peers' pseudonyms as the lead sees them: in the order of their real names, and as listed. */
async function peerOrders() {
  const confidentiality = await loadConfidentiality(t.database.db, AT)
  const viewer = {
    userId: 0,
    role: 'member_lead' as const,
    organisationId: own(),
    ringIds: [ringId],
    moderatedRingIds: [],
  }
  const peers = ids
    .slice(1)
    .map((id, i) => ({ real: PEERS[i + 1]!.name, shown: confidentiality.pseudonymFor(viewer, id)!.name }))
  return {
    byReal: peers.map((p) => p.shown),
    byShown: orderAsSeen(peers, (p) => p.shown).map((p) => p.shown),
  }
}

/**
 * Pseudonyms follow the database's random salt, so one salt in 120 keeps the real-name order: the
 * test sets the first of a fixed list of salts under which the two orders differ.
 */
async function useSaltWhereOrdersDiffer() {
  for (let i = 0; i < 50; i++) {
    await t.database.db
      .updateTable('app_secret')
      .set({ value: `pseudonym-test-salt-${i}` })
      .where('name', '=', 'pseudonym_salt')
      .execute()
    const { byReal, byShown } = await peerOrders()
    if (byReal.join('|') !== byShown.join('|')) return
  }
  throw new Error('no salt of the list gives pseudonyms in an order other than the real names')
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const networkId = await networks.insertNetwork(db, { name: 'Pseudonym network' })
  const ring = { code: 'P1', name: 'Vergleichsring P', sharing: 'pseudonymised' as const }
  ringId = await networks.insertRing(db, { networkId, ...ring, validFrom: '2020-01-01' })
  for (const peer of PEERS)
    ids.push(
      await createJobcentre(db, { ags5: peer.ags5, name: peer.name, shortName: peer.name.slice(10, 14) }),
    )
  const memberships = ids.map((organisationId) => ({ organisationId, validFrom: '2020-01-01' }))
  await networks.insertRingMemberships(db, ringId, memberships)
  await networks.insertNetworkMemberships(db, networkId, memberships)
  const namedRing = await networks.insertRing(db, {
    networkId,
    code: 'N1',
    name: 'Ring N',
    validFrom: '2020-01-01',
  })
  const named = await createJobcentre(db, { ags5: '06437', name: 'Jobcenter Gutach' })
  await networks.insertRingMemberships(db, namedRing, [{ organisationId: named, validFrom: '2020-01-01' }])
  namedRingId = namedRing
  await createUser(db, { email: 'lead@pseudo.test', role: 'member_lead', organisationId: own() })
  await createUser(db, { email: 'moderator@pseudo.test', role: 'moderator' })
  const hostName = PEERS[3]!.name
  const meeting = await insertMeeting(db, {
    network_id: networkId,
    ring_id: ringId,
    kind: 'ring_meeting',
    title: 'Ringtreffen Mai',
    starts_on: '2024-05-15',
    ends_on: '2024-05-15',
    start_time: '10:00',
    end_time: '15:00',
    venue: `${hostName}, Hauptstraße 1, Raum 3`,
    host_organisation_id: host(),
    host_source: 'rotation',
    status: 'invited',
    created_at: new Date('2024-04-01T00:00:00Z'),
  })
  meetingId = meeting.id
  // Server-written agenda items, stored as the moderation (who sees names) added them.
  await db
    .insertInto('agenda_item')
    .values([
      {
        meeting_id: meetingId,
        position: 1,
        kind: 'key_figure_review',
        title: `K2: größte Veränderung bei ${hostName}`,
        description: `${hostName} hat die Quote um 3 Punkte verbessert.`,
        duration_minutes: 20,
        source: 'spotlight',
      },
      {
        meeting_id: meetingId,
        position: 2,
        kind: 'discussion',
        title: `Offene Aufgabe: Bericht (${PEERS[4]!.name})`,
        description: null,
        duration_minutes: 10,
        source: 'open_action',
      },
    ])
    .execute()
  await useSaltWhereOrdersDiffer()
  app = await buildApp({ database: t.database, now: () => NOW })
  lead = await signIn(app, 'lead@pseudo.test')
  moderator = await signIn(app, 'moderator@pseudo.test')
})
afterAll(async () => app?.close())

/** Every real name of a peer (not the reader's own organisation), and its distinctive part. */
function expectNoPeerName(text: string, label: string) {
  for (const peer of PEERS.slice(1)) {
    expect(text.includes(peer.name), `${label} names ${peer.name}`).toBe(false)
    expect(text.includes(peer.name.slice(10)), `${label} names ${peer.name.slice(10)}`).toBe(false)
  }
}

describe('lists with pseudonymised entries are in the order the caller sees', () => {
  it('the world is one where the real-name order differs from the pseudonym order', async () => {
    const { byReal, byShown } = await peerOrders()
    // Otherwise the tests below would pass with the old order by real name too.
    expect(byReal).not.toEqual(byShown)
  })

  it('GET /api/v1/rings lists the ring members by pseudonym, not by real name', async () => {
    const response = await lead.inject({ method: 'GET', url: `/api/v1/rings?at=${AT}` })
    expect(response.statusCode).toBe(200)
    const members: { name: string; isPseudonymised: boolean }[] = response
      .json()
      .rings.find((r: { code: string }) => r.code === 'P1').members
    expect(members).toHaveLength(6)
    expect(members.filter((m) => m.isPseudonymised)).toHaveLength(5)
    expect(members.map((m) => m.name)).toEqual(orderAsSeen(members, (m) => m.name).map((m) => m.name))
    expectNoPeerName(response.body, 'rings')
  })

  it('a meeting lists its participants by the names the caller sees', async () => {
    const response = await lead.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })
    expect(response.statusCode).toBe(200)
    const names: string[] = response
      .json()
      .participants.map((p: { organisation: { name: string } }) => p.organisation.name)
    expect(names).toHaveLength(6)
    expect(names).toEqual(orderAsSeen(names, (n) => n))
  })

  it('the host proposal lists the round by pseudonym and breaks ties by pseudonym', async () => {
    const response = await lead.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}/host-proposal` })
    expect(response.statusCode).toBe(200)
    const remaining: string[] = response.json().remainingInRound.map((o: { name: string }) => o.name)
    expect(remaining).toEqual(orderAsSeen(remaining, (n) => n))
    expect(response.json().reason.de).toMatch(/entscheidet das Pseudonym/)
    expectNoPeerName(response.body, 'host proposal')
  })
})

describe('texts the server writes name peers by pseudonym', () => {
  it('the meeting shows the venue of a pseudonymised host as the host pseudonym', async () => {
    const response = await lead.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })
    const body = response.json()
    expect(body.host.isPseudonymised).toBe(true)
    expect(body.venue).toBe(`${body.host.name} (Anschrift über die Moderation)`)
    expect(body.agenda[0].title).toBe(`K2: größte Veränderung bei ${body.host.name}`)
    expect(body.agenda[1].title).toMatch(
      /^Offene Aufgabe: Bericht \(Jobcenter [A-Z]+ \(Vergleichsring P\)\)$/,
    )
    expectNoPeerName(response.body, 'meeting')
    const asModerator = (
      await moderator.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })
    ).json()
    expect(asModerator.venue).toBe(`${PEERS[3]!.name}, Hauptstraße 1, Raum 3`)
    expect(asModerator.agenda[0].title).toBe(`K2: größte Veränderung bei ${PEERS[3]!.name}`)
  })

  it('the calendar file (one meeting and all) says the pseudonym in LOCATION and DESCRIPTION', async () => {
    for (const url of [`/api/v1/meetings/${meetingId}/calendar.ics`, '/api/v1/meetings/calendar.ics']) {
      const response = await lead.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      const unfolded = response.body.replace(/\r\n /g, '')
      expect(unfolded).toMatch(
        /LOCATION:Jobcenter [A-Z]+ \(Vergleichsring P\) \(Anschrift über die Moderation\)/,
      )
      expect(unfolded).toMatch(/DESCRIPTION:.*Gastgeber: Jobcenter [A-Z]+ \(Vergleichsring P\)/)
      expectNoPeerName(unfolded, url)
    }
    const asModerator = await moderator.inject({
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}/calendar.ics`,
    })
    expect(asModerator.body.replace(/\r\n /g, '')).toContain(
      'LOCATION:Jobcenter Dorfmark\\, Hauptstraße 1\\, Raum 3',
    )
  })

  it('the meeting pack names peers only by pseudonym', async () => {
    const response = await lead.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}/pack.html` })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('größte Veränderung bei Jobcenter')
    expectNoPeerName(response.body, 'pack')
  })

  it('the notification of an upcoming meeting gives the venue as the member sees it', async () => {
    const response = await lead.inject({ method: 'GET', url: '/api/v1/notifications' })
    expect(response.statusCode).toBe(200)
    const upcoming = response
      .json()
      .notifications.find((n: { kind: string }) => n.kind === 'upcoming_meeting')
    expect(upcoming.messageDe).toMatch(
      / in Jobcenter [A-Z]+ \(Vergleichsring P\) \(Anschrift über die Moderation\)\.$/,
    )
    expectNoPeerName(response.body, 'notifications')
  })
})

describe('texts written by people that name an organisation get a warning for the author', () => {
  const meeting = (ringId: number, venue: string) => ({
    kind: 'ring_meeting',
    ringId,
    title: 'Sondertreffen',
    startsOn: '2024-06-12',
    endsOn: '2024-06-12',
    startTime: null,
    endTime: null,
    venue,
    hostOrganisationId: null,
  })

  it('warns when a venue in a pseudonymised ring names a peer, and saves it all the same', async () => {
    const response = await moderator.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: meeting(ringId, 'Landkreis Dorfmark, Sitzungssaal'),
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().warnings).toEqual([
      {
        field: 'venue',
        organisations: [{ id: host(), name: 'Jobcenter Dorfmark' }],
        message: expect.stringMatching(/^venue: this text names Jobcenter Dorfmark — peers/),
      },
    ])
    const saved = await moderator.inject({ method: 'GET', url: `/api/v1/meetings/${response.json().id}` })
    expect(saved.json().venue).toBe('Landkreis Dorfmark, Sitzungssaal')
  })

  it('does not warn in a ring that shares by name, nor about a text without names', async () => {
    const named = await moderator.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: meeting(namedRingId, 'Jobcenter Gutach, Raum 1'),
    })
    expect(named.json().warnings).toEqual([])
    const plain = await moderator.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: meeting(ringId, 'Online'),
    })
    expect(plain.json().warnings).toEqual([])
  })

  it('warns about agenda titles, descriptions and decisions of a pseudonymised ring', async () => {
    const item = await moderator.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/agenda-items`,
      payload: { kind: 'discussion', title: 'Bericht aus Calmbach', durationMinutes: 10 },
    })
    expect(item.json().warnings.map((w: { field: string }) => w.field)).toEqual(['title'])
    const description = await moderator.inject({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${item.json().id}`,
      payload: { description: 'Eulenhain stellt vor; JOBCENTER FALKENRIED fragt nach.' },
    })
    expect(description.json().warnings[0].organisations.map((o: { name: string }) => o.name)).toEqual([
      'Jobcenter Eulenhain',
      'Jobcenter Falkenried',
    ])
    const decision = await moderator.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/decisions`,
      payload: { text: 'Birkenfeld Ost lädt 2025 ein.' },
    })
    expect(decision.json().warnings[0].field).toBe('text')
  })

  it('warns a member whose practice card names their own organisation (e-mail domain)', async () => {
    const response = await lead.inject({
      method: 'POST',
      url: '/api/v1/practices',
      payload: {
        title: 'Aktivierung durch Gruppenangebote',
        visibility: 'ring',
        contact: 'Frau K., lead@pseudo.test',
        status: 'published',
      },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().warnings).toEqual([
      expect.objectContaining({
        field: 'contact',
        organisations: [{ id: own(), name: 'Jobcenter Aachtal' }],
      }),
    ])
    const plain = await lead.inject({
      method: 'PATCH',
      url: `/api/v1/practices/${response.json().id}`,
      payload: { contact: 'über die Moderation' },
    })
    expect(plain.json().warnings).toEqual([])
  })
})
