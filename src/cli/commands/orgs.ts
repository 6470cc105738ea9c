import { listOrganisations } from '../../features/organisations/organisation.repository'
import { type CliIo, expectedOneOf, printList, say, startCommand } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    at: { type: 'string' },
  })
  if (positionals[0] !== 'list') throw expectedOneOf(locale, ['list'], positionals[0])
  const organisations = await onDatabase((database) => listOrganisations(database.db, { at: values.at }))
  printList(io, {
    json: values.json,
    named: { organisations },
    headers: [
      say(locale, 'cli.common.colId'),
      'AGS',
      'NUTS-3',
      say(locale, 'cli.common.colName'),
      say(locale, 'cli.common.colKind'),
      say(locale, 'cli.orgs.colCarrier'),
      say(locale, 'cli.common.colRing'),
      say(locale, 'cli.common.demo'),
    ],
    row: (o) => [
      o.id,
      o.areas.map((a) => a.ags5).join('+'),
      o.nuts3,
      o.name,
      o.kind,
      o.carrierType,
      o.ring?.code ?? null,
      o.isDemo ? say(locale, 'cli.common.demo') : '',
    ],
  })
  return 0
}
