import { migrateDown, migrateToLatest } from '../../db/migrate'
import { openDatabase } from '../../db/connect'
import { CliUsageError, type CliIo, databaseOptions, parseCommandArgs, refuseWhileServerRuns } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { down: { type: 'boolean' } })
  if (positionals[0] !== 'migrate')
    throw new CliUsageError(`expected 'migrate', got '${positionals[0] ?? ''}'`)
  const target = databaseOptions(io, values['data-dir'])
  refuseWhileServerRuns(target, 'ops.actionMigrate')
  const database = await openDatabase(target)
  try {
    const report = values.down ? await migrateDown(database.db) : await migrateToLatest(database.db)
    io.out(
      report.applied.length === 0
        ? 'Datenbank ist aktuell / database is up to date'
        : `${values.down ? 'reverted' : 'applied'}: ${report.applied.join(', ')}`,
    )
    return 0
  } finally {
    await database.close()
  }
}
