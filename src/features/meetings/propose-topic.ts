/** A lead, analyst or moderator proposes a topic for the ring's meetings (or network-wide with ringId null). */
import { canProposeTopic } from '../../core/benchlearning'
import { forbidden } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { findNetworkIdFor } from './meeting.repository'
import { insertTopic } from './topic.repository'

export async function proposeTopic(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    ringId: number | null
    title: string
    description: string | null
    now: Date
    isDemo?: boolean
  },
): Promise<number> {
  const { viewer } = options
  if (!canProposeTopic(viewer, { ringId: options.ringId }))
    throw forbidden(
      options.ringId === null
        ? 'only leads, analysts and moderators propose topics'
        : `you may propose topics only for your own ring (ring ${options.ringId} is not yours)`,
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
      created_at: options.now,
    })
    await recordAudit(db, {
      actor: options.actor,
      action: 'topic.create',
      entity: 'topic',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}
