/** Leads and analysts of invited organisations and the moderation comment on the draft minutes of a held meeting. */
import { canManageRingScoped, canTakePart, checkCommentsOpen } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadVisibleMeeting } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { findInvitedOrganisations } from './meeting.repository'
import { insertComment } from './minutes.repository'

export async function commentOnMinutes(
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
  const { viewer } = options
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadVisibleMeeting(db, options)
    const item = { ringId: meeting.ring_id }
    const isParticipant =
      canTakePart(viewer, item) &&
      (await findInvitedOrganisations(db, meeting)).includes(viewer.organisationId!)
    if (!isParticipant && !canManageRingScoped(viewer, item))
      throw forbidden(
        'only leads and analysts of invited organisations and the moderation comment on minutes',
      )
    checkCommentsOpen(toMeetingFacts(meeting))
    await checkItemOfMeeting(db, options)
    const row = await insertComment(db, {
      meeting_id: meeting.id,
      agenda_item_id: options.agendaItemId,
      user_id: viewer.userId,
      organisation_id: viewer.organisationId,
      text: options.text,
      created_at: options.now,
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'minutes_comment.create',
      entity: 'minutes_comment',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}
