import { readMailSettings } from '../../features/mail/mail-settings'
import { createMailWorker } from '../../features/mail/mail-worker'
import { countOutboxBacklog } from '../../features/mail/outbox.repository'
import { type CliIo, expectedOneOf, say, startCommand, usageError } from '../io'

/** `mail send-pending`: one pass of the mail worker, for a cron job or after fixing the mail server. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, positionals, onDatabase, print } = startCommand(io, args, {
    json: { type: 'boolean' },
  })
  if (positionals[0] !== 'send-pending') throw expectedOneOf(locale, ['send-pending'], positionals[0])
  const settings = readMailSettings(io.env)
  if (!settings.smtp) throw usageError(locale, 'cli.mail.noSmtp')
  const { result, backlog } = await onDatabase(async (database) => {
    const worker = createMailWorker({ database, settings })
    try {
      const result = await worker.runOnce()
      return { result, backlog: await countOutboxBacklog(database.db) }
    } finally {
      await worker.stop()
    }
  })
  print(
    { ...result, backlog },
    () =>
      say(locale, 'cli.mail.result', { sent: result.sent, failed: result.failed, waiting: backlog }) +
      (result.lastError ? `\n${say(locale, 'cli.mail.lastError', { error: result.lastError })}` : ''),
  )
  return result.failed > 0 ? 1 : 0
}
