/**
 * The `benchlearn` command line. This file only dispatches: each command lives in commands/ and is
 * loaded on demand. Errors become a plain message and an exit code (a stack trace only with --debug).
 */
import { isAppError, type AppErrorCode } from '../core/errors/app-error'
import { localeFromEnvironment, renderSent } from '../core/messages/text'
import { CliUsageError, type CliIo, defaultIo } from './io'

type CommandModule = { run(args: string[], io: CliIo): Promise<number> }

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  start: {
    summary: 'start the platform (creates the demo network on an empty database)',
    load: () => import('./commands/start'),
  },
  demo: { summary: 'demo --reset: recreate the demo network', load: () => import('./commands/demo') },
  db: { summary: 'db migrate [--down]: update the database schema', load: () => import('./commands/db') },
  backup: {
    summary: 'backup <file>: a consistent, compressed backup of the whole database (while it runs)',
    load: () => import('./commands/backup'),
  },
  restore: {
    summary: 'restore <file> [--sign-out-everyone]: load a backup into an empty database',
    load: () => import('./commands/restore'),
  },
  import: {
    summary: 'import <file> [--mapping <name|file>] [--dry-run] [--json]',
    load: () => import('./commands/import'),
  },
  export: {
    summary: 'export <dir>: everything as CSV + JSON (re-importable)',
    load: () => import('./commands/export'),
  },
  orgs: { summary: 'orgs list [--at YYYY-MM-DD] [--json]', load: () => import('./commands/orgs') },
  rings: {
    summary: 'rings list [--at YYYY-MM-DD] [--json]: who was in which ring on a day',
    load: () => import('./commands/rings'),
  },
  indicators: { summary: 'indicators list [--json]', load: () => import('./commands/indicators') },
  observations: {
    summary: 'observations <org> <indicator> [--as-of <date>] [--from YYYY-MM] [--to YYYY-MM] [--json]',
    load: () => import('./commands/observations'),
  },
  kpi: {
    summary:
      'kpi list|compute [--full] [--as-of <date>]|show <code> --org <key> [--group ring|all|set] [--orgs a,b] [--period YYYY-MM] [--json]|excellence <code> --org <key>|define <code> …',
    load: () => import('./commands/kpi'),
  },
  sso: {
    summary:
      'sso list [--json] | set <org-key> --name <n> --issuer <url> --client-id <id> [--domains a,b] [--client-secret-stdin] | remove <org-key>',
    load: () => import('./commands/sso'),
  },
  users: {
    summary:
      'users list [--json] | create <email> --role <role> [--org <key>] [--name <n>] --password-stdin | invite --role <role> [--org <key>] [--email <e>]',
    load: () => import('./commands/users'),
  },
  peers: {
    summary:
      'peers form --method <ward|kmeans|rings> --k <n> [--min <n> --max <n>] [--indicators a,b] [--weights a=2,b=1|regression] [--input <csv>] [--json] | save --name … | list | show <id> | compare <a> <b> | neighbours <org> [--k 10] | history <org> | move <id> <org> <group> [--save] | apply <id> --from <date> | import-types <csv> --name …',
    load: () => import('./commands/peers'),
  },
  meetings: {
    summary:
      'meetings list [--ring R01] [--year 2027] [--json] | propose-schedule --ring R01 --year 2027 [--count 3] [--create] [--json]',
    load: () => import('./commands/meetings'),
  },
  report: {
    summary:
      'report meeting <id> --pdf <file> [--html <file>] [--period YYYY-MM] [--lang de|en]: the meeting pack | ' +
      'report organisation <key> --pdf <file> --pptx <file> [--lang de|en] [--period YYYY-MM] ' +
      '[--sections position,context,potentials,measures]: the council report',
    load: () => import('./commands/report'),
  },
  practices: {
    summary:
      'practices list [--topic t] [--figure K2] | search <words> | show <id> [--json]: the good-practice library',
    load: () => import('./commands/practices'),
  },
  'self-assessment': {
    summary:
      'self-assessment compare --ring R01 [--cycle 2025] [--org <id>] [--json]: enabler areas in the ring',
    load: () => import('./commands/self-assessment'),
  },
  boundaries: {
    summary:
      'boundaries import <file.geojson> [--property ags5] [--tolerance 0.005] [--licence <text>] [--dry-run] [--json]: district boundaries for the map',
    load: () => import('./commands/boundaries'),
  },
  mail: {
    summary:
      'mail send-pending [--json]: send the outbox now (daily digests included) through BENCHLEARN_SMTP_HOST',
    load: () => import('./commands/mail'),
  },
  mappings: {
    summary: 'mappings list: column mappings shipped for official formats',
    load: () => import('./commands/mappings'),
  },
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

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length))
  return [
    'benchlearn – benchmarking and benchlearning for public organisations',
    '',
    'usage: benchlearn <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options: --data-dir <dir> (embedded database folder, default ./data or $BENCHLEARN_DATA_DIR),',
    '                --debug (show stack traces). With $DATABASE_URL set, PostgreSQL is used instead.',
  ].join('\n')
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const isDebug = argv.includes('--debug')
  const args = argv.filter((a) => a !== '--debug')
  const [name, ...rest] = args
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage())
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    io.err(`benchlearn: unknown command '${name}'\n\n${usage()}`)
    return 2
  }
  try {
    return await (await command.load()).run(rest, io)
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`benchlearn ${name}: ${error.message}\nusage: benchlearn ${command.summary}`)
      return 2
    }
    if (isAppError(error)) {
      // German first; English where LANG asks for it. Texts without a catalogue key as they are.
      const locale = localeFromEnvironment(io.env)
      io.err(
        `benchlearn ${name}: ${renderSent(locale, { message: error.message, key: error.key, params: error.params })}`,
      )
      for (const d of error.details.slice(0, 50)) {
        const where = [
          d.file,
          d.row !== undefined ? `row ${d.row}` : undefined,
          d.column ? `column ${d.column}` : undefined,
          d.field,
        ]
          .filter(Boolean)
          .join(', ')
        io.err(
          `  ${where ? `${where}: ` : ''}${d.value !== undefined ? `'${d.value}': ` : ''}${renderSent(locale, d)}`,
        )
      }
      if (isDebug) io.err(error.stack ?? '')
      return EXIT_CODES[error.code]
    }
    const message = error instanceof Error ? error.message : String(error)
    io.err(`benchlearn ${name}: ${message}`)
    if (isDebug && error instanceof Error) io.err(error.stack ?? '')
    return 1
  }
}
