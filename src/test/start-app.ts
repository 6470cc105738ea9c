import type { FastifyInstance } from 'fastify'
import { afterAll } from 'vitest'
import type { Role } from '../core/permissions'
import type { Database } from '../db/connect'
import { buildApp } from '../server/app'
import { createUser } from './factories'
import { signIn, type SignedIn } from './sign-in'
import { useTestDatabase } from './use-test-database'

export interface TestAccount {
  role: Role
  organisationId?: number | null
  moderatedRingIds?: number[]
  /** Default `<key>@test.example`, the key being the account's name in `accounts`. */
  email?: string
}

export interface StartedApp<K extends string> {
  app: FastifyInstance
  /** Each account signed in: `as.admin.inject(…)`. */
  as: Record<K, SignedIn>
  userIds: Record<K, number>
}

/**
 * Creates the accounts, builds the app on the test database (at the clock `now`, default the real
 * one) and signs every account in. Close `app` after the tests.
 */
export async function startApp<K extends string>(
  database: Database,
  options: { accounts: Record<K, TestAccount>; now?: () => Date } & Omit<
    Parameters<typeof buildApp>[0],
    'database' | 'now'
  >,
): Promise<StartedApp<K>> {
  const { accounts, ...appOptions } = options
  const entries = Object.entries(accounts) as [K, TestAccount][]
  const userIds = {} as Record<K, number>
  for (const [key, account] of entries)
    userIds[key] = await createUser(database.db, {
      ...account,
      email: account.email ?? `${key}@test.example`,
    })
  const app = await buildApp({ database, ...appOptions })
  const as = {} as Record<K, SignedIn>
  for (const [key, account] of entries) as[key] = await signIn(app, account.email ?? `${key}@test.example`)
  return { app, as, userIds }
}

/**
 * A test file's own database and app: `const t = useTestApp()`, then in `beforeAll` seed
 * `t.database` and `await t.start({ accounts })`. The app is closed after the file's tests.
 */
export function useTestApp(): {
  readonly database: Database
  start<K extends string>(options: Parameters<typeof startApp<K>>[1]): Promise<StartedApp<K>>
} {
  const t = useTestDatabase()
  let app: FastifyInstance | undefined
  afterAll(async () => app?.close())
  return {
    get database(): Database {
      return t.database
    },
    async start(options) {
      const started = await startApp(t.database, options)
      app = started.app
      return started
    },
  }
}
