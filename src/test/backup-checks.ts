/** What the backup tests compare and write: a database's whole contents, and imports to run meanwhile. */
import type { Database } from '../db/connect'
import { listTablesWithColumns } from '../features/backup/backup.repository'
import { importFile } from '../features/imports/import-file'

/** Every table's rows, each sorted: what "identical data" means for a backup and its restore. */
export async function contentsOf(database: Database): Promise<Record<string, string[]>> {
  return database.transaction(async (tx) => {
    const contents: Record<string, string[]> = {}
    for (const [table, columns] of [...(await listTablesWithColumns(tx.db))].sort()) {
      let text = ''
      for await (const chunk of tx.copyOut(table, columns)) text += chunk
      contents[table] = text.split('\n').filter(Boolean).sort()
    }
    return contents
  })
}

/** An import (file `<prefix>-<year>.csv`) of one value per organisation and month of `year`, all `value`. */
export function importYear(
  database: Database,
  options: { prefix: string; year: number; value: number; ags: readonly string[] },
) {
  const lines = ['org;indicator;period;value']
  for (const key of options.ags)
    for (let m = 1; m <= 12; m++)
      lines.push(`${key};elb;${options.year}-${String(m).padStart(2, '0')};${options.value}`)
  return importFile(database, {
    fileName: `${options.prefix}-${options.year}.csv`,
    bytes: new TextEncoder().encode(`${lines.join('\n')}\n`),
  })
}
