import { formatDate, type Locale } from '../../core/format/format'
import { listMeetings } from '../../features/meetings/list-meetings'
import { proposeSchedule } from '../../features/meetings/propose-schedule'
import { renderSent } from '../../core/messages/text'
import { SYSTEM_VIEWER } from '../../features/meetings/load-meeting-scope'
import { resolveRing } from '../../features/meetings/meeting.repository'
import { type CliIo, expectedOneOf, formatTable, say, startCommand, usageError } from '../io'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    ring: { type: 'string' },
    year: { type: 'string' },
    count: { type: 'string' },
    create: { type: 'boolean' },
  })
  const year = values.year === undefined ? undefined : Number(values.year)
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw usageError(locale, 'cli.meetings.year', { value: values.year! })
  const now = new Date()
  if (positionals[0] === 'list') {
    const meetings = await onDatabase((database) =>
      listMeetings(database.db, { viewer: SYSTEM_VIEWER, ring: values.ring, year, now }),
    )
    if (values.json) {
      io.out(JSON.stringify({ meetings }, null, 2))
      return 0
    }
    if (meetings.length === 0) io.out(say(locale, 'cli.meetings.none'))
    else
      io.out(
        formatTable(
          [
            say(locale, 'cli.common.colId'),
            say(locale, 'cli.common.colRing'),
            say(locale, 'cli.meetings.colStarts'),
            say(locale, 'cli.meetings.colEnds'),
            say(locale, 'cli.meetings.colTitle'),
            say(locale, 'cli.meetings.colHost'),
            say(locale, 'cli.common.colStatus'),
          ],
          meetings.map((m) => [
            m.id,
            m.ring?.code ?? say(locale, 'cli.meetings.network'),
            dayAndTime(locale, m.startsOn, m.startTime),
            dayAndTime(locale, m.endsOn, m.endTime),
            m.isDemo ? `${m.title} (${say(locale, 'cli.common.demo')})` : m.title,
            m.host?.name ?? null,
            say(locale, 'cli.meetings.status', { status: m.status }),
          ]),
        ),
      )
    return 0
  }
  if (positionals[0] === 'propose-schedule') {
    if (!values.ring) throw usageError(locale, 'cli.common.ringRequired')
    if (year === undefined) throw usageError(locale, 'cli.meetings.yearRequired')
    const count = values.count === undefined ? 3 : Number(values.count)
    if (!Number.isInteger(count) || count < 1 || count > 12)
      throw usageError(locale, 'cli.meetings.count', { value: values.count! })
    const proposal = await onDatabase(async (database) => {
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
        `  ${say(locale, 'cli.meetings.slot', {
          number: String(s.number),
          starts: dayAndTime(locale, s.startsOn, s.startTime),
          ends: dayAndTime(locale, s.endsOn, s.endTime),
          host: s.host.name,
        })}\n     ${s.reason[locale]}`,
      )
    io.out(renderSent(locale, proposal.note))
    io.out(
      proposal.createdMeetingIds.length > 0
        ? say(locale, 'cli.meetings.created', { ids: proposal.createdMeetingIds.join(', ') })
        : say(locale, 'cli.meetings.proposalOnly'),
    )
    return 0
  }
  throw expectedOneOf(locale, ['list', 'propose-schedule'], positionals[0])
}

/** A day in the language's format, with its time where there is one. */
function dayAndTime(locale: Locale, day: string, time: string | null | undefined): string {
  return `${formatDate(locale, day)}${time ? ` ${time}` : ''}`
}
