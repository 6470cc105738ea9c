/**
 * The agenda: the moderator builds it from voted topics, data spotlights and the ring's open
 * actions (proposeAgenda), then adds, changes, reorders and removes items; minutes are written per
 * item once the meeting was held.
 */
import type { Kysely } from 'kysely'
import { canManageRingScoped } from '../../core/benchlearning'
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { AddAgendaItemRequest, SpotlightDto } from '../../contracts/meetings'
import { updateAgendaItemRequestSchema } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import type { z } from 'zod'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { findRingSpotlights } from './find-spotlights'
import { loadMeetingScope } from './load-meeting-scope'
import { requireVisibleMeeting, toActionDto } from './meeting-dto'
import { findMeeting, findUsersByIds, type MeetingRow } from './meeting.repository'
import { spotlightForViewer } from './manage-meetings'
import { listTopics } from './topics'

/** Durations the proposal uses (minutes). */
const MINUTES_PER_TOPIC = 60
const MINUTES_PER_SPOTLIGHT = 30
const MINUTES_PER_OPEN_ACTION = 10
const TOPICS_IN_PROPOSAL = 3

const todayOf = (now: Date) => now.toISOString().slice(0, 10)

/** Open actions (open or in progress) from the ring's earlier meetings. */
export async function findOpenActionsBefore(db: Kysely<DB>, meeting: MeetingRow) {
  if (meeting.ring_id === null) return []
  return db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select(['m.title as meeting_title', 'm.starts_on as meeting_starts_on', 'm.ring_id as meeting_ring_id'])
    .where('m.ring_id', '=', meeting.ring_id)
    .where('m.starts_on', '<', meeting.starts_on)
    .where('a.status', 'in', ['open', 'in_progress'])
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute()
}

function requireManage(viewer: Viewer, meeting: MeetingRow) {
  if (!canManageRingScoped(viewer, { ringId: meeting.ring_id }))
    throw forbidden('only the moderation edits the agenda')
}

export async function proposeAgenda(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetingId: number; period?: string; now: Date },
) {
  const meeting = await findMeeting(db, options.meetingId)
  const scope = await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) })
  requireVisibleMeeting(scope, meeting)
  requireManage(options.viewer, meeting)
  const topics = (
    await listTopics(db, {
      viewer: options.viewer,
      ringId: meeting.ring_id,
      status: 'open',
      now: options.now,
    })
  ).filter((t) => (meeting.ring_id === null ? t.ring === null : true))
  const found =
    meeting.ring_id !== null
      ? await findRingSpotlights(db, { ringId: meeting.ring_id, period: options.period })
      : null
  const spotlights: SpotlightDto[] = (found?.spotlights ?? [])
    .map((s) =>
      spotlightForViewer(scope, {
        kind: s.kind,
        figureCode: s.figureCode,
        figureNameDe: s.figureNameDe,
        organisation: { id: s.organisationId, name: s.organisationName, isPseudonymised: false },
        period: s.period,
        numbers: s.numbers,
        titleDe: s.titleDe,
        sentenceDe: s.sentenceDe,
      }),
    )
    .filter((s): s is SpotlightDto => s !== null)
  const open = await findOpenActionsBefore(db, meeting)
  const users = await findUsersByIds(
    db,
    open.map((a) => a.owner_user_id),
  )
  const today = todayOf(options.now)
  const openActions = open.map((a) =>
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
      today,
    }),
  )
  const suggestedItems: AddAgendaItemRequest[] = [
    ...openActions.map((a) => ({
      kind: 'discussion' as const,
      title: `Offene Aufgabe: ${a.title}${a.ownerOrganisation ? ` (${a.ownerOrganisation.name})` : ''}`,
      description: `Aus ${a.meetingTitle}${a.dueOn ? `, fällig am ${a.dueOn}` : ''}. Stand berichten.`,
      presenterOrganisationId:
        a.ownerOrganisation && !a.ownerOrganisation.isPseudonymised ? a.ownerOrganisation.id : null,
      presenterName: null,
      durationMinutes: MINUTES_PER_OPEN_ACTION,
      source: 'open_action' as const,
      topicId: null,
      actionItemId: a.id,
      spotlight: null,
    })),
    ...spotlights.map((s) => ({
      kind: 'key_figure_review' as const,
      title: s.titleDe,
      description: s.sentenceDe,
      presenterOrganisationId: null,
      presenterName: null,
      durationMinutes: MINUTES_PER_SPOTLIGHT,
      source: 'spotlight' as const,
      topicId: null,
      actionItemId: null,
      spotlight: s,
    })),
    ...topics.slice(0, TOPICS_IN_PROPOSAL).map((t) => ({
      kind: 'discussion' as const,
      title: t.title,
      description: t.description,
      presenterOrganisationId: t.proposedBy && !t.proposedBy.isPseudonymised ? t.proposedBy.id : null,
      presenterName: null,
      durationMinutes: MINUTES_PER_TOPIC,
      source: 'topic' as const,
      topicId: t.id,
      actionItemId: null,
      spotlight: null,
    })),
  ]
  return {
    meetingId: meeting.id,
    topics,
    spotlights,
    spotlightNotes: found?.notes ?? [],
    dataPeriod: found?.period ?? null,
    openActions,
    suggestedItems,
  }
}

