import { resolve } from 'node:path'
import { exportAll } from '../../features/exports/export-all'
import type { Locale } from '../../core/format/format'
import { localeFromEnvironment } from '../../core/messages/text'
import { type CliIo, parseCommandArgs, say, usageError, withDatabase } from '../io'

export async function run(
  args: string[],
  io: CliIo,
  locale: Locale = localeFromEnvironment(io.env),
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, locale)
  const dir = positionals[0]
  if (!dir) throw usageError(locale, 'cli.export.whichFolder')
  const summary = await withDatabase(io, values['data-dir'], (database) =>
    exportAll(database, resolve(io.cwd, dir)),
  )
  if (values.json) io.out(JSON.stringify(summary, null, 2))
  else
    io.out(
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
