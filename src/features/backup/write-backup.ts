import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import {
  BACKUP_FORMAT,
  END_OF_TABLE,
  type BackupHeader,
  type BackupTrailer,
} from '../../core/backup/backup-format'
import { systemNow } from '../../core/periods/dates'
import { invalidInput } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { Database } from '../../db/connect'
import { listAppliedMigrations, listTablesWithColumns } from './backup.repository'

export interface BackupSummary {
  schema: string
  tables: number
  rows: number
}

/**
 * Writes a backup of the whole database to `output` (format: core/backup/backup-format.ts) from one
 * snapshot: a read-only REPEATABLE READ transaction, so imports and sign-ins may go on meanwhile
 * and the backup holds each of their transactions wholly or not at all. Tables are streamed with
 * COPY and compressed on the way; nothing holds more than a few MB.
 */
export async function writeBackup(
  database: Database,
  options: { output: Writable; now?: () => Date },
): Promise<BackupSummary> {
  const gzip = createGzip()
  const written = pipeline(gzip, options.output)
  const hash = createHash('sha256')
  const write = async (text: string) => {
    hash.update(text)
    if (!gzip.write(text)) await once(gzip, 'drain')
  }
  try {
    const summary = await database.transaction(
      async (tx) => {
        const migrations = await listAppliedMigrations(tx.db)
        const schema = migrations.at(-1)
        if (schema === undefined)
          throw invalidInput(message('backup.noSchema', { location: database.location }))
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          schema,
          migrations,
          createdAt: (options.now ?? systemNow)().toISOString(),
          source: database.kind,
        }
        await write(`${JSON.stringify(header)}\n`)
        const tables = await listTablesWithColumns(tx.db)
        const order = [...tables.keys()].sort()
        const rows: Record<string, number> = {}
        for (const table of order) {
          const columns = tables.get(table)!
          await write(`${JSON.stringify({ table, columns })}\n`)
          let count = 0
          for await (const chunk of tx.copyOut(table, columns)) {
            count += countLines(chunk)
            await write(chunk)
          }
          rows[table] = count
          await write(`${END_OF_TABLE}\n`)
        }
        return { schema, rows }
      },
      { isolation: 'repeatable read', isReadOnly: true },
    )
    const trailer: BackupTrailer = { end: true, rows: summary.rows, sha256: hash.digest('hex') }
    gzip.end(`${JSON.stringify(trailer)}\n`)
    await written
    const counts = Object.values(summary.rows)
    return { schema: summary.schema, tables: counts.length, rows: counts.reduce((a, b) => a + b, 0) }
  } catch (error) {
    gzip.destroy(error instanceof Error ? error : new Error(String(error)))
    await written.catch(() => undefined)
    throw error
  }
}

function countLines(chunk: string): number {
  let count = 0
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) count++
  return count
}
