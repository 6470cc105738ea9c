/**
 * One import in a process of its own, so that its peak memory is the import's and not the bench's
 * (which builds the files): `node bin/run-ts.mjs bench/import-child.ts <file> [databaseUrl]`.
 * Without a database URL it imports into an in-memory PGlite prepared here. Prints one JSON line:
 * seconds of the import, values written, and the process's peak resident memory (VmHWM) in MB,
 * before and after the import.
 *
 * `bench/import-child.ts --reference <rows>`: the reference on PGlite instead, a COPY of the bench
 * rows in resolved form into a table like `observation` (columns, constraints, indexes), through
 * the same bulk-load path as the import (blobs of a few MB), committed. Prints its seconds.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { openDatabase } from '../src/db/connect'
import { importFile } from '../src/features/imports/import-file'
import { prepareImportBench, REFERENCE_COPY_COLUMNS, resolvedRowsText } from './import-setup'
import { peakRssMb } from './types'

const [file, databaseUrl] = process.argv.slice(2)
if (!file) throw new Error('usage: bench/import-child.ts <file> [databaseUrl] | --reference <rows>')
const isReference = file === '--reference'
const database = await openDatabase(databaseUrl && !isReference ? { databaseUrl } : {})
try {
  if (!databaseUrl || isReference) await prepareImportBench(database)
  if (isReference)
    process.stdout.write(`${JSON.stringify({ seconds: await referenceCopy(Number(databaseUrl)) })}\n`)
  else {
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
  }
} finally {
  await database.close()
}

async function referenceCopy(rows: number): Promise<number> {
  const pglite = database.pglite
  if (!pglite || !(rows > 0)) throw new Error('--reference <rows> runs on PGlite')
  const text = await resolvedRowsText(rows, (query) => pglite.query(query))
  await pglite.exec('create table observation_reference (like observation including all)')
  const started = performance.now()
  await database.transaction((tx) =>
    tx.copyCsv('observation_reference', REFERENCE_COPY_COLUMNS.split(', '), pieces(text)),
  )
  return (performance.now() - started) / 1000
}

/** The text in pieces of about 1 MB that end at a line's end, as the import hands them over. */
function* pieces(text: string): Generator<string> {
  let at = 0
  while (at < text.length) {
    const end = text.indexOf('\n', Math.min(text.length - 1, at + (1 << 20)))
    const next = end === -1 ? text.length : end + 1
    yield text.slice(at, next)
    at = next
  }
}
