/** The next host of a ring meeting by the rotation rule, with the reason and the hosting history. */
import type { Kysely } from 'kysely'
import { detail, invalidInput } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import type { HostProposalDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { orgOrHidden } from './load-meeting-scope'
import { proposeHostOn } from './load-rotation'
import { loadVisibleMeeting } from './load-visible-meeting'
import { message } from '../../core/messages/text'

export async function proposeHostForMeeting(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number; unavailable?: number[]; now: Date },
): Promise<HostProposalDto> {
  const { meeting, scope } = await loadVisibleMeeting(db, { ...options, meetingId: options.id })
  if (meeting.ring_id === null)
    throw invalidInput(message('meeting.noHostRotationForNetwork'), [
      detail(message('meeting.expectedRingMeeting'), { field: 'id', value: String(meeting.id) }),
    ])
  const { history, proposal } = await proposeHostOn(db, {
    ringId: meeting.ring_id,
    startsOn: meeting.starts_on,
    exceptMeetingId: meeting.id,
    unavailable: options.unavailable,
  })
  if (proposal === null)
    throw invalidInput(
      message('meeting.ringWithoutMembers', { ring: meeting.ring_id, day: meeting.starts_on }),
      [detail(message('meeting.ringWithoutMembersOnDay'), { field: 'id', value: String(meeting.id) })],
    )
  const ref = (id: number) => orgOrHidden(scope, id)
  return {
    host: ref(proposal.organisationId),
    round: proposal.round,
    hostedInRound: orderAsSeen(proposal.hostedInRound.map(ref), (o) => o.name),
    remainingInRound: orderAsSeen(proposal.remainingInRound.map(ref), (o) => o.name),
    lastHostedOn: proposal.lastHostedOn,
    reason: scope.maskLocalized(proposal.reason),
    history: history.map((h) => ({
      meetingId: h.meetingId,
      startsOn: h.date,
      host: ref(h.organisationId),
      isOverride: h.isOverride ?? false,
    })),
  }
}
