/**
 * After new rings apply: the ring meetings still to come (planned or invited, on or after the day
 * the rings change) whose host or registered organisations are no longer members of the meeting's
 * ring on its day, or whose ring ends. The moderator sees them when applying the rings, so that
 * meetings planned under the old membership are not left as they were without a word.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { findRingMembersOn, findUpcomingRingMeetings, listRegistrations } from './meeting.repository'

export interface MeetingOffRings {
  meetingId: number
  title: string
  startsOn: string
  ringCode: string
  /** The ring has no members on the meeting's day (it ended). */
  isRingEnded: boolean
  /** The host is not a member of the ring on the meeting's day. */
  isHostOutside: boolean
  /** Registrations of organisations that are not members of the ring on the meeting's day. */
  registrationsOutside: number
}

export async function findMeetingsOffRings(
  db: Kysely<DB>,
  options: { networkId: number; from: string },
): Promise<MeetingOffRings[]> {
  const meetings = await findUpcomingRingMeetings(db, options)
  const result: MeetingOffRings[] = []
  for (const meeting of meetings) {
    const members = new Set(
      (await findRingMembersOn(db, meeting.ring_id!, meeting.starts_on)).map((m) => m.id),
    )
    const registrations = (await listRegistrations(db, [meeting.id])).filter(
      (r) => r.status === 'registered' && r.organisation_id !== null,
    )
    const outside = registrations.filter((r) => !members.has(r.organisation_id!)).length
    const isHostOutside = meeting.host_organisation_id !== null && !members.has(meeting.host_organisation_id)
    if (members.size > 0 && !isHostOutside && outside === 0) continue
    result.push({
      meetingId: meeting.id,
      title: meeting.title,
      startsOn: meeting.starts_on,
      ringCode: meeting.code,
      isRingEnded: members.size === 0,
      isHostOutside,
      registrationsOutside: outside,
    })
  }
  return result
}
