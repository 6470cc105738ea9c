/** Agenda items as parts of their meeting: loaded for the moderation, or checked as a reference. */
import type { Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findAgendaItem, findAgendaItemMeetingId, type AgendaItemRow } from './agenda.repository'
import { loadManagedMeeting, type VisibleMeeting } from './load-visible-meeting'
import { message } from '../../core/messages/text'

/** An agenda item with its meeting, for the moderation; hidden meetings' items are not found. */
export async function loadManagedAgendaItem(
  db: Kysely<DB>,
  options: { viewer: Viewer; itemId: number; now: Date },
): Promise<VisibleMeeting & { item: AgendaItemRow }> {
  const item = await findAgendaItem(db, options.itemId)
  const visible = await loadManagedMeeting(db, {
    ...options,
    meetingId: item.meeting_id,
    what: 'editAgenda',
    hiddenAs: message('agenda.noItem', { id: options.itemId }),
  })
  return { ...visible, item }
}

/** A decision, action or comment may name an agenda item: one of its own meeting. */
export async function checkItemOfMeeting(
  db: Kysely<DB>,
  options: { meetingId: number; agendaItemId: number | null },
): Promise<void> {
  const { meetingId, agendaItemId } = options
  if (agendaItemId === null) return
  if ((await findAgendaItemMeetingId(db, agendaItemId)) !== meetingId)
    throw invalidInput(message('agenda.notOfMeeting', { itemId: agendaItemId, meetingId }), [
      detail(message('agenda.expectedItemOfMeeting'), { field: 'agendaItemId', value: String(agendaItemId) }),
    ])
}
