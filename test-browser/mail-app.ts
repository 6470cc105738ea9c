/**
 * A small world for the mail browser tests (`small-world.ts`) whose mail worker sends to a real SMTP
 * server in the test process. Cheaper than the demo network when a test is about mail, not data.
 */
import type { BrowserContext } from 'playwright-core'
import type { Database } from '../src/db/connect'
import { startSmtpSink, type SmtpSink } from '../src/test/smtp-sink'
import { startSmallWorld, type SmallWorld } from './small-world'

export interface MailApp {
  url: string
  database: Database
  smtp: SmtpSink
  browser: BrowserContext
  close(): Promise<void>
}

export async function startMailApp(prepare: (database: Database) => Promise<unknown>): Promise<MailApp> {
  const smtp = await startSmtpSink()
  let world: SmallWorld
  try {
    const settings = smtp.settings()
    world = await startSmallWorld({ prepare, app: { mail: { settings, intervalMs: 100 } } })
    // The links need the app's address, known once it listens: the settings are read when a mail is sent.
    settings.publicUrl = world.url
  } catch (error) {
    await smtp.stop()
    throw error
  }
  const { url, database, browser } = world
  return {
    url,
    database,
    smtp,
    browser,
    close: async () => {
      await world.close()
      await smtp.stop()
    },
  }
}
