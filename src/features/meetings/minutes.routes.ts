/** Routes of the minutes and their follow-ups: decisions, actions, comments and the approval. */
import * as contract from '../../contracts/meetings'
import { addActionItem } from './add-action-item'
import { addDecision } from './add-decision'
import { approveMinutes } from './approve-minutes'
import { commentOnMinutes } from './comment-on-minutes'
import { listActionItems } from './list-action-items'
import * as parts from './meeting-route-parts'
import { updateActionItem } from './update-action-item'

const { meetingRoute, readerOf, writerOf, withWarnings, FOR_ANY, FOR_MANAGERS } = parts
const params = contract.idParamsSchema

export const addDecisionRoute = meetingRoute('POST /api/v1/meetings/:id/decisions', {
  operationId: 'addDecision',
  summary: 'Record a decision (optionally for an agenda item)',
  access: FOR_MANAGERS,
  params,
  body: contract.addDecisionRequestSchema,
  response: parts.createdTextSchema,
  handler: parts.createOnMeeting(
    (database, { body, ...caller }) => addDecision(database, { ...caller, ...body }),
    (body) => ({ text: body.text }),
  ),
})

export const addActionItemRoute = meetingRoute('POST /api/v1/meetings/:id/actions', {
  operationId: 'addActionItem',
  summary: 'Record an action item with owner organisation and/or person and due date',
  access: FOR_MANAGERS,
  params,
  body: contract.addActionItemRequestSchema,
  response: parts.createdTextSchema,
  handler: parts.createOnMeeting(
    (database, { body, ...caller }) => addActionItem(database, { ...caller, action: body }),
    (body) => ({ title: body.title }),
  ),
})

export const listActionsRoute = meetingRoute('GET /api/v1/actions', {
  operationId: 'listActionItems',
  summary: "Action items: the caller's and their organisation's (start page) or all in view",
  access: FOR_ANY,
  query: contract.actionListQuerySchema,
  response: contract.actionListSchema,
  handler: async (input) => ({
    actions: await listActionItems(input.context.database.db, { ...readerOf(input), ...input.query }),
  }),
})

export const updateActionRoute = meetingRoute('PATCH /api/v1/actions/:id', {
  operationId: 'updateActionItem',
  summary: 'Change an action item (owners: the status; the moderation: everything)',
  access: FOR_ANY,
  params,
  body: contract.updateActionItemRequestSchema,
  response: parts.doneTextSchema,
  async handler(input) {
    const { body: changes, context } = input
    const actionId = input.params.id
    await updateActionItem(context.database, { ...writerOf(input), actionId, changes })
    return withWarnings(input, parts.DONE, {
      owner: { actionItemId: actionId },
      fields: { title: changes.title },
    })
  },
})

export const commentRoute = meetingRoute('POST /api/v1/meetings/:id/comments', {
  operationId: 'commentOnMinutes',
  summary: 'Comment on the draft minutes (once the meeting was held, before approval)',
  access: parts.FOR_WRITERS,
  params,
  body: contract.addCommentRequestSchema,
  response: parts.createdTextSchema,
  handler: parts.createOnMeeting(
    (database, { body, ...caller }) => commentOnMinutes(database, { ...caller, ...body }),
    (body) => ({ text: body.text }),
  ),
})

export const approveMinutesRoute = meetingRoute('POST /api/v1/meetings/:id/approve-minutes', {
  operationId: 'approveMinutes',
  summary: 'Approve the minutes (closes comments, agenda and minutes)',
  access: FOR_MANAGERS,
  params,
  response: parts.doneSchema,
  handler: parts.doneById((database, { id, ...caller }) =>
    approveMinutes(database, { ...caller, meetingId: id }),
  ),
})

export const minutesRoutes = [
  addDecisionRoute,
  addActionItemRoute,
  listActionsRoute,
  updateActionRoute,
  commentRoute,
  approveMinutesRoute,
]
