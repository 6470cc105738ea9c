/** The outbox as administrators see it: status, attempts and errors, never a message's content. */
import type { Kysely } from 'kysely'
import { MAIL_KINDS, MAIL_STATUSES, type MailKind, type OutboxDto } from '../../contracts/mail'
import type { DB, MailStatus } from '../../db/schema'
import { countOutboxByStatus, listOutboxRows } from './outbox.repository'

export const OUTBOX_PAGE = 100

export async function listOutbox(
  db: Kysely<DB>,
  options: { status?: MailStatus; offset: number; isSmtpConfigured: boolean },
): Promise<OutboxDto> {
  const counts = await countOutboxByStatus(db)
  const rows = await listOutboxRows(db, { ...options, limit: OUTBOX_PAGE + 1 })
  return {
    isSmtpConfigured: options.isSmtpConfigured,
    counts: Object.fromEntries(MAIL_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as OutboxDto['counts'],
    messages: rows.slice(0, OUTBOX_PAGE).map((r) => ({
      id: r.id,
      kind: (MAIL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as MailKind) : 'digest',
      recipient: r.recipient,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    })),
    hasMore: rows.length > OUTBOX_PAGE,
  }
}
