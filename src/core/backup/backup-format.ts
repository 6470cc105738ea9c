/**
 * The backup file (features/backup): gzip-compressed text, one line at a time —
 *
 *   {"format":"benchlearn-backup/1", "schema":"0011-…", "migrations":[…], "createdAt":"…", "source":"postgres"}
 *   {"table":"organisation","columns":["id","name",…]}
 *   <the table's rows in COPY text format, one row a line>
 *   \.
 *   … every table of the schema, in name order …
 *   {"end":true,"rows":{"organisation":104,…},"sha256":"<hex of every byte before this line>"}
 *
 * COPY text format escapes newlines and backslashes inside values, so a row is always one line and
 * a line `\.` can only end a table. The checksum covers the uncompressed text before the last line.
 */
import { z } from 'zod'
import { detail, invalidInput } from '../errors/app-error'
import { message, type Message } from '../messages/text'

export const BACKUP_FORMAT = 'benchlearn-backup/1'
export const END_OF_TABLE = '\\.'

const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/)

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The last migration applied to the database backed up: its schema version. */
  schema: z.string().min(1),
  /** Every migration applied to it, in name order. */
  migrations: z.array(z.string().min(1)).min(1),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

export const tableHeaderSchema = z.object({ table: identifier, columns: z.array(identifier).min(1) })
export type TableHeader = z.infer<typeof tableHeaderSchema>

export const backupTrailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type BackupTrailer = z.infer<typeof backupTrailerSchema>

/** The kinds of JSON line a backup holds: its header, a table's header and its end line. */
export type BackupLineKind = 'header' | 'table' | 'end'

/** What a line of a kind should look like: the description, plain or for a line that is no JSON at all. */
const EXPECTED_LINE: Record<BackupLineKind, { line: Message; notJson: Message }> = {
  header: {
    line: message('backupFile.expectedHeader', { shape: `{"format":"${BACKUP_FORMAT}", …}` }),
    notJson: message('backupFile.expectedHeaderJson', { shape: `{"format":"${BACKUP_FORMAT}", …}` }),
  },
  table: {
    line: message('backupFile.expectedTable', { shape: '{"table":…, "columns":[…]}' }),
    notJson: message('backupFile.expectedTableJson', { shape: '{"table":…, "columns":[…]}' }),
  },
  end: {
    line: message('backupFile.expectedEnd', { shape: '{"end":true, "rows":…, "sha256":…}' }),
    notJson: message('backupFile.expectedEndJson', { shape: '{"end":true, "rows":…, "sha256":…}' }),
  },
}

/** Parses one JSON line of a backup against its schema; a bad line names the file, line and problem. */
export function parseBackupLine<T>(
  schema: z.ZodType<T>,
  line: string,
  where: { file: string; line: number; expected: BackupLineKind },
): T {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    value = undefined
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const expected = EXPECTED_LINE[where.expected]
  throw invalidInput(message('backupFile.damaged', { file: where.file, line: where.line }), [
    detail(value === undefined ? expected.notJson : expected.line, { file: where.file, row: where.line }),
  ])
}

/**
 * Which of a backup's migrations this program does not know: a backup of a newer schema must not be
 * restored by an older program (it could not migrate it, and would lose what it cannot read).
 */
export function unknownMigrations(backup: readonly string[], known: readonly string[]): string[] {
  const knownSet = new Set(known)
  return backup.filter((name) => !knownSet.has(name))
}
