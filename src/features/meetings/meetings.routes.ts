/** Thin routes over the meeting services: validate (schemas), call the service, answer. */
import { z } from 'zod'
import {
  actionListQuerySchema,
  actionListSchema,
  addActionItemRequestSchema,
  addAgendaItemRequestSchema,
  addCommentRequestSchema,
  addDecisionRequestSchema,
  agendaProposalSchema,
  createMeetingRequestSchema,
  hostProposalQuerySchema,
  hostProposalSchema,
  idParamsSchema,
  markReadResponseSchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPackQuerySchema,
  notificationListQuerySchema,
  notificationListSchema,
  proposeTopicRequestSchema,
  registrationRequestSchema,
  scheduleProposalSchema,
  scheduleRequestSchema,
  topicListQuerySchema,
  topicListSchema,
  updateActionItemRequestSchema,
  updateAgendaItemRequestSchema,
  updateMeetingRequestSchema,
  updateTopicRequestSchema,
} from '../../contracts/meetings'
import { defineRoute, requireActor, requireViewer } from '../../server/route'
import { printMeetingPack, renderMeetingPack } from '../reports/meeting-pack/print-meeting-pack'
import { addAgendaItem, proposeAgenda, removeAgendaItem, updateAgendaItem } from './agenda'
import { exportMeetingsCalendar } from './export-calendar'
import {
  createMeeting,
  getMeetingDetail,
  listMeetings,
  proposeHostForMeeting,
  proposeSchedule,
  registerForMeeting,
  updateMeeting,
} from './manage-meetings'
import {
  addActionItem,
  addDecision,
  approveMinutes,
  commentOnMinutes,
  listActionItems,
  updateActionItem,
} from './minutes'
import { listNotifications, markNotificationsRead, refreshTimedNotifications } from './notifications'
import { listTopics, proposeTopic, updateTopicStatus, voteForTopic, VOTING_RULE_DE } from './topics'
import { warnAboutMeetingTexts, type MeetingTextOwner } from './warn-about-meeting-texts'
import type { AppContext } from '../../server/context'
import { nameWarningsField } from '../../contracts/name-warnings'

const TAG = 'meetings'
const MANAGERS = ['admin', 'moderator'] as const
const createdSchema = z.object({ id: z.number().int() })
const doneSchema = z.object({ isDone: z.literal(true) })
// Writes of texts that peers read answer with warnings when a text names an organisation.
const createdTextSchema = createdSchema.extend(nameWarningsField)
const doneTextSchema = doneSchema.extend(nameWarningsField)
const warnAbout = (
  context: AppContext,
  owner: MeetingTextOwner,
  fields: Record<string, string | null | undefined>,
) =>
  warnAboutMeetingTexts(context.database.db, { owner, at: context.now().toISOString().slice(0, 10), fields })
const topicParams = z.object({ id: z.coerce.number().int().positive() })

export const listMeetingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings',
  operationId: 'listMeetings',
  summary: "Meetings of the caller's rings (moderators: their rings) and network-wide events",
  tag: TAG,
  access: { roles: 'any' },
  query: meetingListQuerySchema,
  response: meetingListSchema,
  async handler({ query, context, viewer }) {
    return {
      meetings: await listMeetings(context.database.db, {
        viewer: requireViewer(viewer),
        ...query,
        now: context.now(),
      }),
    }
  },
})

export const createMeetingRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings',
  operationId: 'createMeeting',
  summary: 'Plan a meeting; a ring meeting without hostOrganisationId gets the host by the rotation rule',
  tag: TAG,
  access: { roles: MANAGERS },
  body: createMeetingRequestSchema,
  response: createdTextSchema,
  async handler({ body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await createMeeting(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      request: body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(context, { ringId: body.ringId }, { title: body.title, venue: body.venue }),
    }
  },
})

export const proposeScheduleRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/schedule',
  operationId: 'proposeMeetingSchedule',
  summary: "Propose (or with isCreate: create) a ring's yearly schedule with hosts by the rotation",
  tag: TAG,
  access: { roles: MANAGERS },
  body: scheduleRequestSchema,
  response: scheduleProposalSchema,
  async handler({ body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    return proposeSchedule(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      ...body,
      now: context.now(),
    })
  },
})

export const getCalendarRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/calendar.ics',
  operationId: 'getMeetingsCalendar',
  summary: 'Every meeting the caller may see as an iCalendar file',
  tag: TAG,
  access: { roles: 'any' },
  response: z.string().describe('text/calendar (RFC 5545)'),
  produces: 'text/calendar',
  async handler({ context, viewer, reply }) {
    const ics = await exportMeetingsCalendar(context.database.db, {
      viewer: requireViewer(viewer),
      now: context.now(),
    })
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="benchlearning.ics"')
      .send(ics)
  },
})

