/**
 * Minutes and follow-ups: decisions, action items (owner organisation and/or person, due date,
 * status), members' comments before approval, and the moderator's approval, which closes the
 * minutes. Open actions are listed for their owners (start page) and on the next meeting's agenda.
 */
import type { Kysely } from 'kysely'
import { canManageRingScoped, canTakePart, canViewRingScoped } from '../../core/benchlearning'
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { ActionItemDto } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { ActionItemStatus, DB } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { loadMeetingScope } from './load-meeting-scope'
import { requireVisibleMeeting, toActionDto } from './meeting-dto'
import {
  findInvitedOrganisations,
  findMeeting,
  findUsersByIds,
  resolveRing,
  type MeetingRow,
} from './meeting.repository'

const todayOf = (now: Date) => now.toISOString().slice(0, 10)

async function loadManagedMeeting(
  db: Kysely<DB>,
  viewer: Viewer,
  meetingId: number,
  now: Date,
): Promise<MeetingRow> {
  const meeting = await findMeeting(db, meetingId)
  requireVisibleMeeting(await loadMeetingScope(db, { viewer, at: todayOf(now) }), meeting)
  if (!canManageRingScoped(viewer, { ringId: meeting.ring_id }))
    throw forbidden('only the moderation writes the minutes')
  if (meeting.status === 'minutes_approved') throw conflict('the minutes are approved and closed')
  return meeting
}

async function checkAgendaItem(
  db: Kysely<DB>,
  meetingId: number,
  agendaItemId: number | null,
): Promise<void> {
  if (agendaItemId === null) return
  const item = await db
    .selectFrom('agenda_item')
    .select('meeting_id')
    .where('id', '=', agendaItemId)
    .executeTakeFirst()
  if (!item || item.meeting_id !== meetingId)
    throw invalidInput(`agendaItemId: item ${agendaItemId} is not on the agenda of meeting ${meetingId}`, [
      { field: 'agendaItemId', value: String(agendaItemId), message: 'expected an item of this meeting' },
    ])
}

