import { listShippedMappings } from '../../features/imports/load-mapping'
import { localeFromEnvironment } from '../../core/messages/text'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'list') throw new CliUsageError(`expected 'list', got '${positionals[0] ?? ''}'`)
  const mappings = listShippedMappings()
  io.out(
    values.json
      ? JSON.stringify({ mappings }, null, 2)
      : formatTable(
          ['name', 'description'],
          mappings.map((m) => [m.name, m.description[localeFromEnvironment(process.env)]]),
        ),
  )
  return 0
}
