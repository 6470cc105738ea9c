import type { ComputeSummaryDto } from '../../contracts/kpi'
import type { Database } from '../../db/connect'
import { computeKeyFigures } from './compute-key-figures'
import { listPendingBatchIds } from './kpi-value.repository'

/**
 * Computes the key figures of import batches still marked pending (an import's own computation, or
 * one a killed process or a concurrent import left behind). Reads one indexed row set when none
 * are pending and then computes nothing. Called after every import and when a shell starts.
 */
export async function finishPendingKeyFigures(
  database: Database,
  options: { now?: () => Date } = {},
): Promise<ComputeSummaryDto | undefined> {
  const pending = await listPendingBatchIds(database.db)
  if (pending.length === 0) return undefined
  return computeKeyFigures(database, { now: options.now })
}
