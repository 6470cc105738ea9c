/**
 * Who may see and do what with meetings, topics and minutes. Pure predicates over the `Viewer` of
 * src/core/permissions, so that routes, the CLI and the meeting pack ask the same questions.
 *
 * - See: administrators everything; moderators the rings they moderate; members (and viewers of an
 *   organisation) their own rings; everybody signed in the network-wide events and topics.
 * - Manage (create, change, agenda, minutes, approve): administrators; moderators for the rings
 *   they moderate; network-wide events and topics: moderators of all rings (not one limited to some).
 * - Take part (register, propose topics, vote, comment on minutes): member leads and analysts of
 *   an organisation invited to the meeting / in the ring. The read-only role `viewer` only reads.
 */
import { canModerateRing, type Viewer } from '../permissions'
import { canManageNetworkWide } from '../permissions/network-wide'

/** The part of a meeting or topic the rules need: its ring, or null for network-wide. */
export interface RingScoped {
  ringId: number | null
}

export function canViewRingScoped(viewer: Viewer, item: RingScoped): boolean {
  if (viewer.role === 'admin') return true
  if (item.ringId === null) return true
  if (viewer.role === 'moderator') return canModerateRing(viewer, item.ringId)
  return viewer.ringIds.includes(item.ringId)
}

export function canManageRingScoped(viewer: Viewer, item: RingScoped): boolean {
  if (viewer.role === 'admin') return true
  if (viewer.role !== 'moderator') return false
  return item.ringId === null ? canManageNetworkWide(viewer) : canModerateRing(viewer, item.ringId)
}

/** Members who act for their organisation: leads and analysts (viewers only read). */
export function isParticipatingRole(viewer: Viewer): boolean {
  return (viewer.role === 'member_lead' || viewer.role === 'member_analyst') && viewer.organisationId !== null
}

export function canTakePart(viewer: Viewer, item: RingScoped): boolean {
  return isParticipatingRole(viewer) && canViewRingScoped(viewer, item)
}

/** Proposing and voting: participants of the ring, and the moderators who build the agenda. */
export function canProposeTopic(viewer: Viewer, item: RingScoped): boolean {
  return canTakePart(viewer, item) || canManageRingScoped(viewer, item)
}
