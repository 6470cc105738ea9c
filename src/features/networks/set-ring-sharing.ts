/**
 * The sharing setting of a ring: whether its members see each other by name or under pseudonyms.
 * Administrators change it for every ring, moderators for the rings they moderate; every change is
 * written to the audit log together with the setting before.
 */
import type { AuditActor } from '../../core/accounts/account'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canModerateRing, type RingSharing, type Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { findRingSharing, updateRingSharing, type RingSharingRow } from './network.repository'

export interface SetRingSharingOptions {
  viewer: Viewer
  actor: AuditActor
  ringId: number
  sharing: RingSharing
  now: Date
  ip?: string | null
}

export async function setRingSharing(
  database: Database,
  options: SetRingSharingOptions,
): Promise<RingSharingRow & { previousSharing: RingSharing }> {
  return database.transaction(async (tx) => {
    const ring = await findRingSharing(tx.db, options.ringId)
    // A ring the caller does not moderate does not exist for them.
    if (!ring || !canModerateRing(options.viewer, ring.id))
      throw notFound(message('meeting.unknownRingId', { ringId: options.ringId }))
    await updateRingSharing(tx.db, ring.id, options.sharing)
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'ring.update_sharing',
      entity: 'ring',
      entityId: ring.id,
      before: { code: ring.code, sharing: ring.sharing },
      after: { code: ring.code, sharing: options.sharing },
      ip: options.ip ?? null,
      at: options.now,
    })
    return { ...ring, sharing: options.sharing, previousSharing: ring.sharing }
  })
}
