/**
 * Records an action item of a meeting, owned by an invited organisation and/or a person of one,
 * with a due day, until the minutes are approved.
 */
import { checkFollowUpsOpen } from '../../core/benchlearning'
import { detail, invalidInput } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { findInvitedOrganisations, findUserOrganisation } from './meeting.repository'
import { insertActionItem } from './minutes.repository'
import { recordCreation } from './record-creation'
import { message, type Message } from '../../core/messages/text'

export interface NewActionItem {
  agendaItemId: number | null
  title: string
  ownerOrganisationId: number | null
  ownerUserId: number | null
  dueOn: string | null
}

export const ownerRequired = (why: Message) =>
  invalidInput(message('action.ownerRequired'), [detail(why, { field: 'ownerOrganisationId' })])

export async function addActionItem(
  database: Database,
  options: MeetingWriter & { meetingId: number; action: NewActionItem },
): Promise<number> {
  const { action } = options
  if (action.ownerOrganisationId === null && action.ownerUserId === null)
    throw ownerRequired(message('action.requiredUnlessUser'))
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'writeMinutes' })
    checkFollowUpsOpen(toMeetingFacts(meeting), 'action')
    await checkItemOfMeeting(db, { meetingId: meeting.id, agendaItemId: action.agendaItemId })
    const invited = await findInvitedOrganisations(db, meeting)
    if (action.ownerOrganisationId !== null && !invited.includes(action.ownerOrganisationId))
      throw invalidInput(
        message('action.organisationNotInvited', { organisationId: action.ownerOrganisationId }),
        [
          detail(message('action.expectedInvitedOrganisation'), {
            field: 'ownerOrganisationId',
            value: String(action.ownerOrganisationId),
          }),
        ],
      )
    if (action.ownerUserId !== null) {
      const user = await findUserOrganisation(db, action.ownerUserId)
      if (!user || (user.organisation_id !== null && !invited.includes(user.organisation_id)))
        throw invalidInput(message('action.userNotInvited', { userId: action.ownerUserId }), [
          detail(message('action.expectedInvitedPerson'), {
            field: 'ownerUserId',
            value: String(action.ownerUserId),
          }),
        ])
    }
    const row = await insertActionItem(db, {
      meeting_id: meeting.id,
      agenda_item_id: action.agendaItemId,
      title: action.title,
      owner_organisation_id: action.ownerOrganisationId,
      owner_user_id: action.ownerUserId,
      due_on: action.dueOn,
      created_at: options.now,
    })
    await recordCreation(db, options, { entity: 'action_item', row })
    return row.id
  })
}
