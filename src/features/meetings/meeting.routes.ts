/** Routes of meetings: list, plan, schedule, read, change, host proposal, registration, calendars. */
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import * as contract from '../../contracts/meetings'
import { nameWarningsField } from '../../contracts/name-warnings'
import { cancelMeeting } from './cancel-meeting'
import { exportMeetingsCalendar } from './export-calendar'
import { getMeetingDetail } from './get-meeting-detail'
import { listMeetings } from './list-meetings'
import * as parts from './meeting-route-parts'
import { proposeHostForMeeting } from './propose-host'
import { proposeSchedule } from './propose-schedule'
import { registerForMeeting } from './register-for-meeting'
import { scheduleMeeting } from './schedule-meeting'
import { updateMeeting } from './update-meeting'

const { meetingRoute, listedAs, readerOf, writerOf, withWarnings, FOR_ANY, FOR_MANAGERS } = parts
const calendar = { response: z.string().describe('text/calendar (RFC 5545)'), produces: 'text/calendar' }
const sendCalendar = (reply: FastifyReply, ics: string, fileName: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(ics)

export const listMeetingsRoute = meetingRoute('GET /api/v1/meetings', {
  operationId: 'listMeetings',
  summary: "Meetings of the caller's rings (moderators: their rings) and network-wide events",
  access: FOR_ANY,
  query: contract.meetingListQuerySchema,
  response: contract.meetingListSchema,
  handler: listedAs('meetings', listMeetings),
})

export const createMeetingRoute = meetingRoute('POST /api/v1/meetings', {
  operationId: 'createMeeting',
  summary: 'Plan a meeting; a ring meeting without hostOrganisationId gets the host by the rotation rule',
  access: FOR_MANAGERS,
  body: contract.createMeetingRequestSchema,
  response: parts.createdTextSchema,
  async handler(input) {
    const { body, context } = input
    const id = await scheduleMeeting(context.database, { ...writerOf(input), request: body })
    const fields = { title: body.title, venue: body.venue }
    return withWarnings(input, { id }, { owner: { ringId: body.ringId }, fields })
  },
})

export const proposeScheduleRoute = meetingRoute('POST /api/v1/meetings/schedule', {
  operationId: 'proposeMeetingSchedule',
  summary: "Propose (or with isCreate: create) a ring's yearly schedule with hosts by the rotation",
  access: FOR_MANAGERS,
  body: contract.scheduleRequestSchema,
  response: contract.scheduleProposalSchema,
  handler: (input) => proposeSchedule(input.context.database, { ...writerOf(input), ...input.body }),
})

export const getCalendarRoute = meetingRoute('GET /api/v1/meetings/calendar.ics', {
  operationId: 'getMeetingsCalendar',
  summary: 'Every meeting the caller may see as an iCalendar file',
  access: FOR_ANY,
  ...calendar,
  async handler(input) {
    const ics = await exportMeetingsCalendar(input.context.database.db, readerOf(input))
    return sendCalendar(input.reply, ics, 'benchlearning.ics')
  },
})

export const getMeetingRoute = meetingRoute('GET /api/v1/meetings/:id', {
  operationId: 'getMeeting',
  summary: 'A meeting with participants, registrations, agenda, minutes, decisions, actions and comments',
  access: FOR_ANY,
  params: contract.idParamsSchema,
  response: contract.meetingDetailSchema,
  handler: (input) =>
    getMeetingDetail(input.context.database.db, { ...readerOf(input), id: input.params.id }),
})

export const updateMeetingRoute = meetingRoute('PATCH /api/v1/meetings/:id', {
  operationId: 'updateMeeting',
  summary: 'Change a meeting: dates, venue, host (override), moderator, status (one step forward; notifies)',
  access: FOR_MANAGERS,
  params: contract.idParamsSchema,
  body: contract.updateMeetingRequestSchema,
  response: contract.meetingDetailSchema.extend(nameWarningsField),
  async handler(input) {
    const { params, body, context } = input
    const caller = writerOf(input)
    await updateMeeting(context.database, { ...caller, id: params.id, request: body })
    const meeting = await getMeetingDetail(context.database.db, { ...caller, id: params.id })
    const fields = { title: body.title, venue: body.venue }
    return withWarnings(input, meeting, { owner: { meetingId: params.id }, fields })
  },
})

export const cancelMeetingRoute = meetingRoute('POST /api/v1/meetings/:id/cancel', {
  operationId: 'cancelMeeting',
  summary: 'Cancel a planned or invited meeting with a reason; the invited get a calendar cancellation',
  access: FOR_MANAGERS,
  params: contract.idParamsSchema,
  body: contract.cancelMeetingRequestSchema,
  response: parts.doneTextSchema,
  async handler(input) {
    const { params, body, context } = input
    await cancelMeeting(context.database, { ...writerOf(input), meetingId: params.id, request: body })
    return withWarnings(input, parts.DONE, {
      owner: { meetingId: params.id },
      fields: { reason: body.reason },
    })
  },
})

export const getMeetingCalendarRoute = meetingRoute('GET /api/v1/meetings/:id/calendar.ics', {
  operationId: 'getMeetingCalendar',
  summary: 'One meeting as an iCalendar file',
  access: FOR_ANY,
  params: contract.idParamsSchema,
  ...calendar,
  async handler(input) {
    const meetingId = input.params.id
    const ics = await exportMeetingsCalendar(input.context.database.db, { ...readerOf(input), meetingId })
    return sendCalendar(input.reply, ics, `meeting-${meetingId}.ics`)
  },
})

export const proposeHostRoute = meetingRoute('GET /api/v1/meetings/:id/host-proposal', {
  operationId: 'proposeMeetingHost',
  summary: 'The next host by the rotation rule, with the reason and the hosting history',
  access: FOR_ANY,
  params: contract.idParamsSchema,
  query: contract.hostProposalQuerySchema,
  response: contract.hostProposalSchema,
  async handler(input) {
    const unavailable = input.query.unavailable ?? []
    const options = { ...readerOf(input), id: input.params.id, unavailable }
    return proposeHostForMeeting(input.context.database.db, options)
  },
})

export const registerRoute = meetingRoute('PUT /api/v1/meetings/:id/registration', {
  operationId: 'registerForMeeting',
  summary: 'Register (or decline) for a meeting, as a lead or analyst of an invited organisation',
  access: parts.FOR_PARTICIPANTS,
  params: contract.idParamsSchema,
  body: contract.registrationRequestSchema,
  response: parts.doneTextSchema,
  async handler(input) {
    const { params, body, context } = input
    await registerForMeeting(context.database, { ...writerOf(input), id: params.id, ...body })
    return withWarnings(input, parts.DONE, { owner: { meetingId: params.id }, fields: { note: body.note } })
  },
})
