/** Routes of the minutes and their follow-ups: decisions, actions, comments and the approval. */
import {
  actionListQuerySchema,
  actionListSchema,
  addActionItemRequestSchema,
  addCommentRequestSchema,
  addDecisionRequestSchema,
  idParamsSchema,
  updateActionItemRequestSchema,
} from '../../contracts/meetings'
import { defineRoute } from '../../server/route'
import { addActionItem } from './add-action-item'
import { addDecision } from './add-decision'
import { approveMinutes } from './approve-minutes'
import { commentOnMinutes } from './comment-on-minutes'
import { listActionItems } from './list-action-items'
import {
  createdTextSchema,
  doneSchema,
  doneTextSchema,
  DONE,
  MANAGERS,
  readerOf,
  TAG,
  warnAbout,
  WRITERS,
  writerOf,
} from './meeting-route-parts'
import { updateActionItem } from './update-action-item'

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
  async handler(input) {
    const { params, body, context } = input
    const id = await addDecision(context.database, { ...writerOf(input), meetingId: params.id, ...body })
    return { id, warnings: await warnAbout(context, { meetingId: params.id }, { text: body.text }) }
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
  async handler(input) {
    const { params, body, context } = input
    const id = await addActionItem(context.database, {
      ...writerOf(input),
      meetingId: params.id,
      action: body,
    })
    return { id, warnings: await warnAbout(context, { meetingId: params.id }, { title: body.title }) }
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
  async handler(input) {
    return {
      actions: await listActionItems(input.context.database.db, { ...readerOf(input), ...input.query }),
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
  async handler(input) {
    const { params, body, context } = input
    await updateActionItem(context.database, { ...writerOf(input), actionId: params.id, changes: body })
    return { ...DONE, warnings: await warnAbout(context, { actionItemId: params.id }, { title: body.title }) }
  },
})

export const commentRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/meetings/:id/comments',
  operationId: 'commentOnMinutes',
  summary: 'Comment on the draft minutes (once the meeting was held, before approval)',
  tag: TAG,
  access: { roles: WRITERS },
  params: idParamsSchema,
  body: addCommentRequestSchema,
  response: createdTextSchema,
  async handler(input) {
    const { params, body, context } = input
    const id = await commentOnMinutes(context.database, { ...writerOf(input), meetingId: params.id, ...body })
    return { id, warnings: await warnAbout(context, { meetingId: params.id }, { text: body.text }) }
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
  async handler(input) {
    await approveMinutes(input.context.database, { ...writerOf(input), meetingId: input.params.id })
    return DONE
  },
})

export const minutesRoutes = [
  addDecisionRoute,
  addActionItemRoute,
  listActionsRoute,
  updateActionRoute,
  commentRoute,
  approveMinutesRoute,
]
