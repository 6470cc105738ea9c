/**
 * `benchlearn backup` while the server runs: the server's operations endpoint (loopback, token of the
 * control file in the data folder) takes the backup, also while imports write; restored into an empty
 * database it gives the same data. `benchlearn restore` and every other command that would open the
 * folder refuse while the server runs (PGlite is one process's database).
 */
import { once } from 'node:events'
import { createReadStream, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { run as backup } from '../cli/commands/backup'
import { run as migrate } from '../cli/commands/db'
import { run as orgs } from '../cli/commands/orgs'
import { run as restore } from '../cli/commands/restore'
import { run as start } from '../cli/commands/start'
import type { CliIo } from '../cli/io'
import { isAppError } from '../core/errors/app-error'
import type { Database } from '../db/connect'
import { restoreBackup } from '../features/backup/restore-backup'
import { contentsOf, importYear as importYearOfValues } from '../test/backup-checks'
import { createTestDatabase } from '../test/database'
import { createRing, createUser, seedReferenceData } from '../test/factories'
import { useTestDatabase } from '../test/use-test-database'
import { controlFileOf, readControlFile, writeControlFile } from './operations-control'
import {
  BACKUP_PATH,
  BACKUP_SUMMARY_TRAILER,
  startOperationsEndpoint,
  type OperationsEndpoint,
} from './operations-endpoint'

const source = useTestDatabase()
const dataDir = mkdtempSync(join(tmpdir(), 'benchlearn-operations-'))
const members = ['06435', '06411', '06412', '06413', '06414', '06431']
const targets: Database[] = []
let endpoint: OperationsEndpoint

const io: CliIo = {
  out: () => undefined,
  err: () => undefined,
  progress: () => undefined,
  // No DATABASE_URL: the CLI looks at the data folder, as an operator's would.
  env: {},
  cwd: dataDir,
}

const importYear = (year: number, value: number) =>
  importYearOfValues(source.database, { prefix: 'running', year, value, ags: members })

async function restoredFrom(file: string): Promise<Database> {
  const target = await createTestDatabase(inject('testTemplate'))
  targets.push(target)
  await restoreBackup(target, { input: createReadStream(join(dataDir, file)), file })
  return target
}

function statusOf(headers: Record<string, string>): Promise<number> {
  const { port } = readControlFile(dataDir)!
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port, path: BACKUP_PATH, headers }, (response) => {
      response.resume()
      resolve(response.statusCode!)
    })
    call.on('error', reject).end()
  })
}

beforeAll(async () => {
  const { db } = source.database
  await seedReferenceData(db)
  await createRing(db, { members, isNetworkMember: true })
  await createUser(db, { email: 'admin@example.org', role: 'admin' })
  expect((await importYear(2019, 19)).errors).toEqual([])
  endpoint = await startOperationsEndpoint({ database: source.database, dataDir })
})
afterAll(async () => {
  await endpoint?.close()
  for (const target of targets) await target.close()
})

describe('backup through the running server', () => {
  it('leaves a control file only its owner can read, naming this process and the port', () => {
    const control = readControlFile(dataDir)!
    expect(control).toMatchObject({ pid: process.pid, port: endpoint.port })
    expect(control.token.length).toBeGreaterThanOrEqual(40)
    expect(statSync(controlFileOf(dataDir)).mode & 0o777).toBe(0o600)
  })

  it('answers nothing without the token', async () => {
    expect(await statusOf({})).toBe(401)
    expect(await statusOf({ authorization: 'Bearer not-the-token' })).toBe(401)
    const { token } = readControlFile(dataDir)!
    expect(await statusOf({ authorization: token })).toBe(401)
  })

  it('takes one snapshot while imports run; restored, it equals the database', async () => {
    const imports = [2015, 2016, 2017].map((year, i) => importYear(year, 100 + i))
    const [code] = await Promise.all([backup(['during.backup', '--data-dir', dataDir], io), ...imports])
    expect(code).toBe(0)
    expect(statSync(join(dataDir, 'during.backup')).mode & 0o777).toBe(0o600)
    const during = await restoredFrom('during.backup')
    const perBatch = await during.db
      .selectFrom('import_batch as b')
      .leftJoin('observation as o', 'o.batch_id', 'b.id')
      .select(['b.file_name', (e) => e.fn.count<number>('o.batch_id').as('values')])
      .where('b.file_name', 'like', 'running-%')
      .groupBy('b.file_name')
      .execute()
    expect(perBatch.map((b) => b.file_name)).toContain('running-2019.csv')
    for (const batch of perBatch) expect(batch.values, batch.file_name).toBe(members.length * 12)

    // Once the imports are done, a backup through the server holds exactly what the database holds.
    expect(await backup(['after.backup', '--data-dir', dataDir], io)).toBe(0)
    const after = await restoredFrom('after.backup')
    const [expected, actual] = [await contentsOf(source.database), await contentsOf(after)]
    expect(Object.keys(actual)).toEqual(Object.keys(expected))
    for (const table of Object.keys(expected)) expect(actual[table], table).toEqual(expected[table])
    expect(existsSync(join(dataDir, `after.backup.partial-${process.pid}`))).toBe(false)
  })

  it('leaves no file when the server breaks off the backup', async () => {
    // A stand-in for a server that fails half-way: some bytes, then the connection ends without the trailer.
    const broken = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip', trailer: BACKUP_SUMMARY_TRAILER })
      response.write(Buffer.alloc(4096, 1), () => response.destroy())
    })
    broken.listen(0, '127.0.0.1')
    await once(broken, 'listening')
    const real = readControlFile(dataDir)!
    writeControlFile(dataDir, { ...real, port: (broken.address() as AddressInfo).port })
    try {
      await expect(backup(['broken.backup', '--data-dir', dataDir], io)).rejects.toThrow(
        /the server \(process \d+\) (broke off the backup|ended the backup without its closing summary)/,
      )
      expect(readdirSync(dataDir).filter((name) => name.startsWith('broken.backup'))).toEqual([])
    } finally {
      writeControlFile(dataDir, real)
      broken.close()
    }
  })

  it('refuses to restore into the data folder of a running server', async () => {
    const error = await restore(['after.backup', '--data-dir', dataDir], io).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(isAppError(error) && error.code).toBe('conflict')
    expect((error as Error).message).toMatch(
      /a server runs on .* \(process \d+\): stop it first, then restore/,
    )
  })

  it('refuses every other command that would open the data folder of a running server', async () => {
    for (const [name, run, args] of [
      ['db migrate', migrate, ['migrate']],
      ['orgs list', orgs, ['list']],
      ['start', start, ['--port', '0']],
    ] as const) {
      const error = await run([...args, '--data-dir', dataDir], io).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(isAppError(error) && error.code, name).toBe('conflict')
      expect((error as Error).message, name).toMatch(/a server runs on .* \(process \d+\): stop it first/)
    }
  })

  it('removes the control file when the server stops; a backup then opens the folder itself', async () => {
    await endpoint.close()
    expect(existsSync(controlFileOf(dataDir))).toBe(false)
    // The folder holds no database: the CLI's own attempt says so, and leaves no file behind.
    await expect(backup(['stopped.backup', '--data-dir', dataDir], io)).rejects.toThrow(/has no schema yet/)
    expect(existsSync(join(dataDir, 'stopped.backup'))).toBe(false)
  })
})
