/** Routes of meetings: list, plan, schedule, read, change, host proposal, registration, calendars. */
import { z } from 'zod'
import { MAX_LIST_CHARS } from '../../contracts/common'
import {
  createMeetingRequestSchema,
  hostProposalSchema,
  idParamsSchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingListSchema,
  registrationRequestSchema,
  scheduleProposalSchema,
  scheduleRequestSchema,
  updateMeetingRequestSchema,
} from '../../contracts/meetings'
import { nameWarningsField } from '../../contracts/name-warnings'
import type { FastifyReply } from 'fastify'
import { defineRoute } from '../../server/route'
import { exportMeetingsCalendar } from './export-calendar'
import { getMeetingDetail } from './get-meeting-detail'
import { listMeetings } from './list-meetings'
import {
  createdTextSchema,
  doneTextSchema,
  DONE,
  MANAGERS,
  readerOf,
  TAG,
  warnAbout,
  writerOf,
} from './meeting-route-parts'
import { proposeHostForMeeting } from './propose-host'
import { proposeSchedule } from './propose-schedule'
import { registerForMeeting } from './register-for-meeting'
import { scheduleMeeting } from './schedule-meeting'
import { updateMeeting } from './update-meeting'

const calendarSchema = z.string().describe('text/calendar (RFC 5545)')
const sendCalendar = (reply: FastifyReply, ics: string, fileName: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(ics)

export const listMeetingsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings',
  operationId: 'listMeetings',
  summary: "Meetings of the caller's rings (moderators: their rings) and network-wide events",
  tag: TAG,
  access: { roles: 'any' },
  query: meetingListQuerySchema,
  response: meetingListSchema,
  async handler(input) {
    return { meetings: await listMeetings(input.context.database.db, { ...readerOf(input), ...input.query }) }
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
  async handler(input) {
    const { body, context } = input
    const id = await scheduleMeeting(context.database, { ...writerOf(input), request: body })
    const warnings = await warnAbout(
      context,
      { ringId: body.ringId },
      { title: body.title, venue: body.venue },
    )
    return { id, warnings }
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
  handler: (input) => proposeSchedule(input.context.database, { ...writerOf(input), ...input.body }),
})

export const getCalendarRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/meetings/calendar.ics',
  operationId: 'getMeetingsCalendar',
  summary: 'Every meeting the caller may see as an iCalendar file',
  tag: TAG,
  access: { roles: 'any' },
  response: calendarSchema,
  produces: 'text/calendar',
  async handler(input) {
    const ics = await exportMeetingsCalendar(input.context.database.db, readerOf(input))
    return sendCalendar(input.reply, ics, 'benchlearning.ics')
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
  handler: (input) =>
    getMeetingDetail(input.context.database.db, { ...readerOf(input), id: input.params.id }),
})

export const updateMeetingRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/meetings/:id',
  operationId: 'updateMeeting',
  summary: 'Change a meeting: dates, venue, host (override), moderator, status (one step forward; notifies)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: updateMeetingRequestSchema,
  response: meetingDetailSchema.extend(nameWarningsField),
  async handler(input) {
    const { params, body, context } = input
    const caller = writerOf(input)
    await updateMeeting(context.database, { ...caller, id: params.id, request: body })
    const meeting = await getMeetingDetail(context.database.db, { ...caller, id: params.id })
    const warnings = await warnAbout(
      context,
      { meetingId: params.id },
      { title: body.title, venue: body.venue },
    )
    return { ...meeting, warnings }
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
  response: calendarSchema,
  produces: 'text/calendar',
  async handler(input) {
    const meetingId = input.params.id
    const ics = await exportMeetingsCalendar(input.context.database.db, { ...readerOf(input), meetingId })
    return sendCalendar(input.reply, ics, `meeting-${meetingId}.ics`)
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
  query: z.object({
    unavailable: z
      .string()
      .max(MAX_LIST_CHARS)
      .optional()
      .describe('comma-separated organisation ids that cannot host this time'),
  }),
  response: hostProposalSchema,
  async handler(input) {
    const unavailable = (input.query.unavailable ?? '')
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0)
    return proposeHostForMeeting(input.context.database.db, {
      ...readerOf(input),
      id: input.params.id,
      unavailable,
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
  async handler(input) {
    const { params, body, context } = input
    await registerForMeeting(context.database, { ...writerOf(input), id: params.id, ...body })
    return { ...DONE, warnings: await warnAbout(context, { meetingId: params.id }, { note: body.note }) }
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
]
