/** A lead, analyst or moderator proposes a topic for the ring's meetings (or network-wide with ringId null). */
import { canProposeTopic } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Database } from '../../db/connect'
import type { MeetingWriter } from './load-visible-meeting'
import { findNetworkIdFor } from './meeting.repository'
import { insertTopic } from './topic.repository'
import { recordCreation } from './record-creation'
import { message } from '../../core/messages/text'

export async function proposeTopic(
  database: Database,
  options: MeetingWriter & {
    ringId: number | null
    title: string
    description: string | null
    isDemo?: boolean
    /** The practice card the topic comes from ("Das wollen wir ausprobieren"). */
    practiceId?: number
  },
): Promise<number> {
  const { viewer } = options
  if (!canProposeTopic(viewer, { ringId: options.ringId }))
    throw forbidden(
      options.ringId === null
        ? message('topic.proposeRoles')
        : message('topic.proposeOwnRing', { ringId: options.ringId }),
    )
  return database.transaction(async ({ db }) => {
    const row = await insertTopic(db, {
      network_id: await findNetworkIdFor(db, options.ringId),
      ring_id: options.ringId,
      title: options.title,
      description: options.description,
      proposed_by_user_id: viewer.userId || null,
      proposed_by_organisation_id: viewer.organisationId,
      is_demo: options.isDemo ?? false,
      practice_id: options.practiceId ?? null,
      created_at: options.now,
    })
    await recordCreation(db, options, { entity: 'topic', row })
    return row.id
  })
}
