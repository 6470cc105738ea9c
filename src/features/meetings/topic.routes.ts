/** Routes of topics: the ranked list, proposals, votes and the moderation's status. */
import { z } from 'zod'
import * as contract from '../../contracts/meetings'
import { message, toSent } from '../../core/messages/text'
import { listTopics } from './list-topics'
import * as parts from './meeting-route-parts'
import { proposeTopic } from './propose-topic'
import { updateTopicStatus } from './update-topic-status'
import { voteForTopic } from './vote-for-topic'

const { meetingRoute, readerOf, writerOf, FOR_WRITERS } = parts
const params = z.object({ id: z.coerce.number().int().positive() })

export const listTopicsRoute = meetingRoute('GET /api/v1/topics', {
  operationId: 'listTopics',
  summary: "Topics of the caller's rings and network-wide, ranked by votes (rule in votingRule)",
  access: parts.FOR_ANY,
  query: contract.topicListQuerySchema,
  response: contract.topicListSchema,
  handler: async (input) => ({
    topics: await listTopics(input.context.database.db, { ...readerOf(input), ...input.query }),
    votingRule: toSent(message('topic.votingRule')),
  }),
})

export const proposeTopicRoute = meetingRoute('POST /api/v1/topics', {
  operationId: 'proposeTopic',
  summary: 'Propose a topic for the ring (or network-wide with ringId null)',
  access: FOR_WRITERS,
  body: contract.proposeTopicRequestSchema,
  response: parts.createdTextSchema,
  async handler(input) {
    const { body: topic, context } = input
    const id = await proposeTopic(context.database, { ...writerOf(input), ...topic })
    const about = {
      owner: { ringId: topic.ringId },
      fields: { title: topic.title, description: topic.description },
    }
    return parts.withWarnings(input, { id }, about)
  },
})

export const updateTopicRoute = meetingRoute('PATCH /api/v1/topics/:id', {
  operationId: 'updateTopic',
  summary: "Change a topic's status (open, scheduled, done, rejected)",
  access: parts.FOR_MANAGERS,
  params,
  body: contract.updateTopicRequestSchema,
  response: parts.doneSchema,
  handler: parts.answerDone((input) =>
    updateTopicStatus(input.context.database, {
      ...writerOf(input),
      topicId: input.params.id,
      ...input.body,
    }),
  ),
})

/** Gives (isVote) or withdraws the caller's vote. */
const vote = (isVote: boolean) =>
  parts.doneById((database, { id, ...caller }) => voteForTopic(database, { ...caller, topicId: id, isVote }))

export const voteRoute = meetingRoute('PUT /api/v1/topics/:id/vote', {
  operationId: 'voteForTopic',
  summary: 'Support a topic (one vote per person and topic; giving it twice changes nothing)',
  access: FOR_WRITERS,
  params,
  response: parts.doneSchema,
  handler: vote(true),
})

export const withdrawVoteRoute = meetingRoute('DELETE /api/v1/topics/:id/vote', {
  operationId: 'withdrawVote',
  summary: 'Withdraw the caller’s vote for a topic',
  access: FOR_WRITERS,
  params,
  response: parts.doneSchema,
  handler: vote(false),
})
