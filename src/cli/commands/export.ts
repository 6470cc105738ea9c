import { resolve } from 'node:path'
import { exportAll } from '../../features/exports/export-all'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  const dir = positionals[0]
  if (!dir) throw new CliUsageError('which folder? e.g. benchlearn export ./backup')
  const summary = await withDatabase(io, values['data-dir'], (database) =>
    exportAll(database, resolve(io.cwd, dir)),
  )
  if (values.json) io.out(JSON.stringify(summary, null, 2))
  else
    io.out(
      `exported to ${summary.dir}: ${summary.organisations} organisations, ${summary.currentValues} current values, ${summary.revisions} revisions (${summary.files.join(', ')})\n` +
        `observations.csv re-imports with: benchlearn import ${dir}/observations.csv`,
    )
  return 0
}
