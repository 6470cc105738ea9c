import { readMailSettings } from '../../features/mail/mail-settings'
import { createMailWorker } from '../../features/mail/mail-worker'
import { countOutboxBacklog } from '../../features/mail/outbox.repository'
import { CliUsageError, type CliIo, parseCommandArgs, withDatabase } from '../io'

/** `mail send-pending`: one pass of the mail worker, for a cron job or after fixing the mail server. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  if (positionals[0] !== 'send-pending') throw new CliUsageError('usage: mail send-pending [--json]')
  const settings = readMailSettings(io.env)
  if (!settings.smtp)
    throw new CliUsageError('BENCHLEARN_SMTP_HOST is not set: without a mail server nothing can be sent')
  const { result, backlog } = await withDatabase(io, values['data-dir'], async (database) => {
    const worker = createMailWorker({ database, settings })
    try {
      const result = await worker.runOnce()
      return { result, backlog: await countOutboxBacklog(database.db) }
    } finally {
      await worker.stop()
    }
  })
  if (values.json) io.out(JSON.stringify({ ...result, backlog }, null, 2))
  else
    io.out(
      `gesendet / sent: ${result.sent}, fehlgeschlagen / failed: ${result.failed}, wartend / waiting: ${backlog}` +
        (result.lastError ? `\nletzter Fehler / last error: ${result.lastError}` : ''),
    )
  return result.failed > 0 ? 1 : 0
}
