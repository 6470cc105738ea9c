import { createHash, type Hash } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import {
  backupHeaderSchema,
  backupTrailerSchema,
  END_OF_TABLE,
  parseBackupLine,
  tableHeaderSchema,
  unknownMigrations,
} from '../../core/backup/backup-format'
import { conflict, detail, invalidInput } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { KNOWN_MIGRATIONS, migrateTo, migrateToLatest } from '../../db/migrate'
import {
  addForeignKeys,
  dropForeignKeys,
  findContent,
  listAppliedMigrations,
  listTablesWithColumns,
  resetSequences,
  truncateTables,
} from './backup.repository'

export interface RestoreOptions {
  input: Readable
  /** The file's name, for messages. */
  file: string
  /** Deletes every session after loading, so that everyone signs in again (default: sessions are kept). */
  isSigningOutEveryone?: boolean
}

export interface RestoreSummary {
  /** The backup's schema version, and the migrations applied after loading it. */
  schema: string
  upgradedWith: string[]
  tables: number
  rows: number
}

/** Rows handed to COPY at once: about 1 MB of text. */
const COPY_BATCH_CHARS = 1 << 20

/**
 * Restores a backup (core/backup/backup-format.ts) into an empty database: brings its schema to the
 * backup's version, loads every table in one transaction (COPY; the foreign keys are dropped
 * meanwhile and added again, which checks every row), checks the checksum and the row counts before
 * committing, sets the sequences past the loaded ids and then migrates to this
 * program's schema. A damaged file, a newer schema or a database that holds data changes nothing.
 */
export async function restoreBackup(database: Database, options: RestoreOptions): Promise<RestoreSummary> {
  const lines = new LineReader(options.input, options.file)
  try {
    const headerLine = await lines.next(message('restore.cutOffHeader'))
    lines.hashLine(headerLine)
    const header = parseBackupLine(backupHeaderSchema, headerLine, {
      file: options.file,
      line: lines.number,
      expected: 'header',
    })
    const unknown = unknownMigrations(header.migrations, KNOWN_MIGRATIONS)
    if (unknown.length > 0)
      throw conflict(
        message('restore.newerSchema', {
          file: options.file,
          schema: header.schema,
          known: KNOWN_MIGRATIONS.at(-1) ?? '',
        }),
        unknown.map((name) =>
          detail(message('restore.unknownMigration'), {
            file: options.file,
            field: 'migrations',
            value: name,
          }),
        ),
      )
    const content =
      (await listAppliedMigrations(database.db)).length > 0 ? await findContent(database.db) : []
    if (content.length > 0)
      throw conflict(message('restore.notEmpty', { location: database.location, tables: content.join(', ') }))
    await migrateTo(database.db, header.schema)
    const loaded = await database.transaction(async (tx) => {
      const tables = await listTablesWithColumns(tx.db)
      await truncateTables(tx.db, [...tables.keys()])
      const foreignKeys = await dropForeignKeys(tx.db)
      const rows: Record<string, number> = {}
      for (;;) {
        const line = await lines.next(message('restore.cutOffTable'))
        if (line.startsWith('{"end"')) {
          const trailer = parseBackupLine(backupTrailerSchema, line, {
            file: options.file,
            line: lines.number,
            expected: 'end',
          })
          lines.assertChecksum(trailer.sha256)
          assertSameCounts(options.file, trailer.rows, rows)
          break
        }
        lines.hashLine(line)
        const where = { file: options.file, line: lines.number, expected: 'table' as const }
        const { table, columns } = parseBackupLine(tableHeaderSchema, line, where)
        const expected = tables.get(table)
        if (!expected || expected.join(',') !== columns.join(','))
          throw invalidInput(
            message('restore.tableMismatch', { file: options.file, table, schema: header.schema }),
            [
              detail(
                expected
                  ? message('restore.otherColumns', {
                      expected: expected.join(', '),
                      columns: columns.join(', '),
                    })
                  : message('restore.noSuchTable'),
                { file: options.file, row: lines.number, field: table },
              ),
            ],
          )
        const counter = { rows: 0 }
        await tx.copyText(table, columns, lines.tableRows(counter))
        rows[table] = counter.rows
      }
      await addForeignKeys(tx.db, foreignKeys)
      await resetSequences(tx.db)
      if (options.isSigningOutEveryone) await tx.db.deleteFrom('user_session').execute()
      return rows
    })
    const upgrade = await migrateToLatest(database.db)
    const counts = Object.values(loaded)
    return {
      schema: header.schema,
      upgradedWith: upgrade.applied,
      tables: counts.length,
      rows: counts.reduce((a, b) => a + b, 0),
    }
  } finally {
    lines.close()
  }
}

