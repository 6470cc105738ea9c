import type { Database } from '../db/connect'

/** What route handlers get besides their inputs: the database and the clock. */
export interface AppContext {
  database: Database
  version: string
  isDemo: () => Promise<boolean>
  now: () => Date
}
