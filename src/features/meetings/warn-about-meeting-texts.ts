/**
 * Name warnings for texts of meetings and topics (venue, titles, agenda, minutes, decisions,
 * actions, comments, registration notes): read by the members of the meeting's ring, or of every
 * ring for a network-wide event or topic. See features/organisations/check-names-in-text.ts.
 */
import type { Kysely } from 'kysely'
import type { NameWarning } from '../../core/pseudonymity/find-organisation-names'
import type { DB } from '../../db/schema'
import { checkNamesInText, type TextReaders } from '../organisations/check-names-in-text'
import { findRingOfMeetingPart } from './meeting.repository'

type Fields = Readonly<Record<string, string | null | undefined>>

/** What a text of a meeting, agenda item or action is attached to. */
export type MeetingTextOwner =
  { ringId: number | null } | { meetingId: number } | { agendaItemId: number } | { actionItemId: number }

export async function warnAboutMeetingTexts(
  db: Kysely<DB>,
  options: { owner: MeetingTextOwner; at: string; fields: Fields },
): Promise<NameWarning[]> {
  const { owner } = options
  const ringId = 'ringId' in owner ? owner.ringId : await findRingOfMeetingPart(db, owner)
  const readers: TextReaders = ringId === null ? 'every_ring' : { ringIds: [ringId] }
  return checkNamesInText(db, { readers, at: options.at, fields: options.fields })
}
