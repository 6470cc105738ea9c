/** Leads and analysts of invited organisations and the moderation comment on the draft minutes of a held meeting. */
import { canManageRingScoped, canTakePart, checkCommentsOpen } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { minutesTextRow, type MinutesText } from './add-decision'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadVisibleMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { findInvitedOrganisations } from './meeting.repository'
import { insertComment } from './minutes.repository'
import { recordCreation } from './record-creation'

export async function commentOnMinutes(
  database: Database,
  options: MeetingWriter & MinutesText,
): Promise<number> {
  const { viewer } = options
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadVisibleMeeting(db, options)
    const item = { ringId: meeting.ring_id }
    const isParticipant =
      canTakePart(viewer, item) &&
      (await findInvitedOrganisations(db, meeting)).includes(viewer.organisationId!)
    if (!isParticipant && !canManageRingScoped(viewer, item)) throw forbidden(message('minutes.commentRoles'))
    checkCommentsOpen(toMeetingFacts(meeting))
    await checkItemOfMeeting(db, options)
    const author = { user_id: viewer.userId, organisation_id: viewer.organisationId }
    const row = await insertComment(db, { ...minutesTextRow(options), ...author })
    await recordCreation(db, options, { entity: 'minutes_comment', row })
    return row.id
  })
}
