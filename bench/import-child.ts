/**
 * One import in a process of its own, so that its peak memory is the import's and not the bench's
 * (which builds the files): `node bin/run-ts.mjs bench/import-child.ts <file> [databaseUrl]`.
 * Without a database URL it imports into an in-memory PGlite prepared here. Prints one JSON line:
 * seconds of the import, values written, and the process's peak resident memory (VmHWM) in MB,
 * before and after the import.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { openDatabase } from '../src/db/connect'
import { importFile } from '../src/features/imports/import-file'
import { prepareImportBench } from './import-setup'
import { peakRssMb } from './types'

const [file, databaseUrl] = process.argv.slice(2)
if (!file) throw new Error('usage: bench/import-child.ts <file> [databaseUrl]')
const database = await openDatabase(databaseUrl ? { databaseUrl } : {})
try {
  if (!databaseUrl) await prepareImportBench(database)
  const peakBefore = await peakRssMb()
  const bytes = readFileSync(file)
  const started = performance.now()
  const summary = await importFile(database, { fileName: basename(file), bytes })
  const seconds = (performance.now() - started) / 1000
  if (summary.errors.length > 0)
    throw new Error(`bench import refused: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  process.stdout.write(
    `${JSON.stringify({ seconds, written: summary.rowsImported, peakBeforeMb: peakBefore, peakMb: await peakRssMb() })}\n`,
  )
} finally {
  await database.close()
}
