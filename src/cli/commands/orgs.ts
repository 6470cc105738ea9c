import { listOrganisations } from '../../features/organisations/organisation.repository'
import { CliUsageError, type CliIo, parseCommandArgs, printList, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    at: { type: 'string' },
  })
  if (positionals[0] !== 'list') throw new CliUsageError(`expected 'list', got '${positionals[0] ?? ''}'`)
  const organisations = await withDatabase(io, values['data-dir'], (database) =>
    listOrganisations(database.db, { at: values.at }),
  )
  printList(io, {
    json: values.json,
    named: { organisations },
    headers: ['id', 'AGS', 'NUTS-3', 'name', 'kind', 'carrier', 'ring', 'demo'],
    row: (o) => [
      o.id,
      o.areas.map((a) => a.ags5).join('+'),
      o.nuts3,
      o.name,
      o.kind,
      o.carrierType,
      o.ring?.code ?? null,
      o.isDemo ? 'demo' : '',
    ],
  })
  return 0
}
