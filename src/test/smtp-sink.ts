/**
 * A real SMTP server in the test process (smtp-server) that keeps every message it accepts, parsed
 * with mailparser. stop() and start() keep the port, so a test can take the mail server away and
 * bring it back while the app keeps its settings.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { MailSettings } from '../features/mail/mail-settings'

export interface ReceivedMail {
  /** RCPT TO of the SMTP envelope. */
  envelopeTo: string[]
  parsed: ParsedMail
  raw: string
}

export interface SmtpSink {
  port: number
  received: ReceivedMail[]
  /** Mail settings pointing at this server. */
  settings(publicUrl?: string): MailSettings
  stop(): Promise<void>
  start(): Promise<void>
  /** Waits until `count` messages arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  let port = 0
  let server: SMTPServer | null = null

  async function start() {
    server = new SMTPServer({
      // No TLS and no login on loopback; the client must not wait for either.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          simpleParser(raw)
            .then((parsed) => {
              received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw })
              callback()
            })
            .catch((error: Error) => callback(error))
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(port, '127.0.0.1', () => resolve())
    })
    const address = server.server.address()
    if (address && typeof address === 'object') port = address.port
  }

  await start()
  return {
    get port() {
      return port
    },
    received,
    settings: (publicUrl = 'http://benchlearn.test') => ({
      smtp: { host: '127.0.0.1', port, isSecure: false, user: null, password: null },
      from: 'benchlearn@mail.test',
      publicUrl,
    }),
    async stop() {
      const current = server
      server = null
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
    },
    start,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${received.length}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return received
    },
  }
}
