import { resolve } from 'node:path'
import { exportAll } from '../../features/exports/export-all'
import { type CliIo, say, startCommand, usageError } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, positionals, onDatabase, print } = startCommand(io, args, { json: { type: 'boolean' } })
  const dir = positionals[0]
  if (!dir) throw usageError(locale, 'cli.export.whichFolder')
  const summary = await onDatabase((database) => exportAll(database, resolve(io.cwd, dir)))
  print(summary, () =>
    [
      say(locale, 'cli.export.done', {
        dir: summary.dir,
        organisations: summary.organisations,
        values: summary.currentValues,
        revisions: summary.revisions,
        files: summary.files.join(', '),
      }),
      say(locale, 'cli.export.reimport', { path: `${dir}/observations.csv` }),
    ].join('\n'),
  )
  return 0
}
