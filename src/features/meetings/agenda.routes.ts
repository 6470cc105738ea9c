/** Routes of the agenda: the proposal of building blocks, and adding, changing and removing items. */
import {
  addAgendaItemRequestSchema,
  agendaProposalSchema,
  idParamsSchema,
  meetingPackQuerySchema,
  updateAgendaItemRequestSchema,
} from '../../contracts/meetings'
import { defineRoute } from '../../server/route'
import { addAgendaItem } from './add-agenda-item'
import {
  createdTextSchema,
  doneSchema,
  doneTextSchema,
  DONE,
  MANAGERS,
  readerOf,
  TAG,
  warnAbout,
  writerOf,
} from './meeting-route-parts'
import { proposeAgenda } from './propose-agenda'
import { removeAgendaItem } from './remove-agenda-item'
import { updateAgendaItem } from './update-agenda-item'

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
  handler: (input) =>
    proposeAgenda(input.context.database.db, {
      ...readerOf(input),
      meetingId: input.params.id,
      period: input.query.period,
    }),
})

export const addAgendaItemRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/agenda-items',
  operationId: 'addAgendaItem',
  summary: 'Add an agenda item (at a position, default at the end) while the meeting is not yet held',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: addAgendaItemRequestSchema,
  response: createdTextSchema,
  async handler(input) {
    const { params, body, context } = input
    const id = await addAgendaItem(context.database, {
      ...writerOf(input),
      meetingId: params.id,
      request: body,
    })
    const texts = { title: body.title, description: body.description }
    return { id, warnings: await warnAbout(context, { meetingId: params.id }, texts) }
  },
})

export const updateAgendaItemRoute = defineRoute({
  method: 'PATCH',
  url: '/api/v1/agenda-items/:id',
  operationId: 'updateAgendaItem',
  summary: 'Change or move an agenda item (before the meeting is held), or write its minutes (once held)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  body: updateAgendaItemRequestSchema,
  response: doneTextSchema,
  async handler(input) {
    const { params, body, context } = input
    await updateAgendaItem(context.database, { ...writerOf(input), itemId: params.id, request: body })
    const texts = { title: body.title, description: body.description, minutes: body.minutes }
    return { ...DONE, warnings: await warnAbout(context, { agendaItemId: params.id }, texts) }
  },
})

export const removeAgendaItemRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/agenda-items/:id',
  operationId: 'removeAgendaItem',
  summary: 'Remove an agenda item (before the meeting is held)',
  tag: TAG,
  access: { roles: MANAGERS },
  params: idParamsSchema,
  response: doneSchema,
  async handler(input) {
    await removeAgendaItem(input.context.database, { ...writerOf(input), itemId: input.params.id })
    return DONE
  },
})

export const agendaRoutes = [
  proposeAgendaRoute,
  addAgendaItemRoute,
  updateAgendaItemRoute,
  removeAgendaItemRoute,
]
