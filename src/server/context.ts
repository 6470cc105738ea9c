import type { Database } from '../db/connect'

/** What route handlers get besides their inputs: the database, the clock and the upload limit. */
export interface AppContext {
  database: Database
  version: string
  isDemo: () => Promise<boolean>
  now: () => Date
  /** Size limit of an uploaded data file (BENCHLEARN_MAX_UPLOAD_MB; core/limits). */
  maxUploadBytes: number
}
