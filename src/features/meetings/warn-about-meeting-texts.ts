/**
 * Name warnings for texts of meetings and topics (venue, titles, agenda, minutes, decisions,
 * actions, comments, registration notes): read by the members of the meeting's ring, or of every
 * ring for a network-wide event or topic. See features/organisations/check-names-in-text.ts.
 */
import type { Kysely } from 'kysely'
import type { NameWarning } from '../../core/pseudonymity/find-organisation-names'
import type { DB } from '../../db/schema'
import { checkNamesInText, type TextReaders } from '../organisations/check-names-in-text'

type Fields = Readonly<Record<string, string | null | undefined>>

/** What a text of a meeting, agenda item or action is attached to. */
export type MeetingTextOwner =
  { ringId: number | null } | { meetingId: number } | { agendaItemId: number } | { actionItemId: number }

async function ringOf(db: Kysely<DB>, owner: MeetingTextOwner): Promise<number | null> {
  if ('ringId' in owner) return owner.ringId
  const meeting = db.selectFrom('meeting as m').select('m.ring_id')
  const row =
    'meetingId' in owner
      ? await meeting.where('m.id', '=', owner.meetingId).executeTakeFirst()
      : 'agendaItemId' in owner
        ? await meeting
            .innerJoin('agenda_item as i', 'i.meeting_id', 'm.id')
            .where('i.id', '=', owner.agendaItemId)
            .executeTakeFirst()
        : await meeting
            .innerJoin('action_item as a', 'a.meeting_id', 'm.id')
            .where('a.id', '=', owner.actionItemId)
            .executeTakeFirst()
  return row?.ring_id ?? null
}

export async function warnAboutMeetingTexts(
  db: Kysely<DB>,
  options: { owner: MeetingTextOwner; at: string; fields: Fields },
): Promise<NameWarning[]> {
  const ringId = await ringOf(db, options.owner)
  const readers: TextReaders = ringId === null ? 'every_ring' : { ringIds: [ringId] }
  return checkNamesInText(db, { readers, at: options.at, fields: options.fields })
}
