/** What the host rotation (core/benchlearning/host-rotation.ts) needs of a ring: members and history. */
import type { Kysely } from 'kysely'
import type { HostingRecord, RotationMember } from '../../core/benchlearning'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { SYSTEM_VIEWER } from './load-meeting-scope'
import { findHostedMeetings, findRingMembersOn, listRingRefs } from './meeting.repository'

/** The ring's members on a day; in a pseudonymised ring ties go by pseudonym (see host-rotation.ts). */
export async function loadRotationMembers(
  db: Kysely<DB>,
  ringId: number,
  at: string,
): Promise<RotationMember[]> {
  const rows = await findRingMembersOn(db, ringId, at)
  const ring = (await listRingRefs(db)).get(ringId)
  if (ring?.sharing !== 'pseudonymised') return rows.map((r) => ({ organisationId: r.id, name: r.name }))
  // As a member of this ring sees them, not by name.
  const confidentiality = await loadConfidentiality(db, at)
  const ringMember: Viewer = {
    ...SYSTEM_VIEWER,
    role: 'member_lead',
    ringIds: [ringId],
    moderatedRingIds: [],
  }
  return rows.map((r) => ({
    organisationId: r.id,
    name: r.name,
    tieBreakName: confidentiality.pseudonymFor(ringMember, r.id)?.name ?? r.name,
  }))
}

/** Hosts of the ring's other meetings that start before `before` (the rotation's history). */
export async function loadHostingHistory(
  db: Kysely<DB>,
  options: { ringId: number; before: string; exceptMeetingId?: number },
): Promise<(HostingRecord & { meetingId: number })[]> {
  return (await findHostedMeetings(db, options)).map((r) => ({
    meetingId: r.id,
    organisationId: r.host_organisation_id!,
    date: r.starts_on,
    isOverride: r.host_source === 'override',
  }))
}
