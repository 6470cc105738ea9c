/**
 * The operations endpoint of a running server: a second HTTP listener on 127.0.0.1 only (a random
 * port), not part of the public API and not behind the reverse proxy, that answers only requests
 * carrying the token of the control file (operations-control.ts). `GET /backup` streams a backup
 * (features/backup/write-backup.ts: one snapshot, also while imports run) so that `benchlearn backup`
 * works while the server owns its embedded database. The backup's summary comes as an HTTP trailer
 * after the last byte; a backup that fails ends the connection without it, so the client never takes a
 * broken stream for a whole file.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PassThrough } from 'node:stream'
import type { Database } from '../db/connect'
import { writeBackup } from '../features/backup/write-backup'
import { newControlToken, removeControlFile, writeControlFile } from './operations-control'

export const BACKUP_PATH = '/backup'
/** The trailer that carries the summary of a complete backup. */
export const BACKUP_SUMMARY_TRAILER = 'x-benchlearn-backup'

export interface OperationsEndpoint {
  port: number
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
const digest = (text: string) => createHash('sha256').update(text).digest()

export async function startOperationsEndpoint(options: {
  database: Database
  dataDir: string
  log?: (message: string, error?: unknown) => void
}): Promise<OperationsEndpoint> {
  const token = newControlToken()
  const expected = digest(`Bearer ${token}`)
  const isAuthorised = (request: IncomingMessage) =>
    LOOPBACK.has(request.socket.remoteAddress ?? '') &&
    timingSafeEqual(digest(request.headers.authorization ?? ''), expected)

  const server = createServer((request, response) => {
    if (!isAuthorised(request)) return answer(response, 401, 'token required')
    if (request.method === 'GET' && request.url === BACKUP_PATH)
      return void streamBackup(options.database, response).catch((error: unknown) => {
        options.log?.('backup through the operations endpoint failed', error)
        // Without the trailer the client knows the backup is not whole.
        response.destroy()
      })
    answer(response, 404, 'unknown operation')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  writeControlFile(options.dataDir, { pid: process.pid, port, token })
  // A crash must not leave a file that sends the next backup to a server that is gone.
  const removeOnExit = () => removeControlFile(options.dataDir, token)
  process.once('exit', removeOnExit)
  return {
    port,
    async close() {
      process.off('exit', removeOnExit)
      removeControlFile(options.dataDir, token)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function streamBackup(database: Database, response: ServerResponse): Promise<void> {
  response.writeHead(200, {
    'content-type': 'application/gzip',
    'cache-control': 'no-store',
    trailer: BACKUP_SUMMARY_TRAILER,
  })
  const body = new PassThrough()
  body.pipe(response, { end: false })
  const drained = once(body, 'end')
  // A failed backup errors the stream; the caller answers that by ending the connection.
  drained.catch(() => undefined)
  const summary = await writeBackup(database, { output: body })
  await drained
  response.addTrailers({ [BACKUP_SUMMARY_TRAILER]: JSON.stringify(summary) })
  response.end()
}

function answer(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(message)
}
