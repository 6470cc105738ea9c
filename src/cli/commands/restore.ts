import { createReadStream, existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { openDatabase } from '../../db/connect'
import { restoreBackup } from '../../features/backup/restore-backup'
import { CliUsageError, type CliIo, databaseOptions, parseCommandArgs, refuseWhileServerRuns } from '../io'

/** `benchlearn restore <file>`: loads a backup into an empty database (docs/operations.md). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { 'sign-out-everyone': { type: 'boolean' } })
  if (positionals.length !== 1) throw new CliUsageError('expected exactly one backup file to restore')
  const file = resolve(io.cwd, positionals[0]!)
  if (!existsSync(file)) throw notFound(message('restore.noSuchFile', { file }))
  const target = databaseOptions(io, values['data-dir'])
  refuseWhileServerRuns(target, 'ops.actionRestore')
  const database = await openDatabase(target)
  try {
    const summary = await restoreBackup(database, {
      input: createReadStream(file),
      file: basename(file),
      isSigningOutEveryone: values['sign-out-everyone'] ?? false,
    })
    io.out(
      [
        `Wiederhergestellt / restored: ${summary.tables} Tabellen / tables, ${summary.rows.toLocaleString('de-DE')} Zeilen / rows (Schema ${summary.schema}) in ${database.location}`,
        summary.upgradedWith.length > 0
          ? `  aktualisiert / upgraded with: ${summary.upgradedWith.join(', ')}`
          : '  Schema ist aktuell / schema is current',
      ].join('\n'),
    )
    return 0
  } finally {
    await database.close()
  }
}
