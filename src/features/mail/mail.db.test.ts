/**
 * Mail through the outbox, against a real SMTP server in the test process: calendar invitations
 * (recipients, language, links, the ICS part), masking in pseudonymised rings, a mail server that is
 * down (every message arrives once when it is back), the daily digest and the choices per kind.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../../server/app'
import { createMeeting, createRing, createUser } from '../../test/factories'
import { signIn, type SignedIn } from '../../test/sign-in'
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../test/smtp-sink'
import { useTestDatabase } from '../../test/use-test-database'
import { createMailWorker, type MailWorker } from './mail-worker'
import { countOutboxBacklog } from './outbox.repository'
import { FIRST_RETRY_MS } from './send-pending-mail'

const t = useTestDatabase()
let smtp: SmtpSink
let app: FastifyInstance
let worker: MailWorker
let admin: SignedIn
let clock = new Date('2026-03-02T09:00:00Z')
const now = () => clock
const ids = { network: 0, ring: 0, orgA: 0, orgB: 0, lead: 0, analyst: 0 }

/** The properties of the first VEVENT (and METHOD) of an iCalendar text, lines unfolded. */
function readCalendar(text: string): Record<string, string> {
  const lines = text.replace(/\r\n /g, '').split('\r\n')
  const fields: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).split(';')[0]!
    if (!(name in fields)) fields[name] = line.slice(colon + 1)
  }
  return fields
}

function calendarOf(mail: ReceivedMail): Record<string, string> {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))
  expect(part, 'calendar part').toBeDefined()
  return readCalendar(part!.content.toString('utf8'))
}

const to = (mail: ReceivedMail) => mail.envelopeTo.join(',')

beforeAll(async () => {
  smtp = await startSmtpSink()
  const db = t.database.db
  const ring = await createRing(db, { code: 'R7', members: ['06435', '06436'] })
  Object.assign(ids, {
    network: ring.networkId,
    ring: ring.ringId,
    orgA: ring.memberIds[0],
    orgB: ring.memberIds[1],
  })
  ids.lead = await createUser(db, { email: 'lead@a.test', role: 'member_lead', organisationId: ids.orgA })
  ids.analyst = await createUser(db, {
    email: 'analyst@b.test',
    role: 'member_analyst',
    organisationId: ids.orgB,
  })
  await createUser(db, { email: 'admin@net.test', role: 'admin' })
  await db.updateTable('app_user').set({ locale: 'en' }).where('id', '=', ids.analyst).execute()
  app = await buildApp({ database: t.database, now })
  admin = await signIn(app, 'admin@net.test')
  worker = createMailWorker({ database: t.database, settings: smtp.settings(), now })
})

afterAll(async () => {
  await worker.stop()
  await app.close()
  await smtp.stop()
})

async function inviteTo(meetingId: number) {
  const response = await admin.inject({
    method: 'PATCH',
    url: `/api/v1/meetings/${meetingId}`,
    payload: { status: 'invited' },
  })
  expect(response.statusCode, response.body).toBe(200)
}