export const getMeetingRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id',
  operationId: 'getMeeting',
  summary: 'A meeting with participants, registrations, agenda, minutes, decisions, actions and comments',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  response: meetingDetailSchema,
  async handler({ params, context, viewer }) {
    return getMeetingDetail(context.database.db, {
      viewer: requireViewer(viewer),
      id: params.id,
      now: context.now(),
    })
  },
})

export const updateMeetingRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/meetings/:id',
  operationId: 'updateMeeting',
  summary: 'Change a meeting: dates, venue, host (override), moderator, status (forward only; notifies)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: updateMeetingRequestSchema,
  response: meetingDetailSchema.extend(nameWarningsField),
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await updateMeeting(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      id: params.id,
      request: body,
      now: context.now(),
    })
    return {
      ...(await getMeetingDetail(context.database.db, { viewer: caller, id: params.id, now: context.now() })),
      warnings: await warnAbout(context, { meetingId: params.id }, { title: body.title, venue: body.venue }),
    }
  },
})

export const getMeetingCalendarRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/calendar.ics',
  operationId: 'getMeetingCalendar',
  summary: 'One meeting as an iCalendar file',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  response: z.string().describe('text/calendar (RFC 5545)'),
  produces: 'text/calendar',
  async handler({ params, context, viewer, reply }) {
    const ics = await exportMeetingsCalendar(context.database.db, {
      viewer: requireViewer(viewer),
      meetingId: params.id,
      now: context.now(),
    })
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${params.id}.ics"`)
      .send(ics)
  },
})

export const proposeHostRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/host-proposal',
  operationId: 'proposeMeetingHost',
  summary: 'The next host by the rotation rule, with the reason and the hosting history',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  query: hostProposalQuerySchema,
  response: hostProposalSchema,
  async handler({ params, query, context, viewer }) {
    return proposeHostForMeeting(context.database.db, {
      viewer: requireViewer(viewer),
      id: params.id,
      unavailable: query.unavailable ?? [],
      now: context.now(),
    })
  },
})

export const registerRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/meetings/:id/registration',
  operationId: 'registerForMeeting',
  summary: 'Register (or decline) for a meeting, as a lead or analyst of an invited organisation',
  tag: TAG,
  access: { roles: ['member_lead', 'member_analyst'] },
  params: idParamsSchema,
  body: registrationRequestSchema,
  response: doneTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await registerForMeeting(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      id: params.id,
      status: body.status,
      note: body.note,
      now: context.now(),
    })
    return {
      isDone: true as const,
      warnings: await warnAbout(context, { meetingId: params.id }, { note: body.note }),
    }
  },
})

export const proposeAgendaRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/agenda-proposal',
  operationId: 'proposeAgenda',
  summary: 'Agenda building blocks: voted topics, data spotlights from the key figures, open actions',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  query: meetingPackQuerySchema,
  response: agendaProposalSchema,
  async handler({ params, query, context, viewer }) {
    return proposeAgenda(context.database.db, {
      viewer: requireViewer(viewer),
      meetingId: params.id,
      period: query.period,
      now: context.now(),
    })
  },
})

export const addAgendaItemRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/agenda-items',
  operationId: 'addAgendaItem',
  summary: 'Add an agenda item (at a position, default at the end)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: addAgendaItemRequestSchema,
  response: createdTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await addAgendaItem(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      meetingId: params.id,
      request: body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(
        context,
        { meetingId: params.id },
        { title: body.title, description: body.description },
      ),
    }
  },
})

export const updateAgendaItemRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/agenda-items/:id',
  operationId: 'updateAgendaItem',
  summary: 'Change, move or write the minutes of an agenda item',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: updateAgendaItemRequestSchema,
  response: doneTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await updateAgendaItem(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      itemId: params.id,
      request: body,
      now: context.now(),
    })
    return {
      isDone: true as const,
      warnings: await warnAbout(
        context,
        { agendaItemId: params.id },
        { title: body.title, description: body.description, minutes: body.minutes },
      ),
    }
  },
})

export const removeAgendaItemRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/agenda-items/:id',
  operationId: 'removeAgendaItem',
  summary: 'Remove an agenda item',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  response: doneSchema,
  async handler({ params, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await removeAgendaItem(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      itemId: params.id,
      now: context.now(),
    })
    return { isDone: true as const }
  },
})

