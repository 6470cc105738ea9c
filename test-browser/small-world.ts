/**
 * A small world for a browser test: a fresh database with the reference data and what `prepare`
 * adds, the app serving the built UI on a free port of 127.0.0.1, and Debian's chromium. The demo
 * network (`demo-app.ts`) is this world with the demo data prepared.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { BrowserContext } from 'playwright-core'
import { inject } from 'vitest'
import { WEB_ROOT } from '../src/cli/commands/start'
import type { Database } from '../src/db/connect'
import { buildApp, type BuildAppOptions } from '../src/server/app'
import { createTestDatabase } from '../src/test/database'
import { seedReferenceData } from '../src/test/factories'
import { launchBrowser } from './browser'

export interface SmallWorld {
  database: Database
  app: FastifyInstance
  browser: BrowserContext
  /** The app's address, without a trailing slash. */
  url: string
  close(): Promise<void>
}

/**
 * Starts the world. `prepare` adds to the reference data before the server starts; `app` gives more
 * options of `buildApp` (another `webRoot`, mail, single sign-on, a clock).
 */
export async function startSmallWorld(
  options: {
    prepare?: (database: Database) => Promise<unknown>
    app?: Omit<BuildAppOptions, 'database'>
    /** A snapshot that holds the reference data and more (the demo network), instead of the empty one. */
    snapshot?: string
  } = {},
): Promise<SmallWorld> {
  const webRoot = options.app?.webRoot ?? WEB_ROOT
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('build the UI first: npm run build:web')
  const database = await createTestDatabase(options.snapshot ?? inject('testTemplate'))
  if (!options.snapshot) await seedReferenceData(database.db)
  await options.prepare?.(database)
  const app = await buildApp({ webRoot, ...options.app, database })
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  const browser = await launchBrowser()
  return {
    database,
    app,
    browser,
    url,
    async close() {
      await browser.close()
      await app.close()
      await database.close()
    },
  }
}
