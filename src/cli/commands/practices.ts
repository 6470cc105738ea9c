import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import { listPractices } from '../../features/practices/list-practices'
import { readPractice } from '../../features/practices/read-practice'
import { CliUsageError, type CliIo, formatTable, parseCommandArgs, withDatabase } from '../io'

/** The command line works on the local database with every right, like an administrator. */
export const LOCAL_ADMIN: Viewer = {
  userId: 0,
  role: 'admin',
  organisationId: null,
  ringIds: [],
  moderatedRingIds: 'all',
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    topic: { type: 'string' },
    figure: { type: 'string' },
    limit: { type: 'string' },
  })
  const [action, ...rest] = positionals
  const at = isoDate(new Date())
  if (action === 'list' || action === 'search') {
    const q = action === 'search' ? rest.join(' ').trim() : undefined
    if (action === 'search' && !q)
      throw new CliUsageError('search needs words to look for, e.g. search Beratung')
    const limit = Number(values.limit ?? 100)
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new CliUsageError(`--limit must be 1 … 200, got '${values.limit}'`)
    const list = await withDatabase(io, values['data-dir'], (database) =>
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
      io.out(q ? `no practice card matches '${q}'` : 'no practice cards')
      return 0
    }
    io.out(
      formatTable(
        ['id', 'title', 'organisation', 'visibility', 'figures', 'adoptions'],
        list.practices.map((p) => [
          p.id,
          p.title + (p.isDemo ? ' [Demo]' : ''),
          p.organisation.name,
          p.visibility,
          p.figureCodes.join(','),
          p.adoptionCount,
        ]),
      ),
    )
    io.out(`${list.total} card(s)`)
    return 0
  }
  if (action === 'show') {
    const id = Number(rest[0])
    if (!Number.isInteger(id) || id <= 0)
      throw new CliUsageError(`show needs a card id, got '${rest[0] ?? ''}'`)
    const card = await withDatabase(io, values['data-dir'], (database) =>
      readPractice(database.db, { viewer: LOCAL_ADMIN, id, at }),
    )
    if (values.json) {
      io.out(JSON.stringify(card, null, 2))
      return 0
    }
    const section = (title: string, text: string) => (text ? [`${title}:`, `  ${text}`] : [])
    io.out(
      [
        `#${card.id} ${card.title}${card.isDemo ? ' [Demo]' : ''}`,
        `${card.organisation.name} · ${card.visibility} · ${card.status}${card.publishedAt ? ` ${card.publishedAt.slice(0, 10)}` : ''}`,
        `Themen / topics: ${card.topics.join(', ') || '–'} · Kennzahlen / figures: ${card.figureCodes.join(', ') || '–'}`,
        ...section('Problem', card.problem),
        ...section('Vorgehen / approach', card.approach),
        ...section('Ressourcen / resources', card.resources),
        ...section('Ergebnisse / results', card.results),
        ...section('Kontakt / contact', card.contact),
        `Anhänge / attachments: ${card.attachments.map((a) => `${a.fileName} (${a.sizeBytes} B)`).join(', ') || '–'}`,
        `Übernahmen / adoptions (${card.adoptionCount}):`,
        ...card.adoptions.map(
          (a) =>
            `  #${a.id} ${a.organisation.name} seit ${a.startedOn}${a.effectUrl ? `  → ${a.effectUrl}` : ''}`,
        ),
      ].join('\n'),
    )
    return 0
  }
  throw new CliUsageError(`expected list, search <words> or show <id>, got '${action ?? ''}'`)
}
