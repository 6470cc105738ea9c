/** A topic the caller may see; topics of other rings are not found. */
import type { Kysely } from 'kysely'
import { canViewRingScoped } from '../../core/benchlearning'
import { notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { findTopic, type TopicRow } from './topic.repository'
import { message } from '../../core/messages/text'

export async function findVisibleTopic(db: Kysely<DB>, viewer: Viewer, id: number): Promise<TopicRow> {
  const topic = await findTopic(db, id)
  if (!topic || !canViewRingScoped(viewer, { ringId: topic.ring_id }))
    throw notFound(message('topic.none', { id }))
  return topic
}