export async function addAgendaItem(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; meetingId: number; request: AddAgendaItemRequest; now: Date },
): Promise<number> {
  const { request } = options
  return database.transaction(async ({ db }) => {
    const meeting = await findMeeting(db, options.meetingId)
    const scope = await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) })
    requireVisibleMeeting(scope, meeting)
    requireManage(options.viewer, meeting)
    if (meeting.status === 'minutes_approved')
      throw conflict('the minutes are approved; the agenda is closed')
    if (request.source === 'topic' && request.topicId === null)
      throw invalidInput('topicId: an item from a topic names the topic', [
        { field: 'topicId', message: 'required for source topic' },
      ])
    if (request.source === 'open_action' && request.actionItemId === null)
      throw invalidInput('actionItemId: an item from an open action names the action', [
        { field: 'actionItemId', message: 'required for source open_action' },
      ])
    if (request.source === 'spotlight' && request.spotlight === null)
      throw invalidInput('spotlight: an item from a spotlight carries it', [
        { field: 'spotlight', message: 'required for source spotlight' },
      ])
    if (request.spotlight?.organisation.isPseudonymised)
      throw invalidInput('spotlight: a pseudonymised spotlight cannot be stored', [
        { field: 'spotlight', message: 'ask the moderation' },
      ])
    const last = await db
      .selectFrom('agenda_item')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst()
    const end = Number(last?.max ?? 0) + 1
    const position = Math.min(request.position ?? end, end)
    if (position < end)
      await db
        .updateTable('agenda_item')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('meeting_id', '=', meeting.id)
        .where('position', '>=', position)
        .execute()
    const row = await db
      .insertInto('agenda_item')
      .values({
        meeting_id: meeting.id,
        position,
        kind: request.kind,
        title: request.title,
        description: request.description,
        presenter_organisation_id: request.presenterOrganisationId,
        presenter_name: request.presenterName,
        duration_minutes: request.durationMinutes,
        source: request.source,
        topic_id: request.topicId,
        action_item_id: request.actionItemId,
        spotlight: request.spotlight ? JSON.stringify(request.spotlight) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (request.topicId !== null)
      await db
        .updateTable('topic')
        .set({ status: 'scheduled' })
        .where('id', '=', request.topicId)
        .where('status', '=', 'open')
        .execute()
    await recordAudit(db, {
      actor: options.actor,
      action: 'agenda_item.create',
      entity: 'agenda_item',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

async function findItemWithMeeting(db: Kysely<DB>, viewer: Viewer, itemId: number, now: Date) {
  const item = await db.selectFrom('agenda_item').selectAll().where('id', '=', itemId).executeTakeFirst()
  if (!item) throw notFound(`no agenda item with the id ${itemId}`)
  const meeting = await findMeeting(db, item.meeting_id)
  const scope = await loadMeetingScope(db, { viewer, at: todayOf(now) })
  try {
    requireVisibleMeeting(scope, meeting)
  } catch {
    throw notFound(`no agenda item with the id ${itemId}`)
  }
  requireManage(viewer, meeting)
  return { item, meeting }
}

export async function updateAgendaItem(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    itemId: number
    request: z.infer<typeof updateAgendaItemRequestSchema>
    now: Date
  },
): Promise<void> {
  const { request } = options
  await database.transaction(async ({ db }) => {
    const { item, meeting } = await findItemWithMeeting(db, options.viewer, options.itemId, options.now)
    if (meeting.status === 'minutes_approved')
      throw conflict('the minutes are approved; the agenda and minutes are closed')
    if (request.minutes !== undefined && meeting.status !== 'held')
      throw conflict(`minutes: write them once the meeting was held (it is ${meeting.status})`, [
        { field: 'minutes', message: 'set the status to held first' },
      ])
    if (request.position !== undefined && request.position !== item.position) {
      // Move: close the gap at the old place, open one at the new place.
      await db
        .updateTable('agenda_item')
        .set((eb) => ({ position: eb('position', '-', 1) }))
        .where('meeting_id', '=', meeting.id)
        .where('position', '>', item.position)
        .execute()
      await db
        .updateTable('agenda_item')
        .set((eb) => ({ position: eb('position', '+', 1) }))
        .where('meeting_id', '=', meeting.id)
        .where('position', '>=', request.position)
        .where('id', '!=', item.id)
        .execute()
    }
    const after = await db
      .updateTable('agenda_item')
      .set({
        ...(request.kind !== undefined ? { kind: request.kind } : {}),
        ...(request.title !== undefined ? { title: request.title } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
        ...(request.presenterOrganisationId !== undefined
          ? { presenter_organisation_id: request.presenterOrganisationId }
          : {}),
        ...(request.presenterName !== undefined ? { presenter_name: request.presenterName } : {}),
        ...(request.durationMinutes !== undefined ? { duration_minutes: request.durationMinutes } : {}),
        ...(request.position !== undefined ? { position: request.position } : {}),
        ...(request.minutes !== undefined
          ? { minutes: request.minutes, minutes_updated_at: options.now }
          : {}),
      })
      .where('id', '=', item.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'agenda_item.update',
      entity: 'agenda_item',
      entityId: item.id,
      before: item,
      after,
      at: options.now,
    })
  })
}

export async function removeAgendaItem(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; itemId: number; now: Date },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const { item, meeting } = await findItemWithMeeting(db, options.viewer, options.itemId, options.now)
    if (meeting.status === 'minutes_approved')
      throw conflict('the minutes are approved; the agenda is closed')
    await db.deleteFrom('agenda_item').where('id', '=', item.id).execute()
    await db
      .updateTable('agenda_item')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('meeting_id', '=', meeting.id)
      .where('position', '>', item.position)
      .execute()
    await recordAudit(db, {
      actor: options.actor,
      action: 'agenda_item.delete',
      entity: 'agenda_item',
      entityId: item.id,
      before: item,
      at: options.now,
    })
  })
}
