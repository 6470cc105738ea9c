import { isCalendarDay, isoDate } from '../../core/periods/dates'
import { listRingsAt } from '../../features/networks/network.repository'
import { type CliIo, expectedOneOf, say, startCommand, usageError } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    at: { type: 'string' },
  })
  if (positionals[0] !== 'list') throw expectedOneOf(locale, ['list'], positionals[0])
  const at = values.at ?? isoDate(new Date())
  if (!isCalendarDay(at)) throw usageError(locale, 'cli.rings.atDate', { value: at })
  const rings = await onDatabase((database) => listRingsAt(database.db, at))
  if (values.json) {
    io.out(JSON.stringify({ at, rings }, null, 2))
    return 0
  }
  if (rings.length === 0) io.out(say(locale, 'cli.rings.none', { at }))
  for (const ring of rings) {
    io.out(
      say(locale, 'cli.rings.ring', {
        code: ring.code,
        name: ring.name,
        network: ring.networkName,
        members: ring.members.length,
        at,
        sharing: ring.sharing,
      }),
    )
    for (const m of ring.members)
      io.out(
        `  ${say(locale, 'cli.rings.member', { name: m.name, id: m.organisationId, since: m.validFrom })}`,
      )
  }
  return 0
}
