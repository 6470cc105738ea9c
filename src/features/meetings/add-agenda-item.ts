/** Adds an item to a meeting's agenda (at a position, by default at the end) while the agenda is open. */
import { checkAgendaEditable } from '../../core/benchlearning'
import { invalidInput } from '../../core/errors/app-error'
import type { AddAgendaItemRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { findEndPosition, insertAgendaItem, shiftAgendaItems } from './agenda.repository'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { setTopicStatus } from './topic.repository'
import { recordCreation } from './record-creation'

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
  options: MeetingWriter & { meetingId: number; request: AddAgendaItemRequest },
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
    await recordCreation(db, options, { entity: 'agenda_item', row })
    return row.id
  })
}
