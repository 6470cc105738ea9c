import type { AuditActor } from '../../core/accounts/account'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { deleteSession } from './session.repository'

/** Ends one session (the cookie is cleared by the route). */
export async function signOut(
  database: Database,
  options: { sessionId: number; actor: AuditActor; ip: string; now: Date },
): Promise<void> {
  await database.transaction(async (tx) => {
    await deleteSession(tx.db, options.sessionId)
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'session.delete',
      entity: 'session',
      entityId: options.sessionId,
      ip: options.ip,
      at: options.now,
    })
  })
}
