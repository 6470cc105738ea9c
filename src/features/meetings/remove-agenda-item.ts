/** Removes an agenda item while the agenda is open; the items after it move up. */
import { checkAgendaEditable } from '../../core/benchlearning'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import type { MeetingWriter } from './load-visible-meeting'
import { deleteAgendaItem, shiftAgendaItems } from './agenda.repository'
import { loadManagedAgendaItem } from './load-managed-agenda-item'
import { toMeetingFacts } from './meeting-dto'

export async function removeAgendaItem(
  database: Database,
  options: MeetingWriter & { itemId: number },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const { item, meeting } = await loadManagedAgendaItem(db, options)
    checkAgendaEditable(toMeetingFacts(meeting))
    await deleteAgendaItem(db, item.id)
    await shiftAgendaItems(db, { meetingId: meeting.id, from: item.position, isInclusive: false, by: -1 })
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
