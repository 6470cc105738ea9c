/** The audit entry of a row a meeting use case created, in its transaction (action "<entity>.create"). */
import type { Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { recordAudit } from '../audit/record-audit'
import type { MeetingWriter } from './load-visible-meeting'

export async function recordCreation(
  db: Kysely<DB>,
  writer: Pick<MeetingWriter, 'actor' | 'now'>,
  created: { entity: string; row: { id: number } },
): Promise<void> {
  const { entity, row } = created
  await recordAudit(db, {
    actor: writer.actor,
    action: `${entity}.create`,
    entity,
    entityId: row.id,
    after: row,
    at: writer.now,
  })
}
