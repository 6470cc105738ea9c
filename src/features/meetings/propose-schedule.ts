/**
 * The yearly schedule of a ring with hosts by the rotation; with `isCreate` the meetings are
 * created (status planned, host source rotation) in one transaction.
 */
import { canManageRingScoped, proposeHostSequence, proposeYearSchedule } from '../../core/benchlearning'
import { conflict, forbidden, invalidInput } from '../../core/errors/app-error'
import { isoDate } from '../../core/periods/dates'
import { message, toSent } from '../../core/messages/text'
import type { Viewer } from '../../core/permissions'
import type { ScheduleProposalDto } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { AuditActor } from '../audit/record-audit'
import { loadMeetingScope, orgOrHidden } from './load-meeting-scope'
import { loadHostingHistory, loadRotationMembers } from './load-rotation'
import { countRingMeetingsInYear, requireRing } from './meeting.repository'
import { insertAuditedMeeting } from './schedule-meeting'

export async function proposeSchedule(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    ringId: number
    year: number
    count: number
    durationDays: 1 | 1.5 | 2
    isCreate: boolean
    now: Date
    isDemo?: boolean
  },
): Promise<ScheduleProposalDto> {
  const { viewer, year } = options
  if (!canManageRingScoped(viewer, { ringId: options.ringId }))
    throw forbidden(message('meeting.notYourRing', { ringId: options.ringId }))
  return database.transaction(async ({ db }) => {
    const ring = await requireRing(db, options.ringId)
    const slots = proposeYearSchedule({ year, count: options.count, durationDays: options.durationDays })
    const existing = await countRingMeetingsInYear(db, ring.id, year)
    if (options.isCreate && existing > 0)
      throw conflict(message('meeting.scheduleExists', { ring: ring.code, count: existing, year }))
    const firstDay = slots[0]!.startsOn
    const members = await loadRotationMembers(db, ring.id, firstDay)
    if (members.length === 0)
      throw invalidInput(message('meeting.ringWithoutMembers', { ring: ring.code, day: firstDay }))
    const history = await loadHostingHistory(db, { ringId: ring.id, before: firstDay })
    const hosts = proposeHostSequence({ members, history, dates: slots.map((s) => s.startsOn) })
    const scope = await loadMeetingScope(db, { viewer, at: isoDate(options.now) })
    const proposed = slots.map((slot, i) => ({
      ...slot,
      title: `${ring.name}: Treffen ${slot.number}/${year}`,
      host: orgOrHidden(scope, hosts[i]!.organisationId),
      hostId: hosts[i]!.organisationId,
      reason: scope.maskLocalized(hosts[i]!.reason),
    }))
    const createdMeetingIds: number[] = []
    if (options.isCreate)
      for (const slot of proposed) {
        const row = await insertAuditedMeeting(db, {
          actor: options.actor,
          now: options.now,
          values: {
            network_id: ring.networkId,
            ring_id: ring.id,
            kind: 'ring_meeting',
            title: slot.title,
            starts_on: slot.startsOn,
            ends_on: slot.endsOn,
            start_time: slot.startTime,
            end_time: slot.endTime,
            venue: null,
            host_organisation_id: slot.hostId,
            host_source: 'rotation',
            moderator_user_id: viewer.role === 'moderator' ? viewer.userId : null,
            is_demo: options.isDemo ?? false,
          },
        })
        createdMeetingIds.push(row.id)
      }
    return {
      ring: { id: ring.id, code: ring.code, name: ring.name },
      year,
      note: toSent(message('meeting.scheduleNote')),
      slots: proposed.map(({ hostId: _hostId, ...slot }) => slot),
      createdMeetingIds,
    }
  })
}
