/**
 * The data version is remembered between commits and read again after every one: a write of this
 * process (statement or transaction) at once, a commit of another connection once its notification
 * has arrived (PostgreSQL). Without a LISTEN connection it is read on every call.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, test, vi } from 'vitest'
import { useTestDatabase } from '../test/use-test-database'
import { readDataVersion, VERSIONED_TABLES } from './data-version'

const t = useTestDatabase()

async function addNetwork(name: string) {
  await t.database.db.insertInto('network').values({ name }).execute()
}

describe('the data version follows every commit', () => {
  test('every table the version is made of notifies its changes', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where g.tgname = c.relname || '_notify_change' and not g.tgisinternal
    `.execute(t.database.db)
    expect(rows.map((r) => r.table).sort()).toEqual([...VERSIONED_TABLES].sort())
  })

  test('reads do not bump the change watch; writes and commits do', async () => {
    const { db, changes } = t.database
    const start = changes.generation
    await db.selectFrom('organisation').select('id').execute()
    await readDataVersion(db)
    expect(changes.generation).toBe(start)
    await addNetwork('Statement')
    expect(changes.generation).toBeGreaterThan(start)
    const afterStatement = changes.generation
    await t.database.transaction((tx) =>
      tx.db.insertInto('network').values({ name: 'Transaction' }).execute(),
    )
    expect(changes.generation).toBeGreaterThan(afterStatement)
  })

  test('a write of this process is seen by the very next read', async () => {
    const db = t.database.db
    const before = await readDataVersion(db)
    await addNetwork('Seen at once')
    expect((await readDataVersion(db)).data).not.toBe(before.data)
    const inTransaction = await readDataVersion(db)
    await t.database.transaction((tx) =>
      tx.db.updateTable('network').set({ name: 'Renamed' }).where('name', '=', 'Seen at once').execute(),
    )
    expect((await readDataVersion(db)).data).not.toBe(inTransaction.data)
  })

  test.skipIf(!process.env.DATABASE_URL)(
    'PostgreSQL: a commit of another connection is seen once its notification has arrived',
    async () => {
      const { db, changes } = t.database
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db)
      const url = new URL(process.env.DATABASE_URL!)
      url.pathname = `/${rows[0]!.name}`
      const other = new pg.Client({ connectionString: url.toString() })
      await other.connect()
      try {
        // Not listening: nothing is remembered, so the other commit is seen at once.
        expect(changes.isComplete).toBe(false)
        const unwatched = await readDataVersion(db)
        await other.query(`insert into network (name) values ('Other, unwatched')`)
        expect((await readDataVersion(db)).data).not.toBe(unwatched.data)

        const stop = await t.database.listenForChanges()
        try {
          expect(changes.isComplete).toBe(true)
          const before = await readDataVersion(db)
          expect(await readDataVersion(db)).toBe(before)
          const generation = changes.generation
          await other.query(`insert into network (name) values ('Other, watched')`)
          await vi.waitFor(() => expect(changes.generation).toBeGreaterThan(generation), { timeout: 5000 })
          expect((await readDataVersion(db)).data).not.toBe(before.data)
        } finally {
          await stop()
        }
        expect(changes.isComplete).toBe(false)
      } finally {
        await other.end()
      }
    },
  )
})
