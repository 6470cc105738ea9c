/** Adds an item to a meeting's agenda (at a position, by default at the end) while the agenda is open. */
import { checkAgendaEditable } from '../../core/benchlearning'
import { invalidInput } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { AddAgendaItemRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { findEndPosition, insertAgendaItem, shiftAgendaItems } from './agenda.repository'
import { loadManagedMeeting } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { setTopicStatus } from './topic.repository'

function checkSource(request: AddAgendaItemRequest): void {
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
}

export async function addAgendaItem(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; meetingId: number; request: AddAgendaItemRequest; now: Date },
): Promise<number> {
  const { request } = options
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'edits the agenda' })
    checkAgendaEditable(toMeetingFacts(meeting))
    checkSource(request)
    const end = await findEndPosition(db, meeting.id)
    const position = Math.min(request.position ?? end, end)
    if (position < end)
      await shiftAgendaItems(db, { meetingId: meeting.id, from: position, isInclusive: true, by: 1 })
    const row = await insertAgendaItem(db, {
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
    if (request.topicId !== null)
      await setTopicStatus(db, { id: request.topicId, status: 'scheduled', onlyFrom: 'open' })
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
