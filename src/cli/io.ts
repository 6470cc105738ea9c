import { parseArgs, type ParseArgsConfig } from 'node:util'
import { resolve } from 'node:path'
import { conflict } from '../core/errors/app-error'
import * as fmt from '../core/format/format'
import type { Locale } from '../core/format/format'
import {
  type ArgsOf,
  localeFromEnvironment,
  message,
  render,
  type ServerMessageKey,
} from '../core/messages/text'
import { prepareDatabase } from '../features/setup/prepare-database'
import { issueMessage } from '../contracts/issue-message'
import { findRunningServer } from '../server/operations-control'
import type { ZodError } from 'zod'
import type { Database } from '../db/connect'

/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Progress on a terminal (stderr); silent when not a TTY. */
  progress(label: string, done: number, total: number): void
  env: NodeJS.ProcessEnv
  cwd: string
}

let lastDraw = 0
export const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: (label, done, total) => {
    if (!process.stderr.isTTY) return
    const now = Date.now()
    if (done < total && now - lastDraw < 100) return
    lastDraw = now
    const width = 30
    const share = total > 0 ? done / total : 1
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░')
    process.stderr.write(`\r${label.padEnd(8)} ${bar} ${(share * 100).toFixed(0).padStart(3)} %`)
    if (done >= total) process.stderr.write('\n')
  },
  env: process.env,
  cwd: process.cwd(),
}

/** A mistake in how the command was called: shown with the command's usage line. */
export class CliUsageError extends Error {}

/** A text of the CLI in its language: `say(locale, 'cli.rings.none', { at })`. */
export function say<K extends ServerMessageKey>(locale: Locale, key: K, ...params: ArgsOf<K>): string {
  return render(locale, message(key, ...params))
}

/** A usage error in the CLI's language. */
export function usageError<K extends ServerMessageKey>(
  locale: Locale,
  key: K,
  ...params: ArgsOf<K>
): CliUsageError {
  return new CliUsageError(say(locale, key, ...params))
}

/** "expected 'list' or 'show', got 'x'": the words a command accepts, quoted and joined the language's way. */
export function expectedOneOf(
  locale: Locale,
  choices: readonly string[],
  got: string | undefined,
): CliUsageError {
  const quoted = choices.map((c) => say(locale, 'cli.common.quoted', { value: c }))
  const expected = new Intl.ListFormat(locale === 'de' ? 'de-DE' : 'en-GB', { type: 'disjunction' }).format(
    quoted,
  )
  return got
    ? usageError(locale, 'cli.common.expectedGot', { expected, got })
    : usageError(locale, 'cli.common.expected', { expected })
}

/** The CLI's language: LANG or LC_ALL as the command's environment has them (German by default). */
export function localeOf(io: CliIo): Locale {
  return localeFromEnvironment(io.env)
}

/** A schema's refusal, one issue after the other, in the CLI's language. */
export function describeIssues(locale: Locale, issues: ZodError['issues']): string {
  return issues
    .map((issue) => {
      const field = issue.path.join('.')
      return `${field ? `${field}: ` : ''}${render(locale, issueMessage(issue))}`
    })
    .join('; ')
}

/** A number for a table or a line: `digits` decimals in the language's marks, "–" where there is none. */
export function formatFixedOrDash(locale: Locale, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return fmt.formatNumber(locale, value, digits, digits)
}

const GLOBAL_OPTIONS = { 'data-dir': { type: 'string' } } as const

/** Parses a command's arguments; unknown options are usage errors, in the CLI's language. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  locale: Locale,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    throw parseArgsError(locale, error)
  }
}

/** node:util's parseArgs explains in English: its error codes say what went wrong, the quoted part where. */
function parseArgsError(locale: Locale, error: unknown): CliUsageError {
  const text = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? ''
  const code = (error as { code?: string }).code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return usageError(locale, 'cli.common.unknownOption', { option: quoted })
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return usageError(locale, 'cli.common.optionValue', { option: quoted.replace(/\s.*$/, '') })
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return usageError(locale, 'cli.common.unexpectedArgument', { argument: quoted })
  return new CliUsageError(text)
}

/** The database the CLI works on: $DATABASE_URL, else PGlite in --data-dir / $BENCHLEARN_DATA_DIR / ./data. */
export function databaseOptions(io: CliIo, dataDir: string | undefined) {
  const databaseUrl = io.env.DATABASE_URL || undefined
  return databaseUrl
    ? { databaseUrl }
    : { dataDir: resolve(io.cwd, dataDir ?? io.env.BENCHLEARN_DATA_DIR ?? 'data') }
}

/**
 * Refuses to open an embedded PGlite data folder that a running `benchlearn start` holds: PGlite
 * is one process's database, a second process on the same folder would corrupt it. Backups go
 * through the running server instead (`benchlearn backup`).
 */
export function refuseWhileServerRuns(
  target: { dataDir?: string },
  action: 'ops.actionRestore' | 'ops.actionMigrate' | 'ops.actionStart' | 'ops.actionCommand',
): void {
  const server = target.dataDir ? findRunningServer(target.dataDir) : null
  if (server)
    throw conflict(
      message('ops.serverRunsOnFolder', {
        folder: target.dataDir!,
        pid: String(server.pid),
        action,
      }),
    )
}

/** Opens (and migrates) the database for the duration of `body`, always closing it. */
export async function withDatabase<T>(
  io: CliIo,
  dataDir: string | undefined,
  body: (database: Database) => Promise<T>,
): Promise<T> {
  const target = databaseOptions(io, dataDir)
  refuseWhileServerRuns(target, 'ops.actionCommand')
  const database = await prepareDatabase(target)
  try {
    return await body(database)
  } finally {
    await database.close()
  }
}

/** Runs one piece of work on the command's database. */
export type OnDatabase = <R>(body: (database: Database) => Promise<R>) => Promise<R>

/**
 * What every command starts with: the CLI's language, the parsed arguments, the database of
 * `--data-dir` (or the environment's) opened for one piece of work, and `print` for its answer.
 */
export function startCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIo,
  args: string[],
  options: T,
) {
  const locale = localeOf(io)
  const { values, positionals } = parseCommandArgs(locale, args, options)
  const dataDir = (values as { 'data-dir'?: string })['data-dir']
  const onDatabase: OnDatabase = (body) => withDatabase(io, dataDir, body)
  /** With --json the answer as JSON, else its text (worked out only then). */
  const print = (json: unknown, text: () => string) =>
    io.out((values as { json?: boolean }).json ? JSON.stringify(json, null, 2) : text())
  return { locale, values, positionals, onDatabase, print }
}

/**
 * Prints a named list (`{ users }`) as JSON under its name with --json, else its items as a table
 * with one row from each.
 */
export function printList<K extends string, T>(
  io: CliIo,
  list: {
    json: boolean | undefined
    named: { [key in K]: readonly T[] }
    headers: string[]
    row: (item: T) => (string | number | null)[]
  },
): void {
  const items = Object.values<readonly T[]>(list.named)[0] ?? []
  io.out(list.json ? JSON.stringify(list.named, null, 2) : formatTable(list.headers, items.map(list.row)))
}

/** Prints rows as an aligned text table. */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const text = rows.map((r) => r.map((c) => (c === null ? '–' : String(c))))
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...text.map(line)].join('\n')
}
