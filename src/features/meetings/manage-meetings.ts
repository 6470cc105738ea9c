/**
 * Meetings: list, detail, create (with the host proposed by the rotation), change (host override,
 * status with notifications), registrations, the host proposal and the yearly schedule.
 */
import type { Kysely } from 'kysely'
import {
  canManageRingScoped,
  canTakePart,
  canViewRingScoped,
  proposeHostSequence,
  proposeNextHost,
  proposeYearSchedule,
  type HostingRecord,
  type RotationMember,
} from '../../core/benchlearning'
import { conflict, forbidden, invalidInput } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import type {
  CreateMeetingRequest,
  HostProposalDto,
  MeetingDetailDto,
  MeetingSummaryDto,
  OrgRef,
  ScheduleProposalDto,
  UpdateMeetingRequest,
} from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { DB, MeetingStatus } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { loadMeetingScope, SYSTEM_VIEWER, type MeetingScope } from './load-meeting-scope'
import { requireVisibleMeeting, toActionDto, toMeetingSummary } from './meeting-dto'
import {
  findInvitedOrganisations,
  findMeeting,
  findUsersByIds,
  listRingRefs,
  resolveRing,
  type MeetingRow,
} from './meeting.repository'
import { findUsersOfOrganisations, insertNotifications } from './notifications'

const STATUS_ORDER: MeetingStatus[] = ['planned', 'invited', 'held', 'minutes_approved']

const todayOf = (now: Date) => now.toISOString().slice(0, 10)

const orgOrHidden = (scope: MeetingScope, id: number): OrgRef =>
  scope.orgRef(id) ?? { id: 0, name: 'andere Organisation', isPseudonymised: true }

export interface ListMeetingsOptions {
  viewer: Viewer
  ring?: string
  year?: number
  status?: MeetingStatus
  now: Date
}

export async function listMeetings(
  db: Kysely<DB>,
  options: ListMeetingsOptions,
): Promise<MeetingSummaryDto[]> {
  const { viewer } = options
  const ring = options.ring ? await resolveRing(db, options.ring) : undefined
  const rows = await db
    .selectFrom('meeting')
    .selectAll()
    .$if(ring !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('ring_id', '=', ring!.id), eb('ring_id', 'is', null)])),
    )
    .$if(options.year !== undefined, (qb) =>
      qb.where('starts_on', '>=', `${options.year}-01-01`).where('starts_on', '<=', `${options.year}-12-31`),
    )
    .$if(options.status !== undefined, (qb) => qb.where('status', '=', options.status!))
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  const visible = rows.filter((m) => canViewRingScoped(viewer, { ringId: m.ring_id }))
  return summarise(db, { viewer, meetings: visible, now: options.now })
}

async function summarise(
  db: Kysely<DB>,
  options: { viewer: Viewer; meetings: MeetingRow[]; now: Date },
): Promise<MeetingSummaryDto[]> {
  if (options.meetings.length === 0) return []
  const scope = await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) })
  const rings = await listRingRefs(db)
  const ids = options.meetings.map((m) => m.id)
  const registrations = await db
    .selectFrom('meeting_registration')
    .select(['meeting_id', 'user_id', 'status'])
    .where('meeting_id', 'in', ids)
    .execute()
  const users = await findUsersByIds(
    db,
    options.meetings.map((m) => m.moderator_user_id),
  )
  const result: MeetingSummaryDto[] = []
  for (const m of options.meetings) {
    const mine = registrations.find((r) => r.meeting_id === m.id && r.user_id === options.viewer.userId)
    const invited =
      options.viewer.organisationId !== null && (await isInvited(db, m, options.viewer.organisationId))
    result.push(
      toMeetingSummary({
        scope,
        meeting: m,
        rings,
        users,
        registeredCount: registrations.filter((r) => r.meeting_id === m.id && r.status === 'registered')
          .length,
        myRegistration: mine?.status ?? null,
        isInvited: invited,
      }),
    )
  }
  return result
}

async function isInvited(db: Kysely<DB>, meeting: MeetingRow, organisationId: number): Promise<boolean> {
  return (await findInvitedOrganisations(db, meeting)).includes(organisationId)
}

