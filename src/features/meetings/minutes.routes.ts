/** Routes of the minutes and their follow-ups: decisions, actions, comments and the approval. */
import type { z } from 'zod'
import * as contract from '../../contracts/meetings'
import { queryAndPersonKey, type Endpoint } from '../../server/route'
import { addActionItem } from './add-action-item'
import { addDecision, type MinutesText } from './add-decision'
import { approveMinutes } from './approve-minutes'
import { commentOnMinutes } from './comment-on-minutes'
import { listActionItems } from './list-action-items'
import * as parts from './meeting-route-parts'
import type { RouteDoc } from './meeting-route-parts'
import { updateActionItem } from './update-action-item'

const { meetingRoute, listedAs, writerOf, withWarnings, FOR_ANY, FOR_MANAGERS } = parts
const params = contract.idParamsSchema

/**
 * Decisions and comments: a text on the minutes, optionally of an agenda item, answered with its id
 * and name warnings for the text.
 */
function minutesTextRoute(
  endpoint: Endpoint,
  write: typeof addDecision,
  spec: RouteDoc & { body: z.ZodType<Omit<MinutesText, 'meetingId'>> },
) {
  return parts.createOnMeetingRoute(endpoint, {
    ...spec,
    create: (database, { body, ...caller }) => write(database, { ...caller, ...body }),
    texts: ['text'],
  })
}

export const addDecisionRoute = minutesTextRoute('POST /api/v1/meetings/:id/decisions', addDecision, {
  operationId: 'addDecision',
  summary: 'Record a decision (optionally for an agenda item)',
  access: FOR_MANAGERS,
  body: contract.addDecisionRequestSchema,
})

export const addActionItemRoute = parts.createOnMeetingRoute('POST /api/v1/meetings/:id/actions', {
  operationId: 'addActionItem',
  summary: 'Record an action item with owner organisation and/or person and due date',
  access: FOR_MANAGERS,
  body: contract.addActionItemRequestSchema,
  create: (database, { body, ...caller }) => addActionItem(database, { ...caller, action: body }),
  texts: ['title'],
})

export const listActionsRoute = meetingRoute('GET /api/v1/actions', {
  operationId: 'listActionItems',
  summary: "Action items: the caller's and their organisation's (start page) or all in view",
  access: FOR_ANY,
  query: contract.actionListQuerySchema,
  response: contract.actionListSchema,
  // The start page's open actions: remembered per person until a meeting or action changes.
  cacheKey: ({ query, viewer }) => queryAndPersonKey(query, viewer),
  isActivityCached: true,
  handler: listedAs('actions', listActionItems),
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

export const commentRoute = minutesTextRoute('POST /api/v1/meetings/:id/comments', commentOnMinutes, {
  operationId: 'commentOnMinutes',
  summary: 'Comment on the draft minutes (once the meeting was held, before approval)',
  access: parts.FOR_WRITERS,
  body: contract.addCommentRequestSchema,
})

export const approveMinutesRoute = parts.doneByIdRoute('POST /api/v1/meetings/:id/approve-minutes', {
  operationId: 'approveMinutes',
  summary: 'Approve the minutes (closes comments, agenda and minutes)',
  access: FOR_MANAGERS,
  write: (database, { id, ...caller }) => approveMinutes(database, { ...caller, meetingId: id }),
})
