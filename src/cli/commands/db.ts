import { migrateDown, migrateToLatest } from '../../db/migrate'
import { openDatabase } from '../../db/connect'
import { type CliIo, databaseOptions, expectedOneOf, refuseWhileServerRuns, say, startCommand } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals } = startCommand(io, args, { down: { type: 'boolean' } })
  if (positionals[0] !== 'migrate') throw expectedOneOf(locale, ['migrate'], positionals[0])
  const target = databaseOptions(io, values['data-dir'])
  refuseWhileServerRuns(target, 'ops.actionMigrate')
  const database = await openDatabase(target)
  try {
    const report = values.down ? await migrateDown(database.db) : await migrateToLatest(database.db)
    const migrations = report.applied.join(', ')
    io.out(
      report.applied.length === 0
        ? say(locale, 'cli.db.upToDate')
        : say(locale, values.down ? 'cli.db.reverted' : 'cli.db.applied', { migrations }),
    )
    return 0
  } finally {
    await database.close()
  }
}
