/** A meeting with participants, registrations, agenda (with minutes), decisions, actions and comments. */
import type { Kysely } from 'kysely'
import type { Viewer } from '../../core/permissions'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import type { MeetingDetailDto, OrgRef } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { listAgendaItems, type AgendaItemRow } from './agenda.repository'
import type { MeetingScope } from './load-meeting-scope'
import { loadVisibleMeeting } from './load-visible-meeting'
import { spotlightForViewer, toActionDto } from './meeting-dto'
import { findInvitedOrganisations, findUsersByIds, listRegistrations } from './meeting.repository'
import { listComments, listDecisions, listMeetingActions } from './minutes.repository'
import { summariseMeetings } from './summarise-meetings'

export async function getMeetingDetail(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number; now: Date },
): Promise<MeetingDetailDto> {
  const { meeting, scope, today } = await loadVisibleMeeting(db, { ...options, meetingId: options.id })
  const [summary] = await summariseMeetings(db, {
    viewer: options.viewer,
    meetings: [meeting],
    now: options.now,
  })
  const invited = await findInvitedOrganisations(db, meeting)
  const registrations = await listRegistrations(db, [meeting.id])
  const agenda = await listAgendaItems(db, meeting.id)
  const decisions = await listDecisions(db, meeting.id)
  const actions = await listMeetingActions(db, meeting.id)
  const comments = await listComments(db, meeting.id)
  const users = await findUsersByIds(db, [
    ...registrations.map((r) => r.user_id),
    ...actions.map((a) => a.owner_user_id),
    ...comments.map((c) => c.user_id),
  ])
  return {
    ...summary!,
    // In the order of the names the caller sees: invited organisations come by id.
    participants: orderAsSeen(
      invited
        .map((organisationId) => ({ organisationId, ref: scope.orgRef(organisationId) }))
        .filter((p): p is { organisationId: number; ref: OrgRef } => p.ref !== null),
      (p) => p.ref.name,
    ).map(({ organisationId, ref }) => ({
      organisation: ref,
      isHost: meeting.host_organisation_id === organisationId,
      registrations: registrations
        .filter((r) => r.organisation_id === organisationId)
        .map((r) => ({
          person: scope.personRef(users.get(r.user_id) ?? null) ?? { id: 0, name: 'Person' },
          status: r.status,
          note: r.note,
        })),
    })),
    agenda: agenda.map((item) => toAgendaItemDto(scope, item)),
    totalMinutes: agenda.reduce((sum, a) => sum + a.duration_minutes, 0),
    decisions: decisions.map((d) => ({ id: d.id, agendaItemId: d.agenda_item_id, text: d.text })),
    actions: actions.map((action) => toActionDto({ scope, action, meeting, users, today })),
    comments: comments.map((c) => ({
      id: c.id,
      agendaItemId: c.agenda_item_id,
      author: scope.personRef(c.user_id !== null ? (users.get(c.user_id) ?? null) : null),
      organisation: scope.orgRef(c.organisation_id),
      text: c.text,
      createdAt: c.created_at.toISOString(),
    })),
    minutesApprovedAt: meeting.minutes_approved_at?.toISOString() ?? null,
    cancellation:
      meeting.cancel_reason !== null && meeting.cancelled_at !== null
        ? { reason: meeting.cancel_reason, at: meeting.cancelled_at.toISOString() }
        : null,
  }
}

function toAgendaItemDto(scope: MeetingScope, item: AgendaItemRow): MeetingDetailDto['agenda'][number] {
  // Items from a spotlight or an open action carry texts the server wrote with names in them.
  const isTyped = item.source === 'manual' || item.source === 'topic'
  return {
    id: item.id,
    position: item.position,
    kind: item.kind,
    title: isTyped ? item.title : scope.maskNames(item.title),
    description: item.description === null || isTyped ? item.description : scope.maskNames(item.description),
    presenter: scope.orgRef(item.presenter_organisation_id),
    presenterName: item.presenter_name,
    durationMinutes: item.duration_minutes,
    source: item.source,
    topicId: item.topic_id,
    actionItemId: item.action_item_id,
    spotlight: spotlightForViewer(scope, item.spotlight),
    minutes: item.minutes,
  }
}