export async function getMeetingDetail(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number; now: Date },
): Promise<MeetingDetailDto> {
  const meeting = await findMeeting(db, options.id)
  const scope = await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) })
  requireVisibleMeeting(scope, meeting)
  const [summary] = await summarise(db, { viewer: options.viewer, meetings: [meeting], now: options.now })
  const invited = await findInvitedOrganisations(db, meeting)
  const registrations = await db
    .selectFrom('meeting_registration')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .execute()
  const agenda = await db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const decisions = await db
    .selectFrom('decision')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('id')
    .execute()
  const actions = await db
    .selectFrom('action_item')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('id')
    .execute()
  const comments = await db
    .selectFrom('minutes_comment')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('id')
    .execute()
  const users = await findUsersByIds(db, [
    ...registrations.map((r) => r.user_id),
    ...actions.map((a) => a.owner_user_id),
    ...comments.map((c) => c.user_id),
  ])
  const today = todayOf(options.now)
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
    agenda: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      kind: a.kind,
      // Items from a spotlight or an open action carry texts the server wrote with names in them.
      title: a.source === 'manual' || a.source === 'topic' ? a.title : scope.maskNames(a.title),
      description:
        a.description === null || a.source === 'manual' || a.source === 'topic'
          ? a.description
          : scope.maskNames(a.description),
      presenter: scope.orgRef(a.presenter_organisation_id),
      presenterName: a.presenter_name,
      durationMinutes: a.duration_minutes,
      source: a.source,
      topicId: a.topic_id,
      actionItemId: a.action_item_id,
      spotlight: spotlightForViewer(scope, a.spotlight),
      minutes: a.minutes,
    })),
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
  }
}

/**
 * A frozen spotlight names an organisation and its figures: shown as stored to those who see the
 * organisation by name, under its pseudonym to pseudonymised peers, and not at all otherwise.
 */
export function spotlightForViewer(
  scope: MeetingScope,
  stored: unknown,
): MeetingDetailDto['agenda'][number]['spotlight'] {
  if (!stored || typeof stored !== 'object') return null
  const s = stored as MeetingDetailDto['agenda'][number]['spotlight'] & { organisation: OrgRef }
  const ref = scope.orgRef(s!.organisation.id)
  if (!ref) return null
  if (!ref.isPseudonymised) return { ...s!, organisation: ref }
  return {
    ...s!,
    organisation: ref,
    titleDe: scope.maskNames(s!.titleDe),
    sentenceDe: scope.maskNames(s!.sentenceDe),
  }
}

function checkDates(request: {
  startsOn: string
  endsOn: string
  startTime: string | null
  endTime: string | null
}) {
  if (request.endsOn < request.startsOn)
    throw invalidInput(`endsOn: the last day ${request.endsOn} is before the first day ${request.startsOn}`, [
      { field: 'endsOn', value: request.endsOn, message: 'expected a day on or after startsOn' },
    ])
  if ((request.startTime === null) !== (request.endTime === null))
    throw invalidInput('startTime and endTime: give both (a timed meeting) or neither (all-day)', [
      { field: request.startTime === null ? 'startTime' : 'endTime', message: 'missing' },
    ])
  if (
    request.startTime &&
    request.endTime &&
    request.startsOn === request.endsOn &&
    request.endTime <= request.startTime
  )
    throw invalidInput(
      `endTime: ${request.endTime} is not after startTime ${request.startTime} on the same day`,
      [{ field: 'endTime', value: request.endTime, message: 'expected a later time' }],
    )
}

async function ringMembersForRotation(db: Kysely<DB>, ringId: number, at: string): Promise<RotationMember[]> {
  const rows = await db
    .selectFrom('ring_membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('m.ring_id', '=', ringId)
    .where('m.valid_from', '<=', at)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', at)]))
    .execute()
  const ring = await db.selectFrom('ring').select('sharing').where('id', '=', ringId).executeTakeFirst()
  if (ring?.sharing !== 'pseudonymised') return rows.map((r) => ({ organisationId: r.id, name: r.name }))
  // Ties go by pseudonym (as a member of this ring sees them), not by name: see host-rotation.ts.
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
async function hostingHistory(
  db: Kysely<DB>,
  options: { ringId: number; before: string; exceptMeetingId?: number },
): Promise<(HostingRecord & { meetingId: number })[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(['id', 'starts_on', 'host_organisation_id', 'host_source'])
    .where('ring_id', '=', options.ringId)
    .where('host_organisation_id', 'is not', null)
    .where('starts_on', '<', options.before)
    .$if(options.exceptMeetingId !== undefined, (qb) => qb.where('id', '!=', options.exceptMeetingId!))
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    meetingId: r.id,
    organisationId: r.host_organisation_id!,
    date: r.starts_on,
    isOverride: r.host_source === 'override',
  }))
}

