/** Records a decision of a meeting (optionally for an agenda item) until the minutes are approved. */
import { checkFollowUpsOpen } from '../../core/benchlearning'
import type { Database } from '../../db/connect'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { insertDecision } from './minutes.repository'
import { recordCreation } from './record-creation'

/** A text of the minutes: a decision or a comment, on the meeting or one of its agenda items. */
export interface MinutesText {
  meetingId: number
  agendaItemId: number | null
  text: string
}

export async function addDecision(database: Database, options: MeetingWriter & MinutesText): Promise<number> {
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'writeMinutes' })
    checkFollowUpsOpen(toMeetingFacts(meeting), 'decision')
    await checkItemOfMeeting(db, options)
    const row = await insertDecision(db, minutesTextRow(options))
    await recordCreation(db, options, { entity: 'decision', row })
    return row.id
  })
}

/** The columns a decision and a comment share. */
export function minutesTextRow(options: MinutesText & { now: Date }) {
  return {
    meeting_id: options.meetingId,
    agenda_item_id: options.agendaItemId,
    text: options.text,
    created_at: options.now,
  }
}
