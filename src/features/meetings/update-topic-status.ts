/** The moderation sets a topic's status (open, scheduled, done, rejected). */
import { canManageRingScoped } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import type { MeetingWriter } from './load-visible-meeting'
import { findVisibleTopic } from './find-visible-topic'
import { setTopicStatus, type TopicStatus } from './topic.repository'
import { message } from '../../core/messages/text'

export async function updateTopicStatus(
  database: Database,
  options: MeetingWriter & { topicId: number; status: TopicStatus },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const before = await findVisibleTopic(db, options.viewer, options.topicId)
    if (!canManageRingScoped(options.viewer, { ringId: before.ring_id }))
      throw forbidden(message('topic.onlyModeration'))
    await setTopicStatus(db, { id: before.id, status: options.status })
    const change = { before: { status: before.status }, after: { status: options.status } }
    const { actor, now: at } = options
    await recordAudit(db, {
      actor,
      action: 'topic.update',
      entity: 'topic',
      entityId: before.id,
      ...change,
      at,
    })
  })
}
