/**
 * Closing a database ends its connections, whatever ran on it: a process that only ran
 * transactions (an import from the command line) must be able to exit at once. Its connections run
 * without JIT compilation, unless the URL asks for it.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { expect, inject, test } from 'vitest'
import { createTestDatabaseLocation } from '../test/database'
import { openDatabase, postgresStartupOptions } from './connect'

test.skipIf(!process.env.DATABASE_URL)(
  'close() ends the pool on PostgreSQL also when only transactions ran',
  async () => {
    const location = await createTestDatabaseLocation(inject('testTemplate'))
    const url = location.env.DATABASE_URL!
    const name = new URL(url).pathname.slice(1)
    try {
      const database = await openDatabase({ databaseUrl: url })
      await database.transaction((tx) => tx.db.selectFrom('organisation').select('id').execute())
      await database.close()
      // Asked on a connection of its own to the same database, which it leaves out.
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      try {
        const { rows } = await admin.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        )
        expect(rows[0]!.n).toBe(0)
      } finally {
        await admin.end()
      }
    } finally {
      await location.drop()
    }
  },
)

test.skipIf(!process.env.DATABASE_URL)('connections on PostgreSQL run without JIT compilation', async () => {
  const location = await createTestDatabaseLocation(inject('testTemplate'))
  const url = location.env.DATABASE_URL!
  try {
    const database = await openDatabase({ databaseUrl: url })
    try {
      const jit = await database.transaction(async (tx) => {
        const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(tx.db)
        return rows[0]!.jit
      })
      expect(jit).toBe('off')
      const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(database.db)
      expect(rows[0]!.jit).toBe('off')
    } finally {
      await database.close()
    }
  } finally {
    await location.drop()
  }
})

test('the startup options put JIT off before those of the URL', () => {
  expect(postgresStartupOptions('postgres://u@h:5432/db')).toBe('-c jit=off')
  expect(postgresStartupOptions('postgres://u@h:5432/db?options=-c%20jit%3Don')).toBe('-c jit=off -c jit=on')
})
