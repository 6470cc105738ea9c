/**
 * The audit log: every write records who, when, what, and the entity before and after. Call it with
 * the transaction's `db` so that the entry commits or rolls back together with the change.
 */
import type { Kysely } from 'kysely'
import type { AuditActor } from '../../core/accounts/account'
import type { DB } from '../../db/schema'

// Who did it: defined in core, where the app's route context can name it too.
export type { AuditActor }

export interface AuditEntry {
  actor: AuditActor
  /** Verb-first, dotted: "user.update", "session.create", "import.upload". */
  action: string
  entity: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
  ip?: string | null
  at: Date
}

/** Fields that never go into the log, wherever they appear in before/after. */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
  'csrfToken',
])

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_FIELDS.has(key))
        .map(([key, v]) => [key, withoutSecrets(v)]),
    )
  }
  return value
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actor.userId,
      actor_label: entry.actor.label,
      at: entry.at,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(withoutSecrets(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(withoutSecrets(entry.after)),
      ip: entry.ip ?? null,
    })
    .execute()
}

export interface AuditListOptions {
  limit?: number
  beforeId?: number
  entity?: string
  actorUserId?: number
}

export async function listAuditEntries(db: Kysely<DB>, options: AuditListOptions = {}) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(options.beforeId !== undefined, (qb) => qb.where('id', '<', options.beforeId!))
    .$if(options.entity !== undefined, (qb) => qb.where('entity', '=', options.entity!))
    .$if(options.actorUserId !== undefined, (qb) => qb.where('actor_user_id', '=', options.actorUserId!))
    .orderBy('id', 'desc')
    .limit(Math.min(options.limit ?? 100, 1000))
    .execute()
  return rows.map((r) => ({
    id: r.id,
    actorUserId: r.actor_user_id,
    actor: r.actor_label,
    at: r.at.toISOString(),
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  }))
}
