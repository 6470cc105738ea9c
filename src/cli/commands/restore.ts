import { createReadStream, existsSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { openDatabase } from '../../db/connect'
import { restoreBackup } from '../../features/backup/restore-backup'
import { type CliIo, databaseOptions, refuseWhileServerRuns, say, startCommand, usageError } from '../io'

/** `benchlearn restore <file>`: loads a backup into an empty database (docs/operations.md). */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals } = startCommand(io, args, { 'sign-out-everyone': { type: 'boolean' } })
  if (positionals.length !== 1) throw usageError(locale, 'cli.restore.oneFile')
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
        say(locale, 'cli.restore.restored', {
          tables: summary.tables,
          rows: summary.rows,
          schema: summary.schema,
          location: database.location,
        }),
        `  ${
          summary.upgradedWith.length > 0
            ? say(locale, 'cli.restore.upgraded', { migrations: summary.upgradedWith.join(', ') })
            : say(locale, 'cli.restore.schemaCurrent')
        }`,
      ].join('\n'),
    )
    return 0
  } finally {
    await database.close()
  }
}
