import { MEETING_STATUS_LABELS_DE } from '../../contracts/meetings'
import { listMeetings } from '../../features/meetings/list-meetings'
import { proposeSchedule } from '../../features/meetings/propose-schedule'
import { localeFromEnvironment, renderSent } from '../../core/messages/text'
import { SYSTEM_VIEWER } from '../../features/meetings/load-meeting-scope'
import { resolveRing } from '../../features/meetings/meeting.repository'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    ring: { type: 'string' },
    year: { type: 'string' },
    count: { type: 'string' },
    create: { type: 'boolean' },
  })
  const year = values.year === undefined ? undefined : Number(values.year)
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new CliUsageError(`--year must be a year such as 2027, got '${values.year}'`)
  const now = new Date()
  if (positionals[0] === 'list') {
    const meetings = await withDatabase(io, values['data-dir'], (database) =>
      listMeetings(database.db, { viewer: SYSTEM_VIEWER, ring: values.ring, year, now }),
    )
    if (values.json) {
      io.out(JSON.stringify({ meetings }, null, 2))
      return 0
    }
    if (meetings.length === 0) io.out('keine Treffen / no meetings')
    else
      io.out(
        formatTable(
          ['id', 'Ring', 'Beginn', 'Ende', 'Titel', 'Gastgeber', 'Status'],
          meetings.map((m) => [
            m.id,
            m.ring?.code ?? 'Netzwerk',
            `${m.startsOn}${m.startTime ? ` ${m.startTime}` : ''}`,
            `${m.endsOn}${m.endTime ? ` ${m.endTime}` : ''}`,
            m.isDemo ? `${m.title} (Demo)` : m.title,
            m.host?.name ?? null,
            MEETING_STATUS_LABELS_DE[m.status],
          ]),
        ),
      )
    return 0
  }
  if (positionals[0] === 'propose-schedule') {
    if (!values.ring) throw new CliUsageError('--ring is required (a ring code such as R01)')
    if (year === undefined) throw new CliUsageError('--year is required')
    const count = values.count === undefined ? 3 : Number(values.count)
    if (!Number.isInteger(count) || count < 1 || count > 12)
      throw new CliUsageError(`--count must be 1 to 12, got '${values.count}'`)
    const proposal = await withDatabase(io, values['data-dir'], async (database) => {
      const ring = await resolveRing(database.db, values.ring!)
      return proposeSchedule(database, {
        viewer: SYSTEM_VIEWER,
        actor: { userId: null, label: 'cli' },
        ringId: ring.id,
        year,
        count,
        durationDays: 1.5,
        isCreate: values.create ?? false,
        now,
      })
    })
    if (values.json) {
      io.out(JSON.stringify(proposal, null, 2))
      return 0
    }
    io.out(`${proposal.ring.code} ${proposal.ring.name}, ${proposal.year}:`)
    for (const s of proposal.slots)
      io.out(
        `  ${s.number}. ${s.startsOn} ${s.startTime} – ${s.endsOn} ${s.endTime}  Gastgeber: ${s.host.name}\n     ${s.reason[localeFromEnvironment(io.env)]}`,
      )
    io.out(renderSent(localeFromEnvironment(io.env), proposal.note))
    io.out(
      proposal.createdMeetingIds.length > 0
        ? `angelegt / created: ${proposal.createdMeetingIds.join(', ')}`
        : 'nur Vorschlag / proposal only (anlegen / create with --create)',
    )
    return 0
  }
  throw new CliUsageError(`expected 'list' or 'propose-schedule', got '${positionals[0] ?? ''}'`)
}
