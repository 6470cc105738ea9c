/**
 * Changes or moves an agenda item while the agenda is open, or writes its minutes once the meeting
 * was held (core/benchlearning/meeting-life.ts).
 */
import type { z } from 'zod'
import { checkAgendaEditable, checkMinutesEditable } from '../../core/benchlearning'
import type { updateAgendaItemRequestSchema } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import type { MeetingWriter } from './load-visible-meeting'
import { shiftAgendaItems, updateAgendaItemRow } from './agenda.repository'
import { loadManagedAgendaItem } from './load-managed-agenda-item'
import { toMeetingFacts } from './meeting-dto'

type UpdateAgendaItemRequest = z.infer<typeof updateAgendaItemRequestSchema>

export async function updateAgendaItem(
  database: Database,
  options: MeetingWriter & { itemId: number; request: UpdateAgendaItemRequest },
): Promise<void> {
  const { request } = options
  await database.transaction(async ({ db }) => {
    const { item, meeting } = await loadManagedAgendaItem(db, options)
    const facts = toMeetingFacts(meeting)
    const { minutes, ...agendaChanges } = request
    if (Object.values(agendaChanges).some((value) => value !== undefined)) checkAgendaEditable(facts)
    if (minutes !== undefined) checkMinutesEditable(facts)
    if (request.position !== undefined && request.position !== item.position) {
      // Move: close the gap at the old place, open one at the new place.
      await shiftAgendaItems(db, { meetingId: meeting.id, from: item.position, isInclusive: false, by: -1 })
      await shiftAgendaItems(db, {
        meetingId: meeting.id,
        from: request.position,
        isInclusive: true,
        by: 1,
        exceptId: item.id,
      })
    }
    const after = await updateAgendaItemRow(db, item.id, {
      ...(request.kind !== undefined ? { kind: request.kind } : {}),
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.description !== undefined ? { description: request.description } : {}),
      ...(request.presenterOrganisationId !== undefined
        ? { presenter_organisation_id: request.presenterOrganisationId }
        : {}),
      ...(request.presenterName !== undefined ? { presenter_name: request.presenterName } : {}),
      ...(request.durationMinutes !== undefined ? { duration_minutes: request.durationMinutes } : {}),
      ...(request.position !== undefined ? { position: request.position } : {}),
      ...(minutes !== undefined ? { minutes, minutes_updated_at: options.now } : {}),
    })
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