const cancelAs = (caller: SignedIn, meetingId: number, reason: string) =>
  caller.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/cancel`, payload: { reason } })

/** A meeting of the test ring (title, day and venue as given), planned and not yet sent. */
const meetingOfRing = (title: string, startsOn: string, venue?: string) =>
  createMeeting(t.database.db, { ringId: ids.ring, title, startsOn, ...(venue ? { venue } : {}) })

describe('calendar invitations', () => {
  test('go to the invited in their language, with a link and an ICS REQUEST that updates', async () => {
    smtp.received.length = 0
    const meetingId = await meetingOfRing('Ringtreffen Frühjahr', '2026-04-15', 'Rathaus, Saal 2')
    await inviteTo(meetingId)
    expect(smtp.received).toHaveLength(0)
    expect((await worker.runOnce()).sent).toBe(2)
    const mails = await smtp.waitFor(2)
    const german = mails.find((m) => to(m) === 'lead@a.test')!
    const english = mails.find((m) => to(m) === 'analyst@b.test')!
    expect(german.parsed.subject).toBe('Einladung: Ringtreffen Frühjahr')
    expect(english.parsed.subject).toBe('Invitation: Ringtreffen Frühjahr')
    expect(german.parsed.text).toContain('Wann: 15.04.2026')
    expect(english.parsed.text).toContain('When: 15 Apr 2026')
    expect(german.parsed.text).toContain(`http://benchlearn.test/meetings/${meetingId}`)
    expect(german.parsed.html).toContain(`href="http://benchlearn.test/meetings/${meetingId}"`)
    expect(german.parsed.text).toContain('http://benchlearn.test/settings')
    expect(german.parsed.from?.text).toBe('benchlearn@mail.test')
    const calendar = calendarOf(german)
    expect(calendar).toMatchObject({
      METHOD: 'REQUEST',
      UID: `meeting-${meetingId}@benchlearn`,
      SEQUENCE: '0',
      DTSTART: '20260415',
      SUMMARY: 'Ringtreffen Frühjahr',
      LOCATION: 'Rathaus\\, Saal 2',
      ATTENDEE: 'mailto:lead@a.test',
      ORGANIZER: 'mailto:benchlearn@mail.test',
    })
    expect(german.raw).toMatch(/text\/calendar;[^\n]*method=REQUEST/i)

    smtp.received.length = 0
    const moved = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${meetingId}`,
      payload: { startsOn: '2026-04-16', endsOn: '2026-04-16', startTime: '10:00', endTime: '15:30' },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    await worker.runOnce()
    const changed = await smtp.waitFor(2)
    const changedGerman = changed.find((m) => to(m) === 'lead@a.test')!
    expect(changedGerman.parsed.subject).toBe('Geändert: Ringtreffen Frühjahr')
    // 10:00 in Berlin in April (summer time) is 08:00 UTC.
    expect(calendarOf(changedGerman)).toMatchObject({
      UID: `meeting-${meetingId}@benchlearn`,
      SEQUENCE: '1',
      DTSTART: '20260416T080000Z',
      DTEND: '20260416T133000Z',
    })
    expect(changedGerman.parsed.text).toContain('16.04.2026, 10:00–15:30')
  })

  test('are cancelled with the same UID and a higher SEQUENCE when the meeting is cancelled', async () => {
    smtp.received.length = 0
    const db = t.database.db
    const meetingId = await meetingOfRing('Ringtreffen Sommer', '2026-06-10')
    await inviteTo(meetingId)
    await worker.runOnce()
    const requests = await smtp.waitFor(2)
    expect(calendarOf(requests[0]!)).toMatchObject({ METHOD: 'REQUEST', SEQUENCE: '0' })
    smtp.received.length = 0

    const lead = await signIn(app, 'lead@a.test')
    const register = (status: string) =>
      lead.inject({
        method: 'PUT',
        url: `/api/v1/meetings/${meetingId}/registration`,
        payload: { status, note: null },
      })
    expect((await register('registered')).statusCode).toBe(200)
    const refused = await cancelAs(lead, meetingId, 'Raum fehlt')
    expect(refused.statusCode).toBe(403)

    const backlog = await countOutboxBacklog(db)
    const cancel = (reason: string) => cancelAs(admin, meetingId, reason)
    expect((await cancel('   ')).statusCode).toBe(422)
    const cancelled = await cancel('  Der Saal ist nicht verfügbar. ')
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    // Queued with the cancellation, before any worker runs: one message per invitee of the REQUEST.
    expect((await countOutboxBacklog(db)) - backlog).toBe(2)
    expect((await cancel('noch einmal')).statusCode).toBe(409)

    expect((await worker.runOnce()).sent).toBe(2)
    const mails = await smtp.waitFor(2)
    expect(mails.map(to).sort()).toEqual(['analyst@b.test', 'lead@a.test'])
    const german = mails.find((m) => to(m) === 'lead@a.test')!
    expect(german.parsed.subject).toBe('Abgesagt: Ringtreffen Sommer')
    expect(mails.find((m) => to(m) === 'analyst@b.test')!.parsed.subject).toBe(
      'Cancelled: Ringtreffen Sommer',
    )
    expect(calendarOf(german)).toMatchObject({
      METHOD: 'CANCEL',
      UID: `meeting-${meetingId}@benchlearn`,
      SEQUENCE: '1',
      STATUS: 'CANCELLED',
    })
    expect(german.raw).toMatch(/text\/calendar;[^\n]*method=CANCEL/i)

    const detail = await admin.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })
    expect(detail.json()).toMatchObject({
      status: 'cancelled',
      isUpcoming: false,
      cancellation: { reason: 'Der Saal ist nicht verfügbar.', at: clock.toISOString() },
      abilities: { canCancel: false, canRegister: false, canInvite: false },
    })
    expect((await register('declined')).statusCode).toBe(409)
    const held = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${meetingId}`,
      payload: { status: 'held' },
    })
    expect(held.statusCode).toBe(409)
  })

  test('are not sent for a planned meeting that is cancelled (it was never sent as an invitation)', async () => {
    smtp.received.length = 0
    const db = t.database.db
    const meetingId = await meetingOfRing('Ringtreffen Herbst', '2026-09-10')
    const backlog = await countOutboxBacklog(db)
    const cancelled = await cancelAs(admin, meetingId, 'Termin entfällt')
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(await countOutboxBacklog(db)).toEqual(backlog)
    const list = await admin.inject({ method: 'GET', url: '/api/v1/meetings' })
    const listed = (list.json() as { meetings: { id: number; status: string; isUpcoming: boolean }[] })
      .meetings
    expect(listed.find((m) => m.id === meetingId)).toMatchObject({ status: 'cancelled', isUpcoming: false })
  })

  test('in a pseudonymised ring do not name the hosting organisation to the others', async () => {
    smtp.received.length = 0
    const db = t.database.db
    const ring = await createRing(db, {
      networkId: ids.network,
      code: 'P1',
      sharing: 'pseudonymised',
      members: [{ ags5: '06437', name: 'Jobcenter Geheimstadt' }, '06438'],
    })
    await createUser(db, { email: 'host@p.test', role: 'member_lead', organisationId: ring.memberIds[0] })
    await createUser(db, { email: 'guest@p.test', role: 'member_lead', organisationId: ring.memberIds[1] })
    const meetingId = await createMeeting(db, {
      ringId: ring.ringId,
      title: 'Treffen P1',
      startsOn: '2026-05-20',
      hostOrganisationId: ring.memberIds[0],
      venue: 'Geheimstadt, Hauptstraße 1',
    })
    await inviteTo(meetingId)
    await worker.runOnce()
    const mails = await smtp.waitFor(2)
    const guest = mails.find((m) => to(m) === 'guest@p.test')!
    const host = mails.find((m) => to(m) === 'host@p.test')!
    for (const part of [guest.parsed.text ?? '', guest.parsed.html || '', guest.raw])
      expect(part).not.toContain('Geheimstadt')
    expect(calendarOf(guest).LOCATION).toContain('Anschrift über die Moderation')
    expect(host.parsed.text).toContain('Geheimstadt, Hauptstraße 1')
  })
})

