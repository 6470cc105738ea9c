/** Meeting rows → the list entries the caller sees (with registrations, invitation and abilities). */
import type { Kysely } from 'kysely'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { MeetingSummaryDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { loadMeetingScope } from './load-meeting-scope'
import { toMeetingSummary } from './meeting-dto'
import {
  findInvitedOrganisations,
  findUsersByIds,
  listRegistrations,
  listRingRefs,
  type MeetingRow,
} from './meeting.repository'

export async function summariseMeetings(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetings: MeetingRow[]; now: Date },
): Promise<MeetingSummaryDto[]> {
  const { viewer, meetings } = options
  if (meetings.length === 0) return []
  const today = isoDate(options.now)
  const scope = await loadMeetingScope(db, { viewer, at: today })
  const rings = await listRingRefs(db)
  const registrations = await listRegistrations(
    db,
    meetings.map((m) => m.id),
  )
  const users = await findUsersByIds(
    db,
    meetings.map((m) => m.moderator_user_id),
  )
  const result: MeetingSummaryDto[] = []
  for (const meeting of meetings) {
    const ofMeeting = registrations.filter((r) => r.meeting_id === meeting.id)
    const isInvited =
      viewer.organisationId !== null &&
      (await findInvitedOrganisations(db, meeting)).includes(viewer.organisationId)
    result.push(
      toMeetingSummary({
        scope,
        meeting,
        rings,
        users,
        registeredCount: ofMeeting.filter((r) => r.status === 'registered').length,
        myRegistration: ofMeeting.find((r) => r.user_id === viewer.userId)?.status ?? null,
        isInvited,
        today,
      }),
    )
  }
  return result
}
