/** The moderation sets a topic's status (open, scheduled, done, rejected). */
import { canManageRingScoped } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { findVisibleTopic } from './find-visible-topic'
import { setTopicStatus, type TopicStatus } from './topic.repository'

export async function updateTopicStatus(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; topicId: number; status: TopicStatus; now: Date },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const before = await findVisibleTopic(db, options.viewer, options.topicId)
    if (!canManageRingScoped(options.viewer, { ringId: before.ring_id }))
      throw forbidden('only the moderation changes a topic')
    await setTopicStatus(db, { id: before.id, status: options.status })
    await recordAudit(db, {
      actor: options.actor,
      action: 'topic.update',
      entity: 'topic',
      entityId: before.id,
      before: { status: before.status },
      after: { status: options.status },
      at: options.now,
    })
  })
}
