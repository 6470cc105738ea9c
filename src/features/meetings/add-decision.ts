/** Records a decision of a meeting (optionally for an agenda item) until the minutes are approved. */
import { checkFollowUpsOpen } from '../../core/benchlearning'
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadManagedMeeting } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { insertDecision } from './minutes.repository'

export async function addDecision(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    meetingId: number
    agendaItemId: number | null
    text: string
    now: Date
  },
): Promise<number> {
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'writes the minutes' })
    checkFollowUpsOpen(toMeetingFacts(meeting), 'decision')
    await checkItemOfMeeting(db, options)
    const row = await insertDecision(db, {
      meeting_id: meeting.id,
      agenda_item_id: options.agendaItemId,
      text: options.text,
      created_at: options.now,
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'decision.create',
      entity: 'decision',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}
