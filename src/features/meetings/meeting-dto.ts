/** Row → response mapping for meetings and action items, with the caller's abilities. */
import type { Selectable } from 'kysely'
import {
  areCommentsOpen,
  areMinutesEditable,
  canManageRingScoped,
  canProposeTopic,
  canTakePart,
  canViewRingScoped,
  isAgendaEditable,
  isCancellable,
  isParticipatingRole,
  isRegistrationOpen,
  isUpcoming,
  nextStatusAllowed,
  type MeetingFacts,
} from '../../core/benchlearning'
import { notFound } from '../../core/errors/app-error'
import type { ActionItemDto, MeetingSummaryDto, OrgRef, SpotlightDto } from '../../contracts/meetings'
import type { ActionItemTable } from '../../db/schema'
import type { MeetingScope } from './load-meeting-scope'
import type { MeetingRow, RingRef, UserRef } from './meeting.repository'
import { message } from '../../core/messages/text'

export function requireVisibleMeeting(scope: MeetingScope, meeting: MeetingRow): void {
  // Not found rather than forbidden: the caller learns nothing about other rings' meetings.
  if (!canViewRingScoped(scope.viewer, { ringId: meeting.ring_id }))
    throw notFound(message('meeting.none', { id: meeting.id }))
}

/** What the rules of core/benchlearning/meeting-life.ts read of a meeting row. */
export function toMeetingFacts(meeting: MeetingRow): MeetingFacts {
  return { id: meeting.id, status: meeting.status, startsOn: meeting.starts_on, endsOn: meeting.ends_on }
}

/** The caller's abilities on a meeting: their role and ring (permissions) and its state (meeting life). */
export function meetingAbilities(options: {
  scope: MeetingScope
  meeting: MeetingRow
  isInvited: boolean
  registeredCount: number
  today: string
}): Record<string, boolean> {
  const { scope, meeting } = options
  const item = { ringId: meeting.ring_id }
  const canManage = canManageRingScoped(scope.viewer, item)
  const isParticipant = canTakePart(scope.viewer, item) && options.isInvited
  const next = nextStatusAllowed({
    meeting: toMeetingFacts(meeting),
    today: options.today,
    registeredCount: options.registeredCount,
  })
  return {
    canManage,
    canInvite: canManage && next === 'invited',
    canMarkHeld: canManage && next === 'held',
    canEditAgenda: canManage && isAgendaEditable(meeting.status),
    canEditMinutes: canManage && areMinutesEditable(meeting.status),
    canApproveMinutes: canManage && meeting.status === 'held',
    canCancel: canManage && isCancellable(meeting.status),
    canRegister: isParticipant && isRegistrationOpen(meeting.status),
    canComment: (isParticipant || canManage) && areCommentsOpen(meeting.status),
    canProposeTopic: canProposeTopic(scope.viewer, item),
    canDownloadPack: true,
  }
}

/**
 * A frozen spotlight names an organisation and its figures: shown as stored to those who see the
 * organisation by name, under its pseudonym to pseudonymised peers, and not at all otherwise.
 */
export function spotlightForViewer(scope: MeetingScope, stored: unknown): SpotlightDto | null {
  if (!stored || typeof stored !== 'object') return null
  const spotlight = stored as SpotlightDto
  const ref = scope.orgRef(spotlight.organisation.id)
  if (!ref) return null
  // Its words are made from the numbers and this name (core/benchlearning/spotlight-text.ts), so a
  // pseudonymised reader's spotlight names the organisation only by its pseudonym.
  const {
    titleDe: _title,
    sentenceDe: _sentence,
    ...facts
  } = spotlight as SpotlightDto & Record<string, unknown>
  return { ...facts, organisation: ref }
}

/**
 * The venue as the caller may read it. A meeting hosted by an organisation the caller sees under a
 * pseudonym is held at that organisation, so its address names it: such callers read "bei
 * Jobcenter C (Vergleichsring 2)" and get the address from the moderation with the invitation
 * (docs/security.md, "Pseudonyms"). Everyone else reads the venue as written.
 */
export function venueFor(host: OrgRef | null, venue: string | null): string | null {
  if (venue === null || !host?.isPseudonymised) return venue
  return `${host.name} (Anschrift über die Moderation)`
}

export function toMeetingSummary(options: {
  scope: MeetingScope
  meeting: MeetingRow
  rings: Map<number, RingRef>
  users: Map<number, UserRef>
  registeredCount: number
  myRegistration: 'registered' | 'declined' | null
  isInvited: boolean
  today: string
}): MeetingSummaryDto {
  const { scope, meeting: m } = options
  const ring = m.ring_id !== null ? options.rings.get(m.ring_id) : undefined
  const host = scope.orgRef(m.host_organisation_id)
  return {
    id: m.id,
    kind: m.kind,
    ring: ring ? { id: ring.id, code: ring.code, name: ring.name } : null,
    title: m.title,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
    startTime: m.start_time,
    endTime: m.end_time,
    venue: venueFor(host, m.venue),
    host,
    hostSource: m.host_source,
    moderator: scope.personRef(
      m.moderator_user_id !== null ? (options.users.get(m.moderator_user_id) ?? null) : null,
    ),
    status: m.status,
    isUpcoming: isUpcoming(toMeetingFacts(m), options.today),
    isDemo: m.is_demo,
    registeredCount: options.registeredCount,
    myRegistration: options.myRegistration,
    abilities: meetingAbilities({ ...options, meeting: m }),
  }
}

export function toActionDto(options: {
  scope: MeetingScope
  action: Selectable<ActionItemTable>
  meeting: Pick<MeetingRow, 'id' | 'title' | 'starts_on' | 'ring_id'>
  users: Map<number, UserRef>
  today: string
}): ActionItemDto {
  const { scope, action: a, meeting } = options
  const viewer = scope.viewer
  const isOwner =
    a.owner_user_id === viewer.userId ||
    (isParticipatingRole(viewer) &&
      a.owner_organisation_id !== null &&
      a.owner_organisation_id === viewer.organisationId)
  const isOpen = a.status === 'open' || a.status === 'in_progress'
  return {
    id: a.id,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    meetingStartsOn: meeting.starts_on,
    agendaItemId: a.agenda_item_id,
    title: a.title,
    ownerOrganisation: scope.orgRef(a.owner_organisation_id),
    ownerUser: scope.personRef(
      a.owner_user_id !== null ? (options.users.get(a.owner_user_id) ?? null) : null,
    ),
    dueOn: a.due_on,
    status: a.status,
    isOverdue: isOpen && a.due_on !== null && a.due_on < options.today,
    abilities: {
      canUpdateStatus: isOwner || canManageRingScoped(viewer, { ringId: meeting.ring_id }),
      canEdit: canManageRingScoped(viewer, { ringId: meeting.ring_id }),
    },
  }
}
