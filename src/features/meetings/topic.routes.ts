/** Routes of topics: the ranked list, proposals, votes and the moderation's status. */
import { z } from 'zod'
import {
  proposeTopicRequestSchema,
  topicListQuerySchema,
  topicListSchema,
  updateTopicRequestSchema,
} from '../../contracts/meetings'
import { defineRoute, type RouteInput } from '../../server/route'
import { listTopics, VOTING_RULE_DE } from './list-topics'
import {
  createdTextSchema,
  doneSchema,
  DONE,
  MANAGERS,
  readerOf,
  TAG,
  warnAbout,
  WRITERS,
  writerOf,
} from './meeting-route-parts'
import { proposeTopic } from './propose-topic'
import { updateTopicStatus } from './update-topic-status'
import { voteForTopic } from './vote-for-topic'

const topicParams = z.object({ id: z.coerce.number().int().positive() })

export const listTopicsRoute = defineRoute({
  method: 'GET',
  url: '/api/v1/topics',
  operationId: 'listTopics',
  summary: "Topics of the caller's rings and network-wide, ranked by votes (rule in votingRule)",
  tag: TAG,
  access: { roles: 'any' },
  query: topicListQuerySchema,
  response: topicListSchema,
  async handler(input) {
    const topics = await listTopics(input.context.database.db, { ...readerOf(input), ...input.query })
    return { topics, votingRule: VOTING_RULE_DE }
  },
})

export const proposeTopicRoute = defineRoute({
  method: 'POST',
  url: '/api/v1/topics',
  operationId: 'proposeTopic',
  summary: 'Propose a topic for the ring (or network-wide with ringId null)',
  tag: TAG,
  access: { roles: WRITERS },
  body: proposeTopicRequestSchema,
  response: createdTextSchema,
  async handler(input) {
    const { body, context } = input
    const id = await proposeTopic(context.database, { ...writerOf(input), ...body })
    const texts = { title: body.title, description: body.description }
    return { id, warnings: await warnAbout(context, { ringId: body.ringId }, texts) }
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
  async handler(input) {
    const { params, body } = input
    await updateTopicStatus(input.context.database, {
      ...writerOf(input),
      topicId: params.id,
      status: body.status,
    })
    return DONE
  },
})

/** Gives (isVote) or withdraws the caller's vote. */
const vote = (isVote: boolean) => async (input: RouteInput<unknown, { id: number }, unknown>) => {
  await voteForTopic(input.context.database, { ...writerOf(input), topicId: input.params.id, isVote })
  return DONE
}

export const voteRoute = defineRoute({
  method: 'PUT',
  url: '/api/v1/topics/:id/vote',
  operationId: 'voteForTopic',
  summary: 'Support a topic (one vote per person and topic; giving it twice changes nothing)',
  tag: TAG,
  access: { roles: WRITERS },
  params: topicParams,
  response: doneSchema,
  handler: vote(true),
})

export const withdrawVoteRoute = defineRoute({
  method: 'DELETE',
  url: '/api/v1/topics/:id/vote',
  operationId: 'withdrawVote',
  summary: 'Withdraw the caller’s vote for a topic',
  tag: TAG,
  access: { roles: WRITERS },
  params: topicParams,
  response: doneSchema,
  handler: vote(false),
})

export const topicRoutes = [
  listTopicsRoute,
  proposeTopicRoute,
  updateTopicRoute,
  voteRoute,
  withdrawVoteRoute,
]