export async function proposeHostForMeeting(
  db: Kysely<DB>,
  options: { viewer: Viewer; id: number; unavailable?: number[]; now: Date },
): Promise<HostProposalDto> {
  const meeting = await findMeeting(db, options.id)
  const scope = await loadMeetingScope(db, { viewer: options.viewer, at: todayOf(options.now) })
  requireVisibleMeeting(scope, meeting)
  if (meeting.ring_id === null)
    throw invalidInput('network-wide events have no host rotation; set the host by hand', [
      { field: 'id', value: String(meeting.id), message: 'expected a ring meeting' },
    ])
  const members = await ringMembersForRotation(db, meeting.ring_id, meeting.starts_on)
  const history = await hostingHistory(db, {
    ringId: meeting.ring_id,
    before: meeting.starts_on,
    exceptMeetingId: meeting.id,
  })
  const proposal = proposeNextHost({ members, history, unavailable: options.unavailable })
  const ref = (id: number) => orgOrHidden(scope, id)
  return {
    host: ref(proposal.organisationId),
    round: proposal.round,
    hostedInRound: orderAsSeen(proposal.hostedInRound.map(ref), (o) => o.name),
    remainingInRound: orderAsSeen(proposal.remainingInRound.map(ref), (o) => o.name),
    lastHostedOn: proposal.lastHostedOn,
    reasonDe: scope.maskNames(proposal.reasonDe),
    history: history.map((h) => ({
      meetingId: h.meetingId,
      startsOn: h.date,
      host: ref(h.organisationId),
      isOverride: h.isOverride ?? false,
    })),
  }
}

export interface CreateMeetingOptions {
  viewer: Viewer
  actor: AuditActor
  request: CreateMeetingRequest
  now: Date
  isDemo?: boolean
}