describe('a mail server that is down', () => {
  test('loses nothing and sends every message exactly once when it is back', async () => {
    smtp.received.length = 0
    await smtp.stop()
    const meetings: number[] = []
    for (const title of ['Treffen eins', 'Treffen zwei', 'Treffen drei']) {
      const id = await meetingOfRing(title, '2026-06-10')
      meetings.push(id)
      await inviteTo(id)
    }
    const first = await worker.runOnce()
    expect(first).toMatchObject({ sent: 0, failed: 6 })
    expect(worker.status().lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(await countOutboxBacklog(t.database.db)).toBe(6)
    // Before the backoff is over nothing is tried again.
    clock = new Date(clock.getTime() + FIRST_RETRY_MS / 2)
    expect(await worker.runOnce()).toMatchObject({ sent: 0, failed: 0 })

    await smtp.start()
    clock = new Date(clock.getTime() + FIRST_RETRY_MS)
    expect(await worker.runOnce()).toMatchObject({ sent: 6, failed: 0 })
    expect(await worker.runOnce()).toMatchObject({ sent: 0, failed: 0 })
    const mails = await smtp.waitFor(6)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(mails).toHaveLength(6)
    const seen = mails.map((m) => `${to(m)} ${m.parsed.subject?.replace(/^\S+ /, '')}`).sort()
    expect(seen).toEqual(
      ['Treffen drei', 'Treffen eins', 'Treffen zwei']
        .flatMap((title) => [`analyst@b.test ${title}`, `lead@a.test ${title}`])
        .sort(),
    )
    expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(6)
    expect(await countOutboxBacklog(t.database.db)).toBe(0)
    const attempts = await t.database.db
      .selectFrom('mail_outbox')
      .select(['attempts', 'status'])
      .where(sql<boolean>`payload @> ${JSON.stringify({ meetingId: meetings[0] })}::jsonb`)
      .execute()
    expect(attempts).toEqual([
      { attempts: 2, status: 'sent' },
      { attempts: 2, status: 'sent' },
    ])
  })

  test('a claim of a worker that died is sent again with the same Message-ID', async () => {
    smtp.received.length = 0
    const id = await meetingOfRing('Nach dem Absturz', '2026-06-20')
    await inviteTo(id)
    // A worker claims the messages and dies before sending: the claim runs out after CLAIM_MS.
    const claimed = await t.database.db
      .updateTable('mail_outbox')
      .set({ status: 'sending', locked_until: new Date(clock.getTime() + 60_000), attempts: 1 })
      .where('status', '=', 'pending')
      .returning('message_key')
      .execute()
    expect(claimed).toHaveLength(2)
    expect(await worker.runOnce()).toMatchObject({ sent: 0 })
    clock = new Date(clock.getTime() + 61_000)
    expect(await worker.runOnce()).toMatchObject({ sent: 2 })
    const mails = await smtp.waitFor(2)
    expect(mails.map((m) => m.parsed.messageId).sort()).toEqual(
      claimed.map((c) => `<${c.message_key}@mail.test>`).sort(),
    )
  })
})

describe('choices per kind and the daily digest', () => {
  test('"only in the app" sends nothing; "daily digest" collects the day into one mail the next day', async () => {
    smtp.received.length = 0
    clock = new Date('2026-07-01T08:00:00Z')
    admin = await signIn(app, 'admin@net.test')
    const lead = await signIn(app, 'lead@a.test')
    const defaults = await lead.inject({ method: 'GET', url: '/api/v1/me/mail-preferences' })
    expect(defaults.json().preferences).toContainEqual({
      kind: 'meeting_invitation',
      delivery: 'immediately',
    })
    const saved = await lead.inject({
      method: 'PUT',
      url: '/api/v1/me/mail-preferences',
      payload: {
        preferences: [
          { kind: 'meeting_invitation', delivery: 'digest' },
          { kind: 'minutes_to_approve', delivery: 'digest' },
        ],
      },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const analyst = await signIn(app, 'analyst@b.test')
    await analyst.inject({
      method: 'PUT',
      url: '/api/v1/me/mail-preferences',
      payload: { preferences: [{ kind: 'meeting_invitation', delivery: 'app' }] },
    })

    const first = await meetingOfRing('Sommertreffen', '2026-07-20')
    const second = await meetingOfRing('Herbsttreffen', '2026-09-20')
    await inviteTo(first)
    await inviteTo(second)
    expect(await worker.runOnce()).toMatchObject({ sent: 0 })
    clock = new Date('2026-07-01T20:00:00Z')
    expect(await worker.runOnce()).toMatchObject({ sent: 0 })

    clock = new Date('2026-07-02T06:00:00Z')
    expect(await worker.runOnce()).toMatchObject({ sent: 1 })
    expect(await worker.runOnce()).toMatchObject({ sent: 0 })
    const [digest] = await smtp.waitFor(1)
    expect(to(digest!)).toBe('lead@a.test')
    expect(digest!.parsed.subject).toBe('benchlearn: Ihre Nachrichten vom 01.07.2026')
    expect(digest!.parsed.text).toContain('Einladung: Sommertreffen')
    expect(digest!.parsed.text).toContain('Einladung: Herbsttreffen')
    expect(digest!.parsed.text).toContain(`http://benchlearn.test/meetings/${first}`)
    expect(digest!.parsed.attachments).toHaveLength(0)
    const held = await t.database.db
      .selectFrom('mail_outbox')
      .select(['status'])
      .where('recipient', '=', 'lead@a.test')
      .where('kind', '=', 'meeting_invitation')
      .where('created_at', '>=', new Date('2026-07-01T00:00:00Z'))
      .execute()
    expect(held).toEqual([{ status: 'digested' }, { status: 'digested' }])
  })
})
