import { listShippedMappings } from '../../features/imports/load-mapping'
import { type CliIo, expectedOneOf, formatTable, say, startCommand } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, positionals, print } = startCommand(io, args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'list') throw expectedOneOf(locale, ['list'], positionals[0])
  const mappings = listShippedMappings()
  print({ mappings }, () =>
    formatTable(
      [say(locale, 'cli.common.colName'), say(locale, 'cli.mappings.colDescription')],
      mappings.map((m) => [m.name, m.description[locale]]),
    ),
  )
  return 0
}
