/**
 * Calendar invitations of a meeting (METHOD:REQUEST on invitation and change, CANCEL on
 * cancellation) to the active accounts of the invited organisations and the moderator. Each message
 * carries the meeting's next SEQUENCE, so calendars replace the entry instead of adding one; the
 * text and the calendar entry are built when it is sent, for the recipient's eyes.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import {
  findActiveUsersOfOrganisations,
  findInvitedOrganisations,
  type MeetingRow,
} from '../meetings/meeting.repository'
import { nextCalendarSequence } from './outbox.repository'
import { queueMailForUsers } from './queue-mail'

export async function queueMeetingMail(
  db: Kysely<DB>,
  options: { meeting: MeetingRow; change: 'invitation' | 'update' | 'cancel'; now: Date },
): Promise<number> {
  const { meeting } = options
  const users = await findActiveUsersOfOrganisations(db, await findInvitedOrganisations(db, meeting))
  const userIds = users.map((u) => u.id)
  if (meeting.moderator_user_id !== null) userIds.push(meeting.moderator_user_id)
  const sequence = await nextCalendarSequence(db, meeting.id)
  return queueMailForUsers(db, {
    kind:
      options.change === 'invitation'
        ? 'meeting_invitation'
        : options.change === 'update'
          ? 'meeting_update'
          : 'meeting_cancel',
    preference: 'meeting_invitation',
    userIds,
    payloadFor: () => ({ meetingId: meeting.id, sequence }),
    now: options.now,
  })
}
