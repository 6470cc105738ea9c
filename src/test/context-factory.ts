/** Yearly context values for database tests, written through the real importer (long CSV). */
import type { Database } from '../db/connect'
import { importFile } from '../features/imports/import-file'

export interface ContextValue {
  /** 5-digit AGS of the organisation's district. */
  ags: string
  indicator: string
  year: number
  value: number
}

export async function importContextValues(
  database: Database,
  values: readonly ContextValue[],
  fileName = 'context.csv',
): Promise<void> {
  const lines = values.map((v) => `${v.ags};${v.indicator};${v.year};${v.value}`)
  const summary = await importFile(database, {
    fileName,
    bytes: new TextEncoder().encode(`org;indicator;period;value\n${lines.join('\n')}\n`),
  })
  if (!summary.isCommitted)
    throw new Error(`context values not imported: ${JSON.stringify(summary.errors.slice(0, 3))}`)
}
