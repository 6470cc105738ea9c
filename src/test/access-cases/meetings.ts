/**
 * Access cases of meetings, topics, minutes, notifications and the meeting pack for
 * src/server/access.db.test.ts (spread in there). Write cases create a fresh meeting, topic or
 * action per call, so that callers do not change each other's state.
 */
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, expect } from 'vitest'
import type { Role } from '../../core/permissions'
import type { Database } from '../../db/connect'
import type { MeetingStatus } from '../../db/schema'
import { closeSharedChromium, isChromiumAvailable } from '../../features/reports/chromium'
import type { AccessCase, AccessContext, Visibility, Target } from './access-case'

interface WorldOrg {
  key: string
  ring: 1 | 2
  id: number
  name: string
}
type Context = AccessContext<WorldOrg>
type Case = AccessCase<WorldOrg>

export interface MeetingAccessWorld {
  database(): Database
  expectedVisibility(caller: string, org: WorldOrg): Visibility
  roleOf(caller: string): Role | null
}

const MEETING_TARGETS: Target[] = ['own', 'outside']
const MANAGERS: Role[] = ['admin', 'moderator']
const WRITERS: Role[] = ['admin', 'moderator', 'member_lead', 'member_analyst']

afterAll(async () => closeSharedChromium())

export function createMeetingAccessCases(world: MeetingAccessWorld): Record<string, Case> {
  const db = () => world.database().db
  const role = (caller: string) => world.roleOf(caller)!
  const has = (caller: string, roles: Role[]) => roles.includes(role(caller))
  const sees = (c: Context) => world.expectedVisibility(c.caller, c.org!) !== 'none'
  const manages = (c: Context) => has(c.caller, MANAGERS) && sees(c)
  const takesPart = (c: Context) =>
    (role(c.caller) === 'member_lead' || role(c.caller) === 'member_analyst') && sees(c)
  const ringIdOf = async (o: WorldOrg) =>
    await db()
      .selectFrom('ring')
      .select(['id', 'network_id'])
      .where('code', '=', `T${o.ring}`)
      .executeTakeFirstOrThrow()
  let counter = 0
  const freshMeeting = async (o: WorldOrg, status: MeetingStatus = 'planned') => {
    const ring = await ringIdOf(o)
    counter += 1
    const row = await db()
      .insertInto('meeting')
      .values({
        network_id: ring.network_id,
        ring_id: ring.id,
        kind: 'ring_meeting',
        title: `Zugriffstest-Treffen ${counter}`,
        starts_on: '2024-05-15',
        ends_on: '2024-05-16',
        start_time: '10:00',
        end_time: '13:00',
        venue: 'Zugriffstest',
        host_organisation_id: o.id,
        host_source: 'override',
        status,
        created_at: new Date('2024-02-01T00:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
  const freshItem = async (meetingId: number) =>
    (
      await db()
        .insertInto('agenda_item')
        .values({
          meeting_id: meetingId,
          position: 1,
          kind: 'discussion',
          title: 'Punkt',
          duration_minutes: 30,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const freshTopic = async (o: WorldOrg) => {
    const ring = await ringIdOf(o)
    return (
      await db()
        .insertInto('topic')
        .values({
          network_id: ring.network_id,
          ring_id: ring.id,
          title: 'Zugriffstest-Thema',
          created_at: new Date('2024-02-01T00:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  }
  const freshAction = async (o: WorldOrg) => {
    const meetingId = await freshMeeting(o, 'held')
    return (
      await db()
        .insertInto('action_item')
        .values({
          meeting_id: meetingId,
          title: 'Aufgabe',
          owner_organisation_id: o.id,
          due_on: '2024-03-05',
          created_at: new Date('2024-02-01T00:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  }
  /** Managers of the ring: 200; other managers: 404 (they do not see it); members: 403 by role. */
  const managerWrite = (c: Context, r: LightMyRequestResponse, ok = 200) => {
    if (!has(c.caller, MANAGERS)) return expect(r.statusCode).toBe(403)
    expect(r.statusCode).toBe(manages(c) ? ok : 404)
  }
  const readMeeting = (c: Context, r: LightMyRequestResponse) =>
    expect(r.statusCode).toBe(sees(c) ? 200 : 404)

  return {
    listMeetings: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => {
        await freshMeeting(o!)
        return { method: 'GET', url: '/api/v1/meetings' }
      },
      expect: (c, r) => {
        expect(r.statusCode).toBe(200)
        const titles: string[] = r
          .json()
          .meetings.map((m: { title: string; ring: { code: string } | null }) => m.ring?.code)
        if (!sees(c)) expect(titles.includes(`T${c.org!.ring}`)).toBe(false)
      },
    },
    createMeeting: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: {
          ringId: (await ringIdOf(o!)).id,
          title: 'Neues Treffen',
          startsOn: '2024-06-12',
          endsOn: '2024-06-13',
        },
      }),
      expect: (c, r) => {
        if (!has(c.caller, MANAGERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(manages(c) ? 200 : 403)
      },
    },
    proposeMeetingSchedule: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: '/api/v1/meetings/schedule',
        payload: { ringId: (await ringIdOf(o!)).id, year: 2025 },
      }),
      expect: (c, r) => {
        if (!has(c.caller, MANAGERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(manages(c) ? 200 : 403)
        if (manages(c)) expect(r.json().slots).toHaveLength(3)
      },
    },
    getMeetingsCalendar: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/meetings/calendar.ics' }),
      expect: (_c, r) => {
        expect(r.statusCode).toBe(200)
        expect(r.headers['content-type']).toMatch(/text\/calendar/)
        expect(r.body).toMatch(/^BEGIN:VCALENDAR\r\n/)
      },
    },
    getMeeting: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({ method: 'GET', url: `/api/v1/meetings/${await freshMeeting(o!)}` }),
      expect: readMeeting,
    },
    updateMeeting: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'PATCH',
        url: `/api/v1/meetings/${await freshMeeting(o!)}`,
        payload: { venue: 'Neuer Ort', status: 'invited' },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    getMeetingCalendar: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/calendar.ics`,
      }),
      expect: readMeeting,
    },
    proposeMeetingHost: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/host-proposal`,
      }),
      expect: readMeeting,
    },
    registerForMeeting: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'PUT',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/registration`,
        payload: { status: 'registered' },
      }),
      expect: (c, r) => {
        if (!has(c.caller, ['member_lead', 'member_analyst'])) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(takesPart(c) ? 200 : 404)
      },
    },
    proposeAgenda: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/agenda-proposal`,
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    addAgendaItem: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/agenda-items`,
        payload: { kind: 'input', title: 'Input', durationMinutes: 20 },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    updateAgendaItem: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${await freshItem(await freshMeeting(o!))}`,
        payload: { durationMinutes: 45 },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    removeAgendaItem: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'DELETE',
        url: `/api/v1/agenda-items/${await freshItem(await freshMeeting(o!))}`,
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    addDecision: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!, 'held')}/decisions`,
        payload: { text: 'Beschluss' },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    addActionItem: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!, 'held')}/actions`,
        payload: { title: 'Aufgabe', ownerOrganisationId: o!.id, dueOn: '2024-04-30' },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    listActionItems: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => {
        await freshAction(o!)
        return { method: 'GET', url: '/api/v1/actions?scope=visible' }
      },
      expect: (_c, r) => expect(r.statusCode).toBe(200),
    },
    updateActionItem: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'PATCH',
        url: `/api/v1/actions/${await freshAction(o!)}`,
        payload: { status: 'done' },
      }),
      expect: (c, r) => {
        if (!sees(c)) return expect(r.statusCode).toBe(404)
        const isOwner = takesPart(c) && c.target === 'own'
        expect(r.statusCode).toBe(manages(c) || isOwner ? 200 : 403)
      },
    },
    commentOnMinutes: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!, 'held')}/comments`,
        payload: { text: 'Bitte ergänzen' },
      }),
      expect: (c, r) => {
        if (!has(c.caller, WRITERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(sees(c) ? 200 : 404)
      },
    },
    approveMinutes: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!, 'held')}/approve-minutes`,
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    cancelMeeting: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: `/api/v1/meetings/${await freshMeeting(o!, 'invited')}/cancel`,
        payload: { reason: 'Der Saal ist nicht verfügbar' },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    getMeetingPackHtml: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/pack.html`,
      }),
      expect: (c, r) => {
        readMeeting(c, r)
        if (sees(c)) expect(r.body).toContain('Tagesordnung')
      },
    },
    getMeetingPackPdf: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'GET',
        url: `/api/v1/meetings/${await freshMeeting(o!)}/pack.pdf`,
      }),
      expect: (c, r) => {
        if (!sees(c)) return expect(r.statusCode).toBe(404)
        // Printing needs Debian's chromium; without it the route says so (500 with the reason).
        expect(r.statusCode).toBe(isChromiumAvailable() ? 200 : 500)
        if (r.statusCode === 200) expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      },
    },
    listTopics: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => {
        await freshTopic(o!)
        return { method: 'GET', url: '/api/v1/topics' }
      },
      expect: (c, r) => {
        expect(r.statusCode).toBe(200)
        const codes: string[] = r.json().topics.map((t: { ring: { code: string } | null }) => t.ring?.code)
        if (!sees(c)) expect(codes.includes(`T${c.org!.ring}`)).toBe(false)
      },
    },
    proposeTopic: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'POST',
        url: '/api/v1/topics',
        payload: { ringId: (await ringIdOf(o!)).id, title: 'Neues Thema' },
      }),
      expect: (c, r) => {
        if (!has(c.caller, WRITERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(manages(c) || takesPart(c) ? 200 : 403)
      },
    },
    updateTopic: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({
        method: 'PATCH',
        url: `/api/v1/topics/${await freshTopic(o!)}`,
        payload: { status: 'rejected' },
      }),
      expect: (c, r) => managerWrite(c, r),
    },
    voteForTopic: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({ method: 'PUT', url: `/api/v1/topics/${await freshTopic(o!)}/vote` }),
      expect: (c, r) => {
        if (!has(c.caller, WRITERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(sees(c) ? 200 : 404)
      },
    },
    withdrawVote: {
      targets: MEETING_TARGETS,
      call: async ({ org: o }) => ({ method: 'DELETE', url: `/api/v1/topics/${await freshTopic(o!)}/vote` }),
      expect: (c, r) => {
        if (!has(c.caller, WRITERS)) return expect(r.statusCode).toBe(403)
        expect(r.statusCode).toBe(sees(c) ? 200 : 404)
      },
    },
    listNotifications: {
      targets: ['none'],
      call: () => ({ method: 'GET', url: '/api/v1/notifications' }),
      expect: (_c, r) => expect(r.statusCode).toBe(200),
    },
    markNotificationRead: {
      targets: ['none'],
      call: async () => {
        // Somebody else's notification: marking it changes nothing for the caller.
        const user = await db().selectFrom('app_user').select('id').orderBy('id').executeTakeFirstOrThrow()
        const row = await db()
          .insertInto('notification')
          .values({
            user_id: user.id,
            kind: 'invitation',
            payload: '{}',
            created_at: new Date('2024-02-01T00:00:00Z'),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return { method: 'POST', url: `/api/v1/notifications/${row.id}/read` }
      },
      expect: (c, r) => {
        expect(r.statusCode).toBe(200)
        expect(r.json().updated).toBeLessThanOrEqual(c.caller === 'admin' ? 1 : 0)
      },
    },
    markAllNotificationsRead: {
      targets: ['none'],
      call: () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
      expect: (_c, r) => expect(r.statusCode).toBe(200),
    },
  }
}
