/**
 * The CLI's side of the operations endpoint (server/operations-endpoint.ts): a backup taken by the
 * server that runs on the data folder, streamed into a file.
 */
import { createWriteStream } from 'node:fs'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../core/errors/app-error'
import type { BackupSummary } from '../features/backup/write-backup'
import type { ServerControl } from '../server/operations-control'
import { BACKUP_PATH, BACKUP_SUMMARY_TRAILER } from '../server/operations-endpoint'
import { message } from '../core/messages/text'

/** Writes the running server's backup to `file` (mode 0600); throws unless the server sent it whole. */
export async function backupThroughServer(control: ServerControl, file: string): Promise<BackupSummary> {
  const response = await get(control, BACKUP_PATH)
  if (response.statusCode !== 200) {
    let text = ''
    for await (const chunk of response) text += String(chunk)
    throw new AppError(
      'unavailable',
      message('ops.backupRefused', {
        pid: String(control.pid),
        status: String(response.statusCode),
        answer: text,
      }),
    )
  }
  const output = createWriteStream(file, { mode: 0o600 })
  try {
    await pipeline(response, output)
  } catch (error) {
    // The file may still be being opened when the pipeline fails: only once it is closed can the
    // caller remove it (else the removal runs first and the file appears after it).
    if (!output.closed) await new Promise<void>((closed) => output.once('close', () => closed()))
    // The system's own reason (ECONNRESET …) is quoted as it is.
    const reason = (error as Error).message
    throw new AppError('internal', message('ops.backupBrokenOff', { pid: String(control.pid), reason }))
  }
  const summary = response.trailers[BACKUP_SUMMARY_TRAILER]
  if (!response.complete || !summary)
    throw new AppError('internal', message('ops.backupNoSummary', { pid: String(control.pid) }))
  return JSON.parse(summary) as BackupSummary
}

function get(control: ServerControl, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: control.port, path, headers: { authorization: `Bearer ${control.token}` } },
      resolve,
    )
    request.on('error', (error) =>
      reject(
        new AppError(
          'unavailable',
          message('ops.serverNotAnswering', {
            pid: String(control.pid),
            port: String(control.port),
            reason: error.message,
          }),
        ),
      ),
    )
    request.end()
  })
}
