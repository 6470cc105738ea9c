/**
 * A small world for the mail browser tests: the app on a port of its own with its mail worker sending
 * to a real SMTP server in the test process, a fresh database with reference data and what `prepare`
 * adds, and a browser. Cheaper than the demo network when a test is about mail, not data.
 */
import type { FastifyInstance } from 'fastify'
import type { BrowserContext } from 'playwright-core'
import { inject } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import type { Database } from '../src/db/connect'
import { buildApp } from '../src/server/app'
import { createTestDatabase } from '../src/test/database'
import { seedReferenceData } from '../src/test/factories'
import { startSmtpSink, type SmtpSink } from '../src/test/smtp-sink'
import { launchBrowser } from './browser'

export interface MailApp {
  url: string
  database: Database
  smtp: SmtpSink
  browser: BrowserContext
  close(): Promise<void>
}

export async function startMailApp(prepare: (database: Database) => Promise<unknown>): Promise<MailApp> {
  const smtp = await startSmtpSink()
  const database = await createTestDatabase(inject('testTemplate'))
  let app: FastifyInstance | undefined
  let browser: BrowserContext | undefined
  const close = async () => {
    await browser?.close()
    await app?.close()
    await database.close()
    await smtp.stop()
  }
  try {
    await seedReferenceData(database.db)
    await prepare(database)
    // The links need the app's address, known once it listens: the settings are read when a mail is sent.
    const settings = smtp.settings()
    app = await buildApp({ database, webRoot: WEB_ROOT, mail: { settings, intervalMs: 100 } })
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
    settings.publicUrl = url
    browser = await launchBrowser()
    return { url, database, smtp, browser, close }
  } catch (error) {
    await close()
    throw error
  }
}
