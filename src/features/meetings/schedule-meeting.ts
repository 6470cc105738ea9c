/** Plans one meeting; a ring meeting without a given host gets the rotation's proposal. */
import type { Insertable, Kysely } from 'kysely'
import { canManageRingScoped, checkMeetingDates } from '../../core/benchlearning'
import { detail, forbidden, invalidInput } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { CreateMeetingRequest } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { DB, MeetingTable } from '../../db/schema'
import type { AuditActor } from '../audit/record-audit'
import { proposeHostOn } from './load-rotation'
import { findNetworkIdFor, insertMeeting, type MeetingRow } from './meeting.repository'
import { recordCreation } from './record-creation'
import { message } from '../../core/messages/text'

export interface ScheduleMeetingOptions {
  viewer: Viewer
  actor: AuditActor
  request: CreateMeetingRequest
  now: Date
  isDemo?: boolean
}

export async function scheduleMeeting(database: Database, options: ScheduleMeetingOptions): Promise<number> {
  const { request, viewer } = options
  checkMeetingDates(request)
  const ringId = request.kind === 'ring_meeting' ? request.ringId : null
  if (request.kind === 'ring_meeting' && ringId === null)
    throw invalidInput(message('meeting.ringNeeded'), [
      detail(message('meeting.requiredForRingMeeting'), { field: 'ringId' }),
    ])
  if (request.kind !== 'ring_meeting' && request.ringId !== null)
    throw invalidInput(message('meeting.networkWideNoRing', { kind: request.kind }), [
      detail(message('meeting.expectedNoRing'), { field: 'ringId', value: String(request.ringId) }),
    ])
  if (!canManageRingScoped(viewer, { ringId }))
    throw forbidden(
      ringId === null ? message('meeting.networkWideRoles') : message('meeting.notYourRing', { ringId }),
    )
  return database.transaction(async ({ db }) => {
    const networkId = await findNetworkIdFor(db, ringId)
    let host = request.hostOrganisationId ?? null
    let hostSource: 'rotation' | 'override' | 'none' = host !== null ? 'override' : 'none'
    if (request.hostOrganisationId === undefined && ringId !== null) {
      const { proposal } = await proposeHostOn(db, { ringId, startsOn: request.startsOn })
      if (proposal !== null) {
        host = proposal.organisationId
        hostSource = 'rotation'
      }
    }
    const row = await insertAuditedMeeting(db, {
      actor: options.actor,
      now: options.now,
      values: {
        network_id: networkId,
        ring_id: ringId,
        kind: request.kind,
        title: request.title,
        starts_on: request.startsOn,
        ends_on: request.endsOn,
        start_time: request.startTime,
        end_time: request.endTime,
        venue: request.venue,
        host_organisation_id: host,
        host_source: hostSource,
        moderator_user_id: request.moderatorUserId ?? (viewer.role === 'moderator' ? viewer.userId : null),
        is_demo: options.isDemo ?? false,
      },
    })
    return row.id
  })
}

/** Writes a new meeting and its audit entry (in the caller's transaction). */
export async function insertAuditedMeeting(
  db: Kysely<DB>,
  options: { actor: AuditActor; now: Date; values: Omit<Insertable<MeetingTable>, 'created_at'> },
): Promise<MeetingRow> {
  const row = await insertMeeting(db, { ...options.values, created_at: options.now })
  await recordCreation(db, options, { entity: 'meeting', row })
  return row
}
