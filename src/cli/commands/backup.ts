import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { openDatabase } from '../../db/connect'
import { writeBackup, type BackupSummary } from '../../features/backup/write-backup'
import { findRunningServer } from '../../server/operations-control'
import { type CliIo, databaseOptions, say, startCommand, usageError } from '../io'
import { backupThroughServer } from '../operations-client'

/**
 * `benchlearn backup <file>`: a consistent, compressed backup of the whole database (docs/operations.md).
 * While `benchlearn start` runs on the embedded database's data folder, the running server takes it
 * (PGlite belongs to one process); otherwise this process opens the database itself.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals } = startCommand(io, args, {})
  if (positionals.length !== 1) throw usageError(locale, 'cli.backup.oneFile')
  const file = resolve(io.cwd, positionals[0]!)
  // Written next to the target and renamed when complete: a failed backup leaves no file that looks whole.
  const partial = `${file}.partial-${process.pid}`
  const target = databaseOptions(io, values['data-dir'])
  const server = target.dataDir ? findRunningServer(target.dataDir) : null
  try {
    const summary = server
      ? await backupThroughServer(server, partial)
      : await backupDirectly(target, partial)
    renameSync(partial, file)
    const written = { file, schema: summary.schema, tables: summary.tables, rows: summary.rows }
    io.out(
      server
        ? say(locale, 'cli.backup.writtenByServer', { ...written, pid: String(server.pid) })
        : say(locale, 'cli.backup.written', written),
    )
    return 0
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

async function backupDirectly(
  target: ReturnType<typeof databaseOptions>,
  partial: string,
): Promise<BackupSummary> {
  const database = await openDatabase(target)
  try {
    // The backup holds password hashes and session tokens: readable by its owner only.
    return await writeBackup(database, { output: createWriteStream(partial, { mode: 0o600 }) })
  } finally {
    await database.close()
  }
}