/** Creates a meeting; a ring meeting without a given host gets the rotation's proposal. */
export async function createMeeting(database: Database, options: CreateMeetingOptions): Promise<number> {
  const { request, viewer } = options
  checkDates(request)
  const ringId = request.kind === 'ring_meeting' ? request.ringId : null
  if (request.kind === 'ring_meeting' && ringId === null)
    throw invalidInput('ringId: a ring meeting needs its ring', [
      { field: 'ringId', message: 'required for kind ring_meeting' },
    ])
  if (request.kind !== 'ring_meeting' && request.ringId !== null)
    throw invalidInput(`ringId: a ${request.kind} is network-wide and has no ring`, [
      { field: 'ringId', value: String(request.ringId), message: 'expected null' },
    ])
  if (!canManageRingScoped(viewer, { ringId }))
    throw forbidden(
      ringId === null
        ? 'only moderators and administrators plan network-wide events'
        : `you do not moderate ring ${ringId}`,
    )
  return database.transaction(async ({ db }) => {
    const rings = await listRingRefs(db)
    let networkId: number
    if (ringId !== null) {
      const ring = rings.get(ringId)
      if (!ring)
        throw invalidInput(`ringId: no ring with the id ${ringId}`, [
          { field: 'ringId', value: String(ringId), message: 'unknown ring' },
        ])
      networkId = ring.networkId
    } else {
      const network = await db.selectFrom('network').select('id').orderBy('id').executeTakeFirst()
      if (!network) throw invalidInput('there is no network yet to hold a network-wide event in')
      networkId = network.id
    }
    let host = request.hostOrganisationId ?? null
    let hostSource: 'rotation' | 'override' | 'none' = host !== null ? 'override' : 'none'
    if (request.hostOrganisationId === undefined && ringId !== null) {
      const members = await ringMembersForRotation(db, ringId, request.startsOn)
      if (members.length > 0) {
        const history = await hostingHistory(db, { ringId, before: request.startsOn })
        host = proposeNextHost({ members, history }).organisationId
        hostSource = 'rotation'
      }
    }
    const moderator = request.moderatorUserId ?? (viewer.role === 'moderator' ? viewer.userId : null)
    const row = await db
      .insertInto('meeting')
      .values({
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
        moderator_user_id: moderator,
        is_demo: options.isDemo ?? false,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.create',
      entity: 'meeting',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

export async function updateMeeting(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; id: number; request: UpdateMeetingRequest; now: Date },
): Promise<void> {
  const { request, viewer } = options
  await database.transaction(async ({ db }) => {
    const before = await findMeeting(db, options.id)
    const scope = await loadMeetingScope(db, { viewer, at: todayOf(options.now) })
    requireVisibleMeeting(scope, before)
    if (!canManageRingScoped(viewer, { ringId: before.ring_id }))
      throw forbidden('only the moderation changes a meeting')
    if (request.status === 'minutes_approved')
      throw invalidInput('status: approve the minutes with POST /api/v1/meetings/:id/approve-minutes', [
        { field: 'status', value: request.status, message: 'use approve-minutes' },
      ])
    if (request.status && STATUS_ORDER.indexOf(request.status) < STATUS_ORDER.indexOf(before.status))
      throw conflict(
        `status: a meeting goes forward only (${STATUS_ORDER.join(' → ')}); it is ${before.status}`,
        [{ field: 'status', value: request.status, message: `expected ${before.status} or later` }],
      )
    const next = {
      startsOn: request.startsOn ?? before.starts_on,
      endsOn: request.endsOn ?? before.ends_on,
      startTime: request.startTime !== undefined ? request.startTime : before.start_time,
      endTime: request.endTime !== undefined ? request.endTime : before.end_time,
    }
    checkDates(next)
    const after = await db
      .updateTable('meeting')
      .set({
        ...(request.title !== undefined ? { title: request.title } : {}),
        starts_on: next.startsOn,
        ends_on: next.endsOn,
        start_time: next.startTime,
        end_time: next.endTime,
        ...(request.venue !== undefined ? { venue: request.venue } : {}),
        ...(request.hostOrganisationId !== undefined
          ? {
              host_organisation_id: request.hostOrganisationId,
              host_source: request.hostOrganisationId === null ? 'none' : 'override',
            }
          : {}),
        ...(request.moderatorUserId !== undefined ? { moderator_user_id: request.moderatorUserId } : {}),
        ...(request.status !== undefined ? { status: request.status } : {}),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: before.id,
      before,
      after,
      at: options.now,
    })
    if (request.status && request.status !== before.status) await notifyStatusChange(db, after, options.now)
  })
}

/** "invited" → an invitation to every member account; "held" → minutes to review (and approve). */
export async function notifyStatusChange(db: Kysely<DB>, meeting: MeetingRow, now: Date): Promise<void> {
  const payload: Record<string, unknown> = {
    meetingId: meeting.id,
    title: meeting.title,
    startsOn: meeting.starts_on,
  }
  const users = await findUsersOfOrganisations(db, await findInvitedOrganisations(db, meeting))
  if (meeting.status === 'invited')
    await insertNotifications(
      db,
      users.map((u) => ({
        userId: u.id,
        kind: 'invitation',
        payload,
        dedupeKey: `invitation:${meeting.id}`,
      })),
      now,
    )
  if (meeting.status === 'held') {
    const recipients = users.map((u) => ({
      userId: u.id,
      kind: 'minutes_to_approve' as const,
      payload,
      dedupeKey: `minutes:${meeting.id}`,
    }))
    if (meeting.moderator_user_id !== null)
      recipients.push({
        userId: meeting.moderator_user_id,
        kind: 'minutes_to_approve',
        payload: { ...payload, isModerator: true },
        dedupeKey: `minutes:${meeting.id}`,
      })
    await insertNotifications(db, recipients, now)
  }
}

export async function registerForMeeting(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    id: number
    status: 'registered' | 'declined'
    note: string | null
    now: Date
  },
): Promise<void> {
  const { viewer } = options
  await database.transaction(async ({ db }) => {
    const meeting = await findMeeting(db, options.id)
    const scope = await loadMeetingScope(db, { viewer, at: todayOf(options.now) })
    requireVisibleMeeting(scope, meeting)
    if (
      !canTakePart(viewer, { ringId: meeting.ring_id }) ||
      !(await isInvited(db, meeting, viewer.organisationId!))
    )
      throw forbidden('only leads and analysts of an invited organisation register for a meeting')
    if (meeting.status !== 'planned' && meeting.status !== 'invited')
      throw conflict(`registration is closed: the meeting is ${meeting.status}`)
    const before = await db
      .selectFrom('meeting_registration')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .where('user_id', '=', viewer.userId)
      .executeTakeFirst()
    const values = {
      meeting_id: meeting.id,
      user_id: viewer.userId,
      organisation_id: viewer.organisationId,
      status: options.status,
      note: options.note,
      updated_at: options.now,
    }
    await db
      .insertInto('meeting_registration')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['meeting_id', 'user_id'])
          .doUpdateSet({ status: options.status, note: options.note, updated_at: options.now }),
      )
      .execute()
    await recordAudit(db, {
      actor: options.actor,
      action: 'meeting.register',
      entity: 'meeting_registration',
      entityId: `${meeting.id}:${viewer.userId}`,
      before: before ?? null,
      after: values,
      at: options.now,
    })
  })
}

/**
 * The yearly schedule of a ring with hosts by the rotation; with `isCreate` the meetings are
 * created (status planned, host source rotation) in one transaction.
 */
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
  const { viewer } = options
  if (!canManageRingScoped(viewer, { ringId: options.ringId }))
    throw forbidden(`you do not moderate ring ${options.ringId}`)
  return database.transaction(async ({ db }) => {
    const ring = (await listRingRefs(db)).get(options.ringId)
    if (!ring)
      throw invalidInput(`ringId: no ring with the id ${options.ringId}`, [
        { field: 'ringId', value: String(options.ringId), message: 'unknown ring' },
      ])
    let slots
    try {
      slots = proposeYearSchedule({
        year: options.year,
        count: options.count,
        durationDays: options.durationDays,
      })
    } catch (error) {
      throw invalidInput(error instanceof Error ? error.message : String(error))
    }
    const existing = await db
      .selectFrom('meeting')
      .select('id')
      .where('ring_id', '=', ring.id)
      .where('starts_on', '>=', `${options.year}-01-01`)
      .where('starts_on', '<=', `${options.year}-12-31`)
      .execute()
    if (options.isCreate && existing.length > 0)
      throw conflict(
        `ring ${ring.code} already has ${existing.length} meeting(s) in ${options.year}; change them instead of creating a new schedule`,
      )
    const members = await ringMembersForRotation(db, ring.id, slots[0]!.startsOn)
    if (members.length === 0) throw invalidInput(`ring ${ring.code} has no members on ${slots[0]!.startsOn}`)
    const history = await hostingHistory(db, { ringId: ring.id, before: slots[0]!.startsOn })
    const hosts = proposeHostSequence({ members, history, dates: slots.map((s) => s.startsOn) })
    const scope = await loadMeetingScope(db, { viewer, at: todayOf(options.now) })
    const proposed = slots.map((slot, i) => ({
      ...slot,
      title: `${ring.name}: Treffen ${slot.number}/${options.year}`,
      host: orgOrHidden(scope, hosts[i]!.organisationId),
      hostId: hosts[i]!.organisationId,
      reasonDe: scope.maskNames(hosts[i]!.reasonDe),
    }))
    const createdMeetingIds: number[] = []
    if (options.isCreate) {
      for (const slot of proposed) {
        const row = await db
          .insertInto('meeting')
          .values({
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
            created_at: options.now,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        createdMeetingIds.push(row.id)
        await recordAudit(db, {
          actor: options.actor,
          action: 'meeting.create',
          entity: 'meeting',
          entityId: row.id,
          after: row,
          at: options.now,
        })
      }
    }
    return {
      ring: { id: ring.id, code: ring.code, name: ring.name },
      year: options.year,
      note:
        'Vorschlag: Termine gleichmäßig über das Jahr (jeweils zweiter Mittwoch), Gastgeber nach der Rotationsregel. ' +
        'Schulferien und Feiertage werden nicht berücksichtigt – bitte bei Bedarf von Hand verschieben.',
      slots: proposed.map(({ hostId: _hostId, ...slot }) => slot),
      createdMeetingIds,
    }
  })
}