function assertSameCounts(
  file: string,
  stated: Record<string, number>,
  loaded: Record<string, number>,
): void {
  const tables = new Set([...Object.keys(stated), ...Object.keys(loaded)])
  const wrong = [...tables].filter((t) => stated[t] !== loaded[t])
  if (wrong.length > 0)
    throw invalidInput(
      message('restore.countsDiffer', { file }),
      wrong.map((t) => detail(countDifference(stated[t], loaded[t]), { file, field: t })),
    )
}

/** How a table's row count in the end line differs from the rows the file holds. */
function countDifference(stated: number | undefined, loaded: number | undefined): Message {
  if (stated === undefined) return message('restore.countUnstated', { loaded: loaded ?? 0 })
  if (loaded === undefined) return message('restore.countNoTable', { stated })
  return message('restore.countDiffers', { stated, loaded })
}

/** The backup's lines, uncompressed, with the running checksum and line number for messages. */
class LineReader {
  readonly #iterator: AsyncIterator<string>
  readonly #hash: Hash = createHash('sha256')
  readonly #close: () => void
  readonly #file: string
  number = 0

  constructor(input: Readable, file: string) {
    const gunzip = createGunzip()
    input.on('error', (error) => gunzip.destroy(error))
    const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })
    this.#iterator = lines[Symbol.asyncIterator]()
    this.#close = () => {
      lines.close()
      gunzip.destroy()
    }
    this.#file = file
  }

  /** `cutOff` says what was expected, for a file that ends before it. */
  async next(cutOff: Message): Promise<string> {
    let result: IteratorResult<string>
    try {
      result = await this.#iterator.next()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw invalidInput(message('restore.notGzip', { file: this.#file, reason }), [
        detail(message('restore.unreadable', { reason }), { file: this.#file, row: this.number + 1 }),
      ])
    }
    if (result.done)
      throw invalidInput(message('restore.cutOff', { file: this.#file }), [
        detail(cutOff, { file: this.#file, row: this.number + 1 }),
      ])
    this.number++
    return result.value
  }

  hashLine(line: string): void {
    this.#hash.update(`${line}\n`)
  }

  /** The rows of the current table in batches of about 1 MB, up to its end-of-table line. */
  async *tableRows(counter: { rows: number }): AsyncIterable<string> {
    let batch: string[] = []
    let size = 0
    for (;;) {
      const line = await this.next(message('restore.cutOffRow', { end: END_OF_TABLE }))
      this.hashLine(line)
      if (line === END_OF_TABLE) break
      batch.push(line, '\n')
      size += line.length + 1
      counter.rows++
      if (size >= COPY_BATCH_CHARS) {
        yield batch.join('')
        batch = []
        size = 0
      }
    }
    if (batch.length > 0) yield batch.join('')
  }

  assertChecksum(expected: string): void {
    const actual = this.#hash.digest('hex')
    if (actual !== expected)
      throw invalidInput(message('restore.checksum', { file: this.#file }), [
        detail(message('restore.checksumDiffers', { expected, actual }), {
          file: this.#file,
          row: this.number,
          field: 'sha256',
        }),
      ])
  }

  close(): void {
    this.#close()
  }
}
