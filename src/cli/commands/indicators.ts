import { listIndicators } from '../../features/indicators/indicator.repository'
import { CliUsageError, type CliIo, parseCommandArgs, printList, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'list') throw new CliUsageError(`expected 'list', got '${positionals[0] ?? ''}'`)
  const indicators = await withDatabase(io, values['data-dir'], (database) => listIndicators(database.db))
  printList(io, {
    json: values.json,
    named: { indicators },
    headers: ['code', 'name', 'unit', 'frequency', 'breakdowns', 'kind', 'source'],
    row: (i) => [i.code, i.nameDe, i.unit, i.frequency, i.breakdowns.join('/'), i.kind, i.source],
  })
  return 0
}
