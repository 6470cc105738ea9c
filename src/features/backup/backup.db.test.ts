import { PassThrough, Readable } from 'node:stream'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { isAppError } from '../../core/errors/app-error'
import { openDatabase, type Database } from '../../db/connect'
import { readEmptyCluster } from '../../db/empty-cluster'
import { KNOWN_MIGRATIONS } from '../../db/migrate'
import { contentsOf, importYear as importYearOfValues } from '../../test/backup-checks'
import { createTestDatabase } from '../../test/database'
import {
  createMeeting,
  createPractice,
  createRing,
  createUser,
  seedReferenceData,
  TEST_PASSWORD,
} from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { signIn } from '../auth/sign-in'
import { computeKeyFigures } from '../kpi/compute-key-figures'
import { restoreBackup } from './restore-backup'
import { writeBackup } from './write-backup'

const source = useTestDatabase()
const targets: Database[] = []

async function newTarget(): Promise<Database> {
  const database = await createTestDatabase(inject('testTemplate'))
  targets.push(database)
  return database
}

/** An empty PGlite without any schema (the other kind of database when the tests run on PostgreSQL). */
async function newPglite(): Promise<Database> {
  const database = await openDatabase({ snapshot: readEmptyCluster() })
  targets.push(database)
  return database
}

async function backupOf(database: Database): Promise<Buffer> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeBackup(database, { output })
  return Buffer.concat(chunks)
}

const restore = (database: Database, bytes: Buffer, options: { isSigningOutEveryone?: boolean } = {}) =>
  restoreBackup(database, { input: Readable.from([bytes]), file: 'test.backup', ...options })

/** Replaces the backup's header line (after it, the checksum no longer matches). */
function withHeader(bytes: Buffer, change: (header: Record<string, unknown>) => void): Buffer {
  const lines = gunzipSync(bytes).toString('utf8').split('\n')
  const header = JSON.parse(lines[0]!) as Record<string, unknown>
  change(header)
  lines[0] = JSON.stringify(header)
  return gzipSync(lines.join('\n'))
}

async function expectError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(isAppError(error) ? error.code : error).toBe(code)
  expect((error as Error).message).toMatch(message)
}

/** An import of one value per organisation and month of `year`, all tagged with `value`. */
const importYear = (database: Database, year: number, value: number, ags: string[]) =>
  importYearOfValues(database, { prefix: 'concurrent', year, value, ags })

let backup: Buffer
const members = ['06435', '06411', '06412', '06413', '06414', '06431']

beforeAll(async () => {
  const { db } = source.database
  await seedReferenceData(db)
  const ring = await createRing(db, { members, isNetworkMember: true })
  await createUser(db, { email: 'admin@example.org', role: 'admin' })
  await createUser(db, { email: 'lead@example.org', role: 'member_lead', organisationId: ring.memberIds[0] })
  await signIn(source.database, {
    email: 'lead@example.org',
    password: TEST_PASSWORD,
    ip: '192.0.2.1',
    userAgent: 'test',
    now: new Date(),
  })
  await createMeeting(db, { ringId: ring.ringId, title: 'Frühjahrstreffen "Übergänge"\nmit Zeilenumbruch' })
  await createPractice(db, { ringId: ring.ringId, organisationId: ring.memberIds[1], status: 'published' })
  for (const year of [2019, 2020])
    expect((await importYear(source.database, year, year - 2000, members)).errors).toEqual([])
  await computeKeyFigures(source.database, { now: () => new Date('2024-01-15T11:00:00Z') })
  backup = await backupOf(source.database)
}, 120_000)
afterAll(async () => {
  for (const target of targets) await target.close()
})

