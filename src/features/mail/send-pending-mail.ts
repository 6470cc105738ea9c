/**
 * One pass of the sender: claims due messages (SKIP LOCKED, so several processes never take the same
 * one), builds and sends each, and marks it sent only after the mail server accepted it. A failed
 * attempt is retried with exponential backoff; a worker that dies mid-send leaves a claim that runs
 * out and is taken again — that message then goes out again with the same Message-ID, which
 * receiving servers and clients use to recognise the duplicate.
 */
import type { Database } from '../../db/connect'
import { composeMail } from './compose-mail'
import type { MailSettings } from './mail-settings'
import { claimDueMail, hasDueMail, markAttemptFailed, markSent, type OutboxRow } from './outbox.repository'
import type { MailTransport } from './smtp-transport'

/** After this many failed attempts a message is given up (status failed, for the administrator). */
export const MAX_ATTEMPTS = 10
/** Wait after the first failure; doubles with every further one, up to MAX_RETRY_MS. */
export const FIRST_RETRY_MS = 30_000
export const MAX_RETRY_MS = 6 * 3600_000
/** How long a claim holds: longer than any send may take (the transport times out after 30 s). */
export const CLAIM_MS = 5 * 60_000
const BATCH = 20

/** When to try again after `attempts` failed attempts, or null to give up. */
export function retryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null
  return new Date(now.getTime() + Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS))
}

export interface SendResult {
  sent: number
  failed: number
  /** The error of the pass's last failed attempt. */
  lastError: string | null
}

/** The Message-ID of a message: its stable key at the domain of the sender address. */
export function messageIdOf(row: Pick<OutboxRow, 'message_key'>, from: string): string {
  return `${row.message_key}@${from.split('@')[1] ?? 'benchlearn'}`
}

export async function sendPendingMail(
  database: Database,
  options: { settings: MailSettings; transport: MailTransport; now: () => Date; maxMessages?: number },
): Promise<SendResult> {
  const result: SendResult = { sent: 0, failed: 0, lastError: null }
  const max = options.maxMessages ?? Number.POSITIVE_INFINITY
  while (result.sent + result.failed < max) {
    if (!(await hasDueMail(database.db, options.now()))) break
    const rows = await claimDueMail(database.db, {
      now: options.now(),
      limit: Math.min(BATCH, max - result.sent - result.failed),
      leaseMs: CLAIM_MS,
    })
    if (rows.length === 0) break
    for (const row of rows) {
      const error = await sendOne(database, row, options)
      if (error === null) result.sent += 1
      else {
        result.failed += 1
        result.lastError = error
      }
    }
  }
  return result
}

async function sendOne(
  database: Database,
  row: OutboxRow,
  options: { settings: MailSettings; transport: MailTransport; now: () => Date },
): Promise<string | null> {
  const { settings } = options
  let composed
  try {
    composed = await composeMail(
      { db: database.db, publicUrl: settings.publicUrl, from: settings.from, now: options.now() },
      row,
    )
  } catch (error) {
    // Nothing to send (the account or the meeting is gone from the recipient's view): no retry helps.
    await markAttemptFailed(database.db, { id: row.id, error: describe(error), retryAt: null })
    return describe(error)
  }
  try {
    await options.transport.send({
      from: settings.from,
      to: row.recipient,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      messageId: messageIdOf(row, settings.from),
      calendar: composed.calendar,
    })
  } catch (error) {
    await markAttemptFailed(database.db, {
      id: row.id,
      error: describe(error),
      retryAt: retryAt(row.attempts, options.now()),
    })
    return describe(error)
  }
  await markSent(database.db, { id: row.id, now: options.now(), payload: composed.sentPayload })
  return null
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
