/**
 * Records an action item of a meeting, owned by an invited organisation and/or a person of one,
 * with a due day, until the minutes are approved.
 */
import { checkFollowUpsOpen } from '../../core/benchlearning'
import { invalidInput } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import { checkItemOfMeeting } from './load-managed-agenda-item'
import { loadManagedMeeting, type MeetingWriter } from './load-visible-meeting'
import { toMeetingFacts } from './meeting-dto'
import { findInvitedOrganisations, findUserOrganisation } from './meeting.repository'
import { insertActionItem } from './minutes.repository'
import { recordCreation } from './record-creation'

export interface NewActionItem {
  agendaItemId: number | null
  title: string
  ownerOrganisationId: number | null
  ownerUserId: number | null
  dueOn: string | null
}

export const ownerRequired = (message: string) =>
  invalidInput('ownerOrganisationId: an action needs an owner organisation or person', [
    { field: 'ownerOrganisationId', message },
  ])

export async function addActionItem(
  database: Database,
  options: MeetingWriter & { meetingId: number; action: NewActionItem },
): Promise<number> {
  const { action } = options
  if (action.ownerOrganisationId === null && action.ownerUserId === null)
    throw ownerRequired('required unless ownerUserId is given')
  return database.transaction(async ({ db }) => {
    const { meeting } = await loadManagedMeeting(db, { ...options, what: 'writes the minutes' })
    checkFollowUpsOpen(toMeetingFacts(meeting), 'action')
    await checkItemOfMeeting(db, { meetingId: meeting.id, agendaItemId: action.agendaItemId })
    const invited = await findInvitedOrganisations(db, meeting)
    if (action.ownerOrganisationId !== null && !invited.includes(action.ownerOrganisationId))
      throw invalidInput(
        `ownerOrganisationId: organisation ${action.ownerOrganisationId} does not take part in this meeting`,
        [
          {
            field: 'ownerOrganisationId',
            value: String(action.ownerOrganisationId),
            message: 'expected an invited organisation',
          },
        ],
      )
    if (action.ownerUserId !== null) {
      const user = await findUserOrganisation(db, action.ownerUserId)
      if (!user || (user.organisation_id !== null && !invited.includes(user.organisation_id)))
        throw invalidInput(`ownerUserId: user ${action.ownerUserId} does not take part in this meeting`, [
          {
            field: 'ownerUserId',
            value: String(action.ownerUserId),
            message: 'expected a person of an invited organisation',
          },
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
