/**
 * A fresh PGlite runs initdb: 3–4 s and ~900 MB of peak memory. `npm ci` (the package's `prepare`
 * script) therefore creates one empty cluster once and keeps its dump; opening an empty data folder
 * then unpacks the dump instead (~1 s, ~450 MB). Without the dump, PGlite runs initdb as usual.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const PGLITE_VERSION: string = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
).version
export const EMPTY_CLUSTER_FILE = join(
  import.meta.dirname,
  `../../node_modules/.cache/benchlearn/pglite-${PGLITE_VERSION}-empty-cluster.tar`,
)

/** The dump of an empty cluster for this PGlite version, if `npm ci` made one. */
export function readEmptyCluster(): Blob | undefined {
  return existsSync(EMPTY_CLUSTER_FILE) ? new Blob([readFileSync(EMPTY_CLUSTER_FILE)]) : undefined
}

export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0
}

/** Creates the empty-cluster dump (idempotent). */
export async function writeEmptyCluster(): Promise<string> {
  if (existsSync(EMPTY_CLUSTER_FILE)) return EMPTY_CLUSTER_FILE
  const { PGlite } = await import('@electric-sql/pglite')
  const pglite = new PGlite('memory://')
  await pglite.waitReady
  const dump = await pglite.dumpDataDir('none')
  await pglite.close()
  mkdirSync(join(EMPTY_CLUSTER_FILE, '..'), { recursive: true })
  const temporary = `${EMPTY_CLUSTER_FILE}.${process.pid}`
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()))
  renameSync(temporary, EMPTY_CLUSTER_FILE)
  return EMPTY_CLUSTER_FILE
}
