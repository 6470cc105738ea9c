import { afterAll, beforeAll, inject } from 'vitest'
import type { Database } from '../db/connect'
import { createTestDatabase } from './database'

/**
 * Gives a test file its own fresh database: `const t = useTestDatabase()` then `t.database` inside
 * tests. Created before the file's tests, closed after them.
 */
export function useTestDatabase(): { readonly database: Database } {
  let database: Database | undefined
  beforeAll(async () => {
    database = await createTestDatabase(inject('testTemplate'))
  })
  afterAll(async () => {
    await database?.close()
  })
  return {
    get database(): Database {
      if (!database) throw new Error('test database not ready (use it inside a test)')
      return database
    },
  }
}
