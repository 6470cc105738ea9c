import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDatabase } from '../../db/connect'
import { writeBackup } from '../../features/backup/write-backup'
import { CliUsageError, type CliIo, databaseOptions, parseCommandArgs } from '../io'

/** `benchlearn backup <file>`: a consistent, compressed backup of the whole database (docs/operations.md). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {})
  if (positionals.length !== 1) throw new CliUsageError('expected exactly one backup file to write')
  const file = resolve(io.cwd, positionals[0]!)
  // Written next to the target and renamed when complete: a failed backup leaves no file that looks whole.
  const partial = `${file}.partial-${process.pid}`
  const database = await openDatabase(databaseOptions(io, values['data-dir']))
  try {
    // The backup holds password hashes and session tokens: readable by its owner only.
    const summary = await writeBackup(database, { output: createWriteStream(partial, { mode: 0o600 }) })
    renameSync(partial, file)
    io.out(
      `Sicherung geschrieben / backup written: ${file} (Schema ${summary.schema}, ${summary.tables} Tabellen / tables, ${summary.rows.toLocaleString('de-DE')} Zeilen / rows)`,
    )
    return 0
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    await database.close()
  }
}
