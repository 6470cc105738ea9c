import type { Locale } from '../../core/format/format'
import { listShippedMappings } from '../../features/imports/load-mapping'
import { localeFromEnvironment } from '../../core/messages/text'
import { type CliIo, expectedOneOf, formatTable, parseCommandArgs, say } from '../io'

export async function run(
  args: string[],
  io: CliIo,
  locale: Locale = localeFromEnvironment(io.env),
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, locale)
  if (positionals[0] !== 'list') throw expectedOneOf(locale, ['list'], positionals[0])
  const mappings = listShippedMappings()
  io.out(
    values.json
      ? JSON.stringify({ mappings }, null, 2)
      : formatTable(
          [say(locale, 'cli.common.colName'), say(locale, 'cli.mappings.colDescription')],
          mappings.map((m) => [m.name, m.description[locale]]),
        ),
  )
  return 0
}