export const addDecisionRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/decisions',
  operationId: 'addDecision',
  summary: 'Record a decision (optionally for an agenda item)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: addDecisionRequestSchema,
  response: createdTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await addDecision(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      meetingId: params.id,
      ...body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(context, { meetingId: params.id }, { text: body.text }),
    }
  },
})

export const addActionItemRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/actions',
  operationId: 'addActionItem',
  summary: 'Record an action item with owner organisation and/or person and due date',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: addActionItemRequestSchema,
  response: createdTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await addActionItem(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      meetingId: params.id,
      action: body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(context, { meetingId: params.id }, { title: body.title }),
    }
  },
})

export const listActionsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/actions',
  operationId: 'listActionItems',
  summary: "Action items: the caller's and their organisation's (start page) or all in view",
  tag: TAG,
  access: { roles: 'any' },
  query: actionListQuerySchema,
  response: actionListSchema,
  async handler({ query, context, viewer }) {
    return {
      actions: await listActionItems(context.database.db, {
        viewer: requireViewer(viewer),
        ...query,
        now: context.now(),
      }),
    }
  },
})

export const updateActionRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/actions/:id',
  operationId: 'updateActionItem',
  summary: 'Change an action item (owners: the status; the moderation: everything)',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  body: updateActionItemRequestSchema,
  response: doneTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await updateActionItem(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      actionId: params.id,
      changes: body,
      now: context.now(),
    })
    return {
      isDone: true as const,
      warnings: await warnAbout(context, { actionItemId: params.id }, { title: body.title }),
    }
  },
})

export const commentRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/comments',
  operationId: 'commentOnMinutes',
  summary: 'Comment on the draft minutes (before approval)',
  tag: TAG,
  access: { roles: ['admin', 'moderator', 'member_lead', 'member_analyst'] },
  params: idParamsSchema,
  body: addCommentRequestSchema,
  response: createdTextSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await commentOnMinutes(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      meetingId: params.id,
      ...body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(context, { meetingId: params.id }, { text: body.text }),
    }
  },
})

export const approveMinutesRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/approve-minutes',
  operationId: 'approveMinutes',
  summary: 'Approve the minutes (closes comments, agenda and minutes)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  response: doneSchema,
  async handler({ params, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await approveMinutes(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      meetingId: params.id,
      now: context.now(),
    })
    return { isDone: true as const }
  },
})

export const getMeetingPackHtmlRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/pack.html',
  operationId: 'getMeetingPackHtml',
  summary: 'The meeting pack as a German HTML page (agenda, ring figures, spotlights, actions …)',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  query: meetingPackQuerySchema,
  response: z.string().describe('text/html'),
  produces: 'text/html',
  async handler({ params, query, context, viewer, reply }) {
    const rendered = await renderMeetingPack(context.database.db, {
      viewer: requireViewer(viewer),
      meetingId: params.id,
      period: query.period,
      now: context.now(),
    })
    return reply.type('text/html; charset=utf-8').send(rendered.html)
  },
})