describe('backup and restore', () => {
  it('restores identical data into an empty database and sets the sequences past the loaded ids', async () => {
    const target = await newTarget()
    const summary = await restore(target, backup)
    expect(summary.schema).toBe(KNOWN_MIGRATIONS.at(-1))
    expect(summary.upgradedWith).toEqual([])
    expect(summary.rows).toBeGreaterThan(2 * 12 * members.length)
    const [before, after] = [await contentsOf(source.database), await contentsOf(target)]
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    const maxId = await target.db
      .selectFrom('organisation')
      .select((e) => e.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
    const batch = await importYear(target, 2021, 1, members.slice(0, 1))
    expect(batch.errors).toEqual([])
    const created = await target.db
      .selectFrom('import_batch')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const batches = before.import_batch!.length
    expect(created.id).toBeGreaterThan(batches)
    expect(maxId.id).toBeGreaterThan(0)
  })

  it('works across kinds: from this database into PGlite and back', async () => {
    const pglite = await newPglite()
    await restore(pglite, backup)
    const again = await newTarget()
    await restore(again, await backupOf(pglite))
    expect(await contentsOf(again)).toEqual(await contentsOf(source.database))
  })

  it('takes one snapshot while imports write: each import batch is wholly in the backup or not at all', async () => {
    const writer = await newTarget()
    await restore(writer, backup)
    const imports = [2015, 2016, 2017, 2018].map((year, i) => importYear(writer, year, 100 + i, members))
    const [taken] = await Promise.all([backupOf(writer), ...imports])
    const restored = await newTarget()
    await restore(restored, taken)
    const perBatch = await restored.db
      .selectFrom('import_batch as b')
      .leftJoin('observation as o', 'o.batch_id', 'b.id')
      .select(['b.file_name', (e) => e.fn.count<number>('o.batch_id').as('values')])
      .where('b.file_name', 'like', 'concurrent-%')
      .groupBy('b.file_name')
      .execute()
    for (const batch of perBatch) expect(batch.values, batch.file_name).toBe(members.length * 12)
    const orphans = await restored.db
      .selectFrom('observation as o')
      .leftJoin('import_batch as b', 'b.id', 'o.batch_id')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('b.id', 'is', null)
      .executeTakeFirstOrThrow()
    expect(orphans.n).toBe(0)
  })

  it('refuses a backup of a newer schema than this program knows, and changes nothing', async () => {
    const target = await newTarget()
    const newer = withHeader(backup, (h) => {
      h.migrations = [...(h.migrations as string[]), '9999-from-the-future']
      h.schema = '9999-from-the-future'
    })
    await expectError(restore(target, newer), 'conflict', /newer than this program knows/)
    const users = await target.db.selectFrom('app_user').select('id').execute()
    expect(users).toEqual([])
  })

  it('refuses a database that holds data', async () => {
    await expectError(
      restore(source.database, backup),
      'conflict',
      /is not empty \(it has rows in network, organisation/,
    )
  })

  it('refuses a damaged file and leaves the target empty', async () => {
    const target = await newTarget()
    const text = gunzipSync(backup).toString('utf8')
    const damaged = gzipSync(text.replace('Frühjahrstreffen', 'Herbsttreffen'))
    await expectError(restore(target, damaged), 'invalid_input', /checksum does not match/)
    await expectError(restore(target, backup.subarray(0, backup.length / 2)), 'invalid_input', /test.backup/)
    await expectError(restore(target, Buffer.from('not a backup')), 'invalid_input', /not a gzip-compressed/)
    const organisations = await target.db.selectFrom('organisation').select('id').execute()
    expect(organisations).toEqual([])
  })

  it('keeps sessions unless everyone is to sign in again', async () => {
    const sessions = await source.database.db.selectFrom('user_session').select('id').execute()
    expect(sessions).toHaveLength(1)
    const target = await newTarget()
    await restore(target, backup, { isSigningOutEveryone: true })
    expect(await target.db.selectFrom('user_session').select('id').execute()).toEqual([])
    expect(await target.db.selectFrom('app_user').select('id').execute()).toHaveLength(2)
  })
})
