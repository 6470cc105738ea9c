/** What the host rotation (core/benchlearning/host-rotation.ts) needs of a ring: members and history. */
import type { Kysely } from 'kysely'
import {
  proposeNextHost,
  type HostingRecord,
  type HostProposal,
  type RotationMember,
} from '../../core/benchlearning'
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

/**
 * Hosts of the ring's other meetings that start before `before` (the rotation's history), or with
 * `after`, those planned after a meeting (so that no one hosts twice in a row).
 */
export async function loadHostingHistory(
  db: Kysely<DB>,
  options: { ringId: number; exceptMeetingId?: number } & ({ before: string } | { after: string }),
): Promise<(HostingRecord & { meetingId: number })[]> {
  return (await findHostedMeetings(db, options)).map((r) => ({
    meetingId: r.id,
    organisationId: r.host_organisation_id!,
    date: r.starts_on,
    isOverride: r.host_source === 'override',
  }))
}

/**
 * The rotation's proposal for a ring meeting on `startsOn`, with the hosts before it (history) and
 * after it (planned), so that a meeting added between others never repeats a neighbour's host.
 * `members` is empty (and `proposal` null) when the ring has no members that day.
 */
export async function proposeHostOn(
  db: Kysely<DB>,
  options: { ringId: number; startsOn: string; exceptMeetingId?: number; unavailable?: number[] },
): Promise<{
  members: RotationMember[]
  history: (HostingRecord & { meetingId: number })[]
  proposal: HostProposal | null
}> {
  const { ringId, exceptMeetingId } = options
  const members = await loadRotationMembers(db, ringId, options.startsOn)
  const history = await loadHostingHistory(db, { ringId, before: options.startsOn, exceptMeetingId })
  if (members.length === 0) return { members, history, proposal: null }
  const later = await loadHostingHistory(db, { ringId, after: options.startsOn, exceptMeetingId })
  return {
    members,
    history,
    proposal: proposeNextHost({ members, history, later, unavailable: options.unavailable }),
  }
}
