/** Gives (isVote) or withdraws the caller's vote for an open topic; giving twice changes nothing. */
import { canProposeTopic } from '../../core/benchlearning'
import { forbidden, invalidInput } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import type { MeetingWriter } from './load-visible-meeting'
import { findVisibleTopic } from './find-visible-topic'
import { deleteVote, insertVote } from './topic.repository'
import { message } from '../../core/messages/text'

export async function voteForTopic(
  database: Database,
  options: MeetingWriter & { topicId: number; isVote: boolean },
): Promise<void> {
  const { viewer } = options
  await database.transaction(async ({ db }) => {
    const topic = await findVisibleTopic(db, viewer, options.topicId)
    if (!canProposeTopic(viewer, { ringId: topic.ring_id })) throw forbidden(message('topic.voteRoles'))
    if (topic.status !== 'open') throw invalidInput(message('topic.notOpen', { status: topic.status }))
    const vote = { topicId: topic.id, userId: viewer.userId }
    if (options.isVote)
      await insertVote(db, { ...vote, organisationId: viewer.organisationId, at: options.now })
    else await deleteVote(db, vote)
    await recordAudit(db, {
      actor: options.actor,
      action: options.isVote ? 'topic.vote' : 'topic.unvote',
      entity: 'topic',
      entityId: topic.id,
      at: options.now,
    })
  })
}