export async function addDecision(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    meetingId: number
    agendaItemId: number | null
    text: string
    now: Date
  },
): Promise<number> {
  return database.transaction(async ({ db }) => {
    const meeting = await loadManagedMeeting(db, options.viewer, options.meetingId, options.now)
    await checkAgendaItem(db, meeting.id, options.agendaItemId)
    const row = await db
      .insertInto('decision')
      .values({
        meeting_id: meeting.id,
        agenda_item_id: options.agendaItemId,
        text: options.text,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'decision.create',
      entity: 'decision',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

export interface NewActionItem {
  agendaItemId: number | null
  title: string
  ownerOrganisationId: number | null
  ownerUserId: number | null
  dueOn: string | null
}

export async function addActionItem(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; meetingId: number; action: NewActionItem; now: Date },
): Promise<number> {
  const { action } = options
  if (action.ownerOrganisationId === null && action.ownerUserId === null)
    throw invalidInput('ownerOrganisationId: an action needs an owner organisation or person', [
      { field: 'ownerOrganisationId', message: 'required unless ownerUserId is given' },
    ])
  return database.transaction(async ({ db }) => {
    const meeting = await loadManagedMeeting(db, options.viewer, options.meetingId, options.now)
    await checkAgendaItem(db, meeting.id, action.agendaItemId)
    const invited = await findInvitedOrganisations(db, meeting)
    if (action.ownerOrganisationId !== null && !invited.includes(action.ownerOrganisationId))
      throw invalidInput(
        `ownerOrganisationId: organisation ${action.ownerOrganisationId} does not take part in this meeting`,
        [
          {
            field: 'ownerOrganisationId',
            value: String(action.ownerOrganisationId),
            message: 'expected an invited organisation',
          },
        ],
      )
    if (action.ownerUserId !== null) {
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'organisation_id'])
        .where('id', '=', action.ownerUserId)
        .executeTakeFirst()
      if (!user || (user.organisation_id !== null && !invited.includes(user.organisation_id)))
        throw invalidInput(`ownerUserId: user ${action.ownerUserId} does not take part in this meeting`, [
          {
            field: 'ownerUserId',
            value: String(action.ownerUserId),
            message: 'expected a person of an invited organisation',
          },
        ])
    }
    const row = await db
      .insertInto('action_item')
      .values({
        meeting_id: meeting.id,
        agenda_item_id: action.agendaItemId,
        title: action.title,
        owner_organisation_id: action.ownerOrganisationId,
        owner_user_id: action.ownerUserId,
        due_on: action.dueOn,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'action_item.create',
      entity: 'action_item',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

export async function updateActionItem(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    actionId: number
    changes: {
      title?: string
      status?: ActionItemStatus
      dueOn?: string | null
      ownerOrganisationId?: number | null
      ownerUserId?: number | null
    }
    now: Date
  },
): Promise<void> {
  const { viewer, changes } = options
  await database.transaction(async ({ db }) => {
    const before = await db
      .selectFrom('action_item')
      .selectAll()
      .where('id', '=', options.actionId)
      .executeTakeFirst()
    if (!before) throw notFound(`no action item with the id ${options.actionId}`)
    const meeting = await findMeeting(db, before.meeting_id)
    const scope = await loadMeetingScope(db, { viewer, at: todayOf(options.now) })
    try {
      requireVisibleMeeting(scope, meeting)
    } catch {
      throw notFound(`no action item with the id ${options.actionId}`)
    }
    const dto = toActionDto({ scope, action: before, meeting, users: new Map(), today: todayOf(options.now) })
    const isStatusOnly = Object.keys(changes).every((k) => k === 'status')
    if (!(dto.abilities.canEdit || (isStatusOnly && dto.abilities.canUpdateStatus)))
      throw forbidden('only the moderation, or the owner for the status, changes an action item')
    const status = changes.status ?? before.status
    const isDone = status === 'done' || status === 'cancelled'
    const after = await db
      .updateTable('action_item')
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.dueOn !== undefined ? { due_on: changes.dueOn } : {}),
        ...(changes.ownerOrganisationId !== undefined
          ? { owner_organisation_id: changes.ownerOrganisationId }
          : {}),
        ...(changes.ownerUserId !== undefined ? { owner_user_id: changes.ownerUserId } : {}),
        status,
        completed_at: isDone ? (before.completed_at ?? options.now) : null,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (after.owner_organisation_id === null && after.owner_user_id === null)
      throw invalidInput('ownerOrganisationId: an action needs an owner organisation or person', [
        { field: 'ownerOrganisationId', message: 'cannot remove both owners' },
      ])
    await recordAudit(db, {
      actor: options.actor,
      action: 'action_item.update',
      entity: 'action_item',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
  })
}

/** Action items: `mine` = owned by the caller or their organisation (start page); `visible` = all in view. */
export async function listActionItems(
  db: Kysely<DB>,
  options: { viewer: Viewer; scope: 'mine' | 'visible'; status: 'open' | 'all'; ring?: string; now: Date },
): Promise<ActionItemDto[]> {
  const { viewer } = options
  const ring = options.ring ? await resolveRing(db, options.ring) : undefined
  const rows = await db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select(['m.title as meeting_title', 'm.starts_on as meeting_starts_on', 'm.ring_id as meeting_ring_id'])
    .$if(options.status === 'open', (qb) => qb.where('a.status', 'in', ['open', 'in_progress']))
    .$if(ring !== undefined, (qb) => qb.where('m.ring_id', '=', ring!.id))
    .$if(options.scope === 'mine', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('a.owner_user_id', '=', viewer.userId),
          ...(viewer.organisationId !== null
            ? [eb('a.owner_organisation_id', '=', viewer.organisationId)]
            : []),
        ]),
      ),
    )
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute()
  const visible = rows.filter((r) => canViewRingScoped(viewer, { ringId: r.meeting_ring_id }))
  const scope = await loadMeetingScope(db, { viewer, at: todayOf(options.now) })
  const users = await findUsersByIds(
    db,
    visible.map((r) => r.owner_user_id),
  )
  return visible.map((a) =>
    toActionDto({
      scope,
      action: a,
      meeting: {
        id: a.meeting_id,
        title: a.meeting_title,
        starts_on: a.meeting_starts_on,
        ring_id: a.meeting_ring_id,
      },
      users,
      today: todayOf(options.now),
    }),
  )
}

export async function commentOnMinutes(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    meetingId: number
    agendaItemId: number | null
    text: string
    now: Date
  },
): Promise<number> {
  const { viewer } = options
  return database.transaction(async ({ db }) => {
    const meeting = await findMeeting(db, options.meetingId)
    requireVisibleMeeting(await loadMeetingScope(db, { viewer, at: todayOf(options.now) }), meeting)
    const item = { ringId: meeting.ring_id }
    const isParticipant =
      canTakePart(viewer, item) &&
      (await findInvitedOrganisations(db, meeting)).includes(viewer.organisationId!)
    if (!isParticipant && !canManageRingScoped(viewer, item))
      throw forbidden(
        'only leads and analysts of invited organisations and the moderation comment on minutes',
      )
    if (meeting.status !== 'held')
      throw conflict(
        meeting.status === 'minutes_approved'
          ? 'the minutes are approved; comments are closed'
          : `comments open once the meeting was held (it is ${meeting.status})`,
      )
    await checkAgendaItem(db, meeting.id, options.agendaItemId)
    const row = await db
      .insertInto('minutes_comment')
      .values({
        meeting_id: meeting.id,
        agenda_item_id: options.agendaItemId,
        user_id: viewer.userId,
        organisation_id: viewer.organisationId,
        text: options.text,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'minutes_comment.create',
      entity: 'minutes_comment',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

export async function approveMinutes(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; meetingId: number; now: Date },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const before = await findMeeting(db, options.meetingId)
    requireVisibleMeeting(
      await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) }),
      before,
    )
    if (!canManageRingScoped(options.viewer, { ringId: before.ring_id }))
      throw forbidden('only the moderation approves minutes')
    if (before.status !== 'held')
      throw conflict(
        `minutes can be approved once the meeting was held and before approval (it is ${before.status})`,
      )
    const after = await db
      .updateTable('meeting')
      .set({
        status: 'minutes_approved',
        minutes_approved_at: options.now,
        minutes_approved_by: options.viewer.userId || null,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    // The "minutes to approve" notices are done with.
    await db
      .updateTable('notification')
      .set({ read_at: options.now })
      .where('dedupe_key', '=', `minutes:${before.id}`)
      .where('read_at', 'is', null)
      .execute()
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.approve_minutes',
      entity: 'meeting',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
  })
}
