/** A lead or analyst of an invited organisation registers for a meeting (or declines) while it is open. */
import { canTakePart, checkRegistrationOpen } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { loadVisibleMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { findInvitedOrganisations, findRegistration, upsertRegistration } from './meeting.repository'
import { message } from '../../core/messages/text'

export async function registerForMeeting(
  database: Database,
  options: MeetingWriter & {
    id: number
    status: 'registered' | 'declined'
    note: string | null
  },
): Promise<void> {
  const { viewer } = options
  await database.transaction(async ({ db }) => {
    const { meeting } = await loadVisibleMeeting(db, { ...options, meetingId: options.id })
    if (
      !canTakePart(viewer, { ringId: meeting.ring_id }) ||
      !(await findInvitedOrganisations(db, meeting)).includes(viewer.organisationId!)
    )
      throw forbidden(message('meeting.registerOnlyInvited'))
    checkRegistrationOpen(toMeetingFacts(meeting))
    const before = await findRegistration(db, { meetingId: meeting.id, userId: viewer.userId })
    const values = {
      meeting_id: meeting.id,
      user_id: viewer.userId,
      organisation_id: viewer.organisationId,
      status: options.status,
      note: options.note,
      updated_at: options.now,
    }
    await upsertRegistration(db, values)
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.register',
      entity: 'meeting_registration',
      entityId: `${meeting.id}:${viewer.userId}`,
      before: before ?? null,
      after: values,
      at: options.now,
    })
  })
}
