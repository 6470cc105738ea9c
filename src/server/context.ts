import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/connect'
import type { ParsePool } from '../features/imports/parsing/parse-pool'
import type { MailSettings } from '../features/mail/mail-settings'
import type { MailWorker } from '../features/mail/mail-worker'
import type { SingleSignOnSettings } from '../features/single-sign-on/sso-settings'
import type { Metrics, WorkerStatus } from './monitoring'

/** What route handlers get besides their inputs: the database, the clock, upload limit and parsing. */
export interface AppContext {
  database: Database
  version: string
  isDemo: () => Promise<boolean>
  now: () => Date
  /** Size limit of an uploaded data file (BENCHLEARN_MAX_UPLOAD_MB; core/limits). */
  maxUploadBytes: number
  /** Session cookies are always Secure (the public address is https; docs/operations.md). */
  isSecureCookies: boolean
  /** Parses uploaded data files in worker threads, a few at once (features/imports/parsing). */
  parsePool: ParsePool
  /** Mail settings and the worker sending the outbox (null without a mail server: features/mail). */
  mail: { settings: MailSettings; worker: MailWorker | null }
  /** Sign-in with organisations' own accounts (BENCHLEARN_PUBLIC_URL …; features/single-sign-on). */
  singleSignOn: SingleSignOnSettings
  /** Request and import durations of this process (GET /api/metrics). */
  metrics: Metrics
  /** The background workers this process runs, for GET /api/health. */
  workers: WorkerStatus[]
  /**
   * Answers the calls of a batch (GET /api/v1/batch, batch.ts) for the request's caller, each as it
   * would be answered alone, and sends the answer.
   */
  answerCalls(
    calls: readonly string[],
    request: {
      request: FastifyRequest
      reply: FastifyReply
      now: Date
      /** Fields put before the answers (their JSON is part of the key the answer is remembered by). */
      head?: Record<string, unknown>
    },
  ): Promise<FastifyReply>
}
