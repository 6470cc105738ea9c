/**
 * Puts messages into the outbox, inside the transaction of the change that causes them (the caller's
 * `db`): the message exists exactly when the change is committed. What a person chose for the kind
 * decides whether it goes out at once, waits for their daily digest, or is not mailed (only in the app).
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { MailKind, MailPreferenceKind } from '../../contracts/mail'
import type { DB, MailDelivery } from '../../db/schema'
import { findRecipients, insertOutboxRows, type NewOutboxRow } from './outbox.repository'

/** What a person gets without choosing: calendar entries and requests for action at once, news daily. */
export const DEFAULT_DELIVERY: Record<MailPreferenceKind, MailDelivery> = {
  meeting_invitation: 'immediately',
  minutes_to_approve: 'immediately',
  collection_reminder: 'immediately',
  action_due: 'digest',
  new_practice: 'digest',
  upcoming_meeting: 'app',
}

/** A fresh Message-ID key: the row keeps it, so every attempt sends the same Message-ID. */
const messageKey = (kind: string) => `${kind}.${randomUUID()}`

/**
 * Queues one message for each of these accounts (disabled ones get none), as each chose for
 * `preference`; `payloadFor` gives each their payload (texts already masked for their eyes).
 * Returns how many were queued (at once or for the digest).
 */
export async function queueMailForUsers(
  db: Kysely<DB>,
  options: {
    kind: MailKind
    preference: MailPreferenceKind
    userIds: readonly number[]
    payloadFor: (userId: number) => Record<string, unknown>
    now: Date
  },
): Promise<number> {
  const recipients = await findRecipients(db, { userIds: options.userIds, kind: options.preference })
  const rows: NewOutboxRow[] = []
  for (const r of recipients) {
    const delivery = r.delivery ?? DEFAULT_DELIVERY[options.preference]
    if (delivery === 'app') continue
    rows.push({
      kind: options.kind,
      userId: r.id,
      recipient: r.email,
      payload: options.payloadFor(r.id),
      messageKey: messageKey(options.kind),
      status: delivery === 'digest' ? 'held' : 'pending',
    })
  }
  await insertOutboxRows(db, rows, options.now)
  return rows.length
}

/** Queues a message that always goes out at once (account invitation, password reset). */
export async function queueMailToAddress(
  db: Kysely<DB>,
  options: {
    kind: 'account_invitation' | 'password_reset'
    recipient: string
    userId: number | null
    payload: Record<string, unknown>
    now: Date
  },
): Promise<void> {
  await insertOutboxRows(
    db,
    [
      {
        kind: options.kind,
        userId: options.userId,
        recipient: options.recipient,
        payload: options.payload,
        messageKey: messageKey(options.kind),
        status: 'pending',
      },
    ],
    options.now,
  )
}
