import { isCalendarDay, isoDate } from '../../core/periods/dates'
import { listRingsAt } from '../../features/networks/network.repository'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    at: { type: 'string' },
  })
  if (positionals[0] !== 'list') throw new CliUsageError(`expected 'list', got '${positionals[0] ?? ''}'`)
  const at = values.at ?? isoDate(new Date())
  if (!isCalendarDay(at)) throw new CliUsageError(`--at must be a date YYYY-MM-DD, got '${at}'`)
  const rings = await withDatabase(io, values['data-dir'], (database) => listRingsAt(database.db, at))
  if (values.json) {
    io.out(JSON.stringify({ at, rings }, null, 2))
    return 0
  }
  if (rings.length === 0) io.out(`no rings on ${at}`)
  for (const ring of rings) {
    io.out(
      `${ring.code} ${ring.name} (${ring.networkName}; ${ring.members.length} members on ${at}, sharing: ${ring.sharing})`,
    )
    for (const m of ring.members) io.out(`  ${m.name}  [id ${m.organisationId}, since ${m.validFrom}]`)
  }
  return 0
}
