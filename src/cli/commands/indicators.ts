import { listIndicators } from '../../features/indicators/indicator.repository'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'list') throw new CliUsageError(`expected 'list', got '${positionals[0] ?? ''}'`)
  const indicators = await withDatabase(io, values['data-dir'], (database) => listIndicators(database.db))
  if (values.json) io.out(JSON.stringify({ indicators }, null, 2))
  else
    io.out(
      formatTable(
        ['code', 'name', 'unit', 'frequency', 'breakdowns', 'kind', 'source'],
        indicators.map((i) => [
          i.code,
          i.nameDe,
          i.unit,
          i.frequency,
          i.breakdowns.join('/'),
          i.kind,
          i.source,
        ]),
      ),
    )
  return 0
}
