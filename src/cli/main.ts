/**
 * The `benchlearn` command line. This file only dispatches: each command lives in commands/ and is
 * loaded on demand. Errors become a plain message and an exit code (a stack trace only with --debug).
 */
import { isAppError, type AppErrorCode } from '../core/errors/app-error'
import type { Locale } from '../core/format/format'
import { localeFromEnvironment, renderSent, text, type ServerMessageKey } from '../core/messages/text'
import { ZodError } from 'zod'
import { CliUsageError, type CliIo, defaultIo, describeIssues, say } from './io'

type CommandModule = { run(args: string[], io: CliIo): Promise<number> }

/** Each command: the catalogue key of its usage line and summary, and its module, loaded on demand. */
const COMMANDS: Record<string, { summary: ServerMessageKey; load: () => Promise<CommandModule> }> = {
  start: { summary: 'cli.start.summary', load: () => import('./commands/start') },
  demo: { summary: 'cli.demo.summary', load: () => import('./commands/demo') },
  db: { summary: 'cli.db.summary', load: () => import('./commands/db') },
  backup: { summary: 'cli.backup.summary', load: () => import('./commands/backup') },
  restore: { summary: 'cli.restore.summary', load: () => import('./commands/restore') },
  import: { summary: 'cli.import.summary', load: () => import('./commands/import') },
  export: { summary: 'cli.export.summary', load: () => import('./commands/export') },
  orgs: { summary: 'cli.orgs.summary', load: () => import('./commands/orgs') },
  rings: { summary: 'cli.rings.summary', load: () => import('./commands/rings') },
  indicators: { summary: 'cli.indicators.summary', load: () => import('./commands/indicators') },
  observations: { summary: 'cli.observations.summary', load: () => import('./commands/observations') },
  kpi: { summary: 'cli.kpi.summary', load: () => import('./commands/kpi') },
  sso: { summary: 'cli.sso.summary', load: () => import('./commands/sso') },
  users: { summary: 'cli.users.summary', load: () => import('./commands/users') },
  peers: { summary: 'cli.peers.summary', load: () => import('./commands/peers') },
  meetings: { summary: 'cli.meetings.summary', load: () => import('./commands/meetings') },
  report: { summary: 'cli.report.summary', load: () => import('./commands/report') },
  practices: { summary: 'cli.practices.summary', load: () => import('./commands/practices') },
  'self-assessment': {
    summary: 'cli.selfAssessment.summary',
    load: () => import('./commands/self-assessment'),
  },
  boundaries: { summary: 'cli.boundaries.summary', load: () => import('./commands/boundaries') },
  mail: { summary: 'cli.mail.summary', load: () => import('./commands/mail') },
  mappings: { summary: 'cli.mappings.summary', load: () => import('./commands/mappings') },
}

const EXIT_CODES: Record<AppErrorCode, number> = {
  invalid_input: 2,
  not_found: 3,
  conflict: 4,
  infeasible: 5,
  unauthenticated: 6,
  forbidden: 6,
  rate_limited: 7,
  too_large: 2,
  unavailable: 8,
  internal: 1,
}

export function usage(locale: Locale): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  return [
    say(locale, 'cli.main.title'),
    '',
    say(locale, 'cli.main.usage'),
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${text(locale, c.summary)}`),
    '',
    say(locale, 'cli.main.globalOptions'),
  ].join('\n')
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const isDebug = argv.includes('--debug')
  const args = argv.filter((a) => a !== '--debug')
  const [name, ...rest] = args
  // German first; English where LANG asks for it: every text below and in the commands.
  const locale = localeFromEnvironment(io.env)
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(locale))
    return name ? 0 : 2
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    io.err(`${say(locale, 'cli.main.unknownCommand', { name })}\n\n${usage(locale)}`)
    return 2
  }
  try {
    return await (await command.load()).run(rest, io)
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(
        `benchlearn ${name}: ${error.message}\n${say(locale, 'cli.common.usage', { summary: text(locale, command.summary) })}`,
      )
      return 2
    }
    if (isAppError(error)) {
      // Texts without a catalogue key as they are.
      io.err(
        `benchlearn ${name}: ${renderSent(locale, { message: error.message, key: error.key, params: error.params })}`,
      )
      for (const d of error.details.slice(0, 50)) {
        const where = [
          d.file,
          d.row !== undefined ? say(locale, 'cli.common.row', { row: String(d.row) }) : undefined,
          d.column ? say(locale, 'cli.common.column', { column: d.column }) : undefined,
          d.field,
        ]
          .filter(Boolean)
          .join(', ')
        io.err(
          `  ${where ? `${where}: ` : ''}${d.value !== undefined ? `${say(locale, 'cli.common.quoted', { value: d.value })}: ` : ''}${renderSent(locale, d)}`,
        )
      }
      if (isDebug) io.err(error.stack ?? '')
      return EXIT_CODES[error.code]
    }
    if (error instanceof ZodError) {
      io.err(
        `benchlearn ${name}: ${say(locale, 'request.invalidInput')}: ${describeIssues(locale, error.issues)}`,
      )
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    io.err(`benchlearn ${name}: ${message}`)
    if (isDebug && error instanceof Error) io.err(error.stack ?? '')
    return 1
  }
}