export const getMeetingPackPdfRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/:id/pack.pdf',
  operationId: 'getMeetingPackPdf',
  summary: 'The meeting pack as a PDF (A4, page numbers, Datenstand), printed by headless chromium',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  query: meetingPackQuerySchema,
  response: z.string().describe('application/pdf'),
  produces: 'application/pdf',
  async handler({ params, query, context, viewer, reply }) {
    const rendered = await renderMeetingPack(context.database.db, {
      viewer: requireViewer(viewer),
      meetingId: params.id,
      period: query.period,
      now: context.now(),
    })
    const pdf = await printMeetingPack(rendered)
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="sitzungsunterlage-${params.id}.pdf"`)
      .send(pdf)
  },
})

export const listTopicsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/topics',
  operationId: 'listTopics',
  summary: "Topics of the caller's rings and network-wide, ranked by votes (rule in votingRule)",
  tag: TAG,
  access: { roles: 'any' },
  query: topicListQuerySchema,
  response: topicListSchema,
  async handler({ query, context, viewer }) {
    return {
      topics: await listTopics(context.database.db, {
        viewer: requireViewer(viewer),
        ...query,
        now: context.now(),
      }),
      votingRule: VOTING_RULE_DE,
    }
  },
})

export const proposeTopicRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/topics',
  operationId: 'proposeTopic',
  summary: 'Propose a topic for the ring (or network-wide with ringId null)',
  tag: TAG,
  access: { roles: ['admin', 'moderator', 'member_lead', 'member_analyst'] },
  body: proposeTopicRequestSchema,
  response: createdTextSchema,
  async handler({ body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    const id = await proposeTopic(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      ...body,
      now: context.now(),
    })
    return {
      id,
      warnings: await warnAbout(
        context,
        { ringId: body.ringId },
        { title: body.title, description: body.description },
      ),
    }
  },
})

export const updateTopicRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/topics/:id',
  operationId: 'updateTopic',
  summary: "Change a topic's status (open, scheduled, done, rejected)",
  tag: TAG,
  access: { roles: MANAGERS },
  params: topicParams,
  body: updateTopicRequestSchema,
  response: doneSchema,
  async handler({ params, body, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await updateTopicStatus(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      topicId: params.id,
      status: body.status,
      now: context.now(),
    })
    return { isDone: true as const }
  },
})

export const voteRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/topics/:id/vote',
  operationId: 'voteForTopic',
  summary: 'Support a topic (one vote per person and topic; giving it twice changes nothing)',
  tag: TAG,
  access: { roles: ['admin', 'moderator', 'member_lead', 'member_analyst'] },
  params: topicParams,
  response: doneSchema,
  async handler({ params, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await voteForTopic(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      topicId: params.id,
      isVote: true,
      now: context.now(),
    })
    return { isDone: true as const }
  },
})

export const withdrawVoteRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/topics/:id/vote',
  operationId: 'withdrawVote',
  summary: 'Withdraw the caller’s vote for a topic',
  tag: TAG,
  access: { roles: ['admin', 'moderator', 'member_lead', 'member_analyst'] },
  params: topicParams,
  response: doneSchema,
  async handler({ params, context, viewer, actor }) {
    const caller = requireViewer(viewer)
    await voteForTopic(context.database, {
      viewer: caller,
      actor: requireActor(actor),
      topicId: params.id,
      isVote: false,
      now: context.now(),
    })
    return { isDone: true as const }
  },
})

export const listNotificationsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/notifications',
  operationId: 'listNotifications',
  summary: "The caller's notifications (upcoming meeting, invitation, new practice, action due, minutes)",
  tag: TAG,
  access: { roles: 'any' },
  query: notificationListQuerySchema,
  response: notificationListSchema,
  async handler({ query, context, viewer }) {
    const caller = requireViewer(viewer)
    const db = context.database.db
    await refreshTimedNotifications(db, {
      userId: caller.userId,
      organisationId: caller.organisationId,
      ringIds: caller.role === 'moderator' || caller.role === 'admin' ? [] : caller.ringIds,
      now: context.now(),
      viewer: caller,
    })
    return listNotifications(db, { userId: caller.userId, isUnreadOnly: query.isUnreadOnly })
  },
})

export const markNotificationReadRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/notifications/:id/read',
  operationId: 'markNotificationRead',
  summary: 'Mark one notification read',
  tag: TAG,
  access: { roles: 'any' },
  params: idParamsSchema,
  response: markReadResponseSchema,
  async handler({ params, context, viewer }) {
    const caller = requireViewer(viewer)
    return {
      updated: await markNotificationsRead(context.database.db, {
        userId: caller.userId,
        id: params.id,
        now: context.now(),
      }),
    }
  },
})

export const markAllNotificationsReadRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/notifications/read-all',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all notifications of the caller read',
  tag: TAG,
  access: { roles: 'any' },
  response: markReadResponseSchema,
  async handler({ context, viewer }) {
    const caller = requireViewer(viewer)
    return {
      updated: await markNotificationsRead(context.database.db, {
        userId: caller.userId,
        now: context.now(),
      }),
    }
  },
})

export const meetingRoutes = [
  listMeetingsRoute,
  createMeetingRoute,
  proposeScheduleRoute,
  getCalendarRoute,
  getMeetingRoute,
  updateMeetingRoute,
  getMeetingCalendarRoute,
  proposeHostRoute,
  registerRoute,
  proposeAgendaRoute,
  addAgendaItemRoute,
  updateAgendaItemRoute,
  removeAgendaItemRoute,
  addDecisionRoute,
  addActionItemRoute,
  listActionsRoute,
  updateActionRoute,
  commentRoute,
  approveMinutesRoute,
  getMeetingPackHtmlRoute,
  getMeetingPackPdfRoute,
  listTopicsRoute,
  proposeTopicRoute,
  updateTopicRoute,
  voteRoute,
  withdrawVoteRoute,
  listNotificationsRoute,
  markNotificationReadRoute,
  markAllNotificationsReadRoute,
]
