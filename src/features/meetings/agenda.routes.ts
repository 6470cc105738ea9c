/** Routes of the agenda: the proposal of building blocks, and adding, changing and removing items. */
import * as contract from '../../contracts/meetings'
import { addAgendaItem } from './add-agenda-item'
import * as parts from './meeting-route-parts'
import { proposeAgenda } from './propose-agenda'
import { removeAgendaItem } from './remove-agenda-item'
import { updateAgendaItem } from './update-agenda-item'

const { meetingRoute, readerOf, writerOf, withWarnings, FOR_MANAGERS } = parts
const params = contract.idParamsSchema

export const proposeAgendaRoute = meetingRoute('GET /api/v1/meetings/:id/agenda-proposal', {
  operationId: 'proposeAgenda',
  summary: 'Agenda building blocks: voted topics, data spotlights from the key figures, open actions',
  access: FOR_MANAGERS,
  params,
  query: contract.meetingPackQuerySchema,
  response: contract.agendaProposalSchema,
  handler: (input) =>
    proposeAgenda(input.context.database.db, {
      ...readerOf(input),
      meetingId: input.params.id,
      period: input.query.period,
      locale: input.query.lang,
    }),
})

export const addAgendaItemRoute = parts.createOnMeetingRoute('POST /api/v1/meetings/:id/agenda-items', {
  operationId: 'addAgendaItem',
  summary: 'Add an agenda item (at a position, default at the end) while the meeting is not yet held',
  access: FOR_MANAGERS,
  body: contract.addAgendaItemRequestSchema,
  create: (database, { body, ...caller }) => addAgendaItem(database, { ...caller, request: body }),
  texts: ['title', 'description'],
})

export const updateAgendaItemRoute = meetingRoute('PATCH /api/v1/agenda-items/:id', {
  operationId: 'updateAgendaItem',
  summary: 'Change or move an agenda item (before the meeting is held), or write its minutes (once held)',
  access: FOR_MANAGERS,
  params,
  body: contract.updateAgendaItemRequestSchema,
  response: parts.doneTextSchema,
  async handler(input) {
    const { body, context } = input
    const itemId = input.params.id
    await updateAgendaItem(context.database, { ...writerOf(input), itemId, request: body })
    const fields = { title: body.title, description: body.description, minutes: body.minutes }
    return withWarnings(input, parts.DONE, { owner: { agendaItemId: itemId }, fields })
  },
})

export const removeAgendaItemRoute = parts.doneByIdRoute('DELETE /api/v1/agenda-items/:id', {
  operationId: 'removeAgendaItem',
  summary: 'Remove an agenda item (before the meeting is held)',
  access: FOR_MANAGERS,
  write: (database, { id, ...caller }) => removeAgendaItem(database, { ...caller, itemId: id }),
})
