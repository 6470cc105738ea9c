/**
 * The mail worker the server starts when a mail server is configured: every few seconds one pass of
 * the sender, and once a day the sweep of timed notifications and the digests. Several server
 * processes may run one each (the outbox claims rows with SKIP LOCKED). Stoppable: stop() waits for
 * the pass under way.
 */
import { isoDate, systemNow } from '../../core/periods/dates'
import type { Database } from '../../db/connect'
import { collectDigests } from './collect-digests'
import type { MailSettings } from './mail-settings'
import { sendPendingMail, type SendResult } from './send-pending-mail'
import { createSmtpTransport, type MailTransport } from './smtp-transport'
import { sweepTimedNotifications } from './sweep-timed-notifications'

export interface MailWorkerStatus {
  isSmtpConfigured: boolean
  isRunning: boolean
  /** When a mail server last accepted a message (ISO instant). */
  lastSuccessAt: string | null
  /** When an attempt last failed, and why. */
  lastFailureAt: string | null
  lastError: string | null
}

export interface MailWorker {
  start(): void
  stop(): Promise<void>
  /** One pass now: the daily jobs when the day changed, then the sender. */
  runOnce(): Promise<SendResult>
  status(): MailWorkerStatus
}

export const POLL_INTERVAL_MS = 5_000

export function createMailWorker(options: {
  database: Database
  settings: MailSettings
  /** Default: SMTP with the settings' server. */
  transport?: MailTransport
  now?: () => Date
  intervalMs?: number
  /** Where a pass that failed as a whole is reported (the server's logger). */
  onError?: (error: unknown) => void
}): MailWorker {
  const { database, settings } = options
  const smtp = settings.smtp
  if (!smtp && !options.transport) throw new Error('the mail worker needs BENCHLEARN_SMTP_HOST')
  const transport = options.transport ?? createSmtpTransport(smtp!)
  const now = options.now ?? systemNow
  const status: MailWorkerStatus = {
    isSmtpConfigured: true,
    isRunning: false,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
  }
  let dailyDoneOn: string | null = null
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> = Promise.resolve()

  async function runOnce(): Promise<SendResult> {
    const day = isoDate(now())
    if (dailyDoneOn !== day) {
      await sweepTimedNotifications(database, { now: now() })
      await collectDigests(database, { now: now() })
      dailyDoneOn = day
    }
    const result = await sendPendingMail(database, { settings, transport, now })
    if (result.sent > 0) status.lastSuccessAt = now().toISOString()
    if (result.lastError !== null) {
      status.lastFailureAt = now().toISOString()
      status.lastError = result.lastError
    }
    return result
  }

  function schedule() {
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => {
          status.lastFailureAt = now().toISOString()
          status.lastError = error instanceof Error ? error.message : String(error)
          options.onError?.(error)
        })
        .finally(() => {
          if (status.isRunning) schedule()
        })
    }, options.intervalMs ?? POLL_INTERVAL_MS)
    timer.unref()
  }

  return {
    start() {
      if (status.isRunning) return
      status.isRunning = true
      schedule()
    },
    async stop() {
      status.isRunning = false
      if (timer) clearTimeout(timer)
      await running
      transport.close()
    },
    runOnce,
    status: () => ({ ...status }),
  }
}
