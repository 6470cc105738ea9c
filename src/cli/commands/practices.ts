import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import { listPractices } from '../../features/practices/list-practices'
import { readPractice } from '../../features/practices/read-practice'
import { formatDate, formatNumber } from '../../core/format/format'
import { type CliIo, expectedOneOf, formatTable, say, startCommand, usageError } from '../io'

/** The command line works on the local database with every right, like an administrator. */
export const LOCAL_ADMIN: Viewer = {
  userId: 0,
  role: 'admin',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values, positionals, onDatabase } = startCommand(io, args, {
    json: { type: 'boolean' },
    topic: { type: 'string' },
    figure: { type: 'string' },
    limit: { type: 'string' },
  })
  const [action, ...rest] = positionals
  const at = isoDate(new Date())
  if (action === 'list' || action === 'search') {
    const q = action === 'search' ? rest.join(' ').trim() : undefined
    if (action === 'search' && !q) throw usageError(locale, 'cli.practices.searchWords')
    const limit = Number(values.limit ?? 100)
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw usageError(locale, 'cli.practices.limit', { value: values.limit ?? '' })
    const list = await onDatabase((database) =>
      listPractices(database.db, {
        viewer: LOCAL_ADMIN,
        query: { q, topic: values.topic, figure: values.figure, limit },
        at,
      }),
    )
    if (values.json) {
      io.out(JSON.stringify(list, null, 2))
      return 0
    }
    if (list.practices.length === 0) {
      io.out(q ? say(locale, 'cli.practices.noMatch', { q }) : say(locale, 'cli.practices.none'))
      return 0
    }
    io.out(
      formatTable(
        [
          say(locale, 'cli.common.colId'),
          say(locale, 'cli.practices.colTitle'),
          say(locale, 'cli.common.colOrganisation'),
          say(locale, 'cli.practices.colVisibility'),
          say(locale, 'cli.practices.colFigures'),
          say(locale, 'cli.practices.colAdoptions'),
        ],
        list.practices.map((p) => [
          p.id,
          p.title + (p.isDemo ? ` [${say(locale, 'cli.common.demo')}]` : ''),
          p.organisation.name,
          p.visibility,
          p.figureCodes.join(','),
          p.adoptionCount,
        ]),
      ),
    )
    io.out(say(locale, 'cli.practices.total', { n: list.total }))
    return 0
  }
  if (action === 'show') {
    const id = Number(rest[0])
    if (!Number.isInteger(id) || id <= 0)
      throw usageError(locale, 'cli.practices.showId', { value: rest[0] ?? '' })
    const card = await onDatabase((database) => readPractice(database.db, { viewer: LOCAL_ADMIN, id, at }))
    if (values.json) {
      io.out(JSON.stringify(card, null, 2))
      return 0
    }
    const section = (title: string, text: string) => (text ? [`${title}:`, `  ${text}`] : [])
    io.out(
      [
        `#${card.id} ${card.title}${card.isDemo ? ` [${say(locale, 'cli.common.demo')}]` : ''}`,
        `${card.organisation.name} · ${card.visibility} · ${card.status}${card.publishedAt ? ` ${formatDate(locale, card.publishedAt)}` : ''}`,
        say(locale, 'cli.practices.topics', {
          topics: card.topics.join(', ') || '–',
          figures: card.figureCodes.join(', ') || '–',
        }),
        ...section(say(locale, 'cli.practices.problem'), card.problem),
        ...section(say(locale, 'cli.practices.approach'), card.approach),
        ...section(say(locale, 'cli.practices.resources'), card.resources),
        ...section(say(locale, 'cli.practices.results'), card.results),
        ...section(say(locale, 'cli.practices.contact'), card.contact),
        say(locale, 'cli.practices.attachments', {
          list:
            card.attachments
              .map((a) => `${a.fileName} (${formatNumber(locale, a.sizeBytes, 0)} B)`)
              .join(', ') || '–',
        }),
        say(locale, 'cli.practices.adoptions', { n: card.adoptionCount }),
        ...card.adoptions.map(
          (a) =>
            `  ${say(locale, 'cli.practices.adoption', { id: a.id, organisation: a.organisation.name, since: a.startedOn })}${a.effectUrl ? `  → ${a.effectUrl}` : ''}`,
        ),
      ].join('\n'),
    )
    return 0
  }
  throw expectedOneOf(locale, ['list', 'search', 'show'], action)
}
