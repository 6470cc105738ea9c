/** Adds an item to a meeting's agenda (at a position, by default at the end) while the agenda is open. */
import { checkAgendaEditable } from '../../core/benchlearning'
import { detail, invalidInput } from '../../core/errors/app-error'
import type { AddAgendaItemRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { findEndPosition, insertAgendaItem, shiftAgendaItems } from './agenda.repository'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { setTopicStatus } from './topic.repository'
import { recordCreation } from './record-creation'
import { message } from '../../core/messages/text'

function checkSource(request: AddAgendaItemRequest): void {
  if (request.source === 'topic' && request.topicId === null)
    throw invalidInput(message('agenda.topicRequired'), [
      detail(message('agenda.requiredForSource', { source: 'topic' }), { field: 'topicId' }),
    ])
  if (request.source === 'open_action' && request.actionItemId === null)
    throw invalidInput(message('agenda.actionRequired'), [
      detail(message('agenda.requiredForSource', { source: 'open_action' }), { field: 'actionItemId' }),
    ])
  if (request.source === 'spotlight' && request.spotlight === null)
    throw invalidInput(message('agenda.spotlightRequired'), [
      detail(message('agenda.requiredForSource', { source: 'spotlight' }), { field: 'spotlight' }),
    ])
  if (request.spotlight?.organisation.isPseudonymised)
    throw invalidInput(message('agenda.spotlightPseudonymised'), [
      detail(message('agenda.askModeration'), { field: 'spotlight' }),
    ])
}

export async function addAgendaItem(
  database: Database,
  options: MeetingWriter & { meetingId: number; request: AddAgendaItemRequest },
): Promise<number> {
  const { request } = options
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'editAgenda' })
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
