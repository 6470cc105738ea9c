import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase } from '../db/connect'
import { createTestDatabaseLocation } from '../test/database'
import type { CliIo } from './io'
import { main } from './main'

let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>
const dir = mkdtempSync(join(tmpdir(), 'benchlearn-cli-files-'))

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => undefined,
    env: { ...location.env },
    cwd: dir,
  }
  const code = await main([...argv, ...location.args], io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return name
}

beforeAll(async () => {
  location = await createTestDatabaseLocation(inject('testTemplate'))
  // An organisation to import for, from a list of members (the importer's organisation-list mapping).
  writeFileSync(
    join(dir, 'members.json'),
    JSON.stringify({
      kind: 'organisation-list',
      name: 'test members',
      key: { column: 'ags', type: 'ags' },
      columns: { name: 'name' },
      defaults: { kind: 'jobcenter', carrierType: 'zkT' },
    }),
  )
  const members = await cli(
    'import',
    file('members.csv', 'ags;name\n06435;KCA Main-Kinzig-Kreis\n'),
    '--mapping',
    'members.json',
  )
  expect(members.code, members.err).toBe(0)
})
afterAll(async () => location?.drop())

describe('benchlearn CLI', () => {
  it('prints usage and exits 2 for an unknown command', async () => {
    const result = await cli('frobnicate')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/unbekannter Befehl ‚frobnicate‘/)
    expect(result.err).toMatch(/import <Datei>/)
  })

  it('imports a file and prints the JSON summary', async () => {
    const name = file(
      'elb.csv',
      'org;indicator;period;value\n06435;elb;2024-01;10500\n06435;elb;2024-02;10480\n',
    )
    const result = await cli('import', name, '--json')
    expect(result.code, result.err).toBe(0)
    const summary = JSON.parse(result.out)
    expect(summary).toMatchObject({
      rowsRead: 2,
      rowsImported: 2,
      rowsUnchanged: 0,
      rowsRejected: 0,
      errors: [],
    })
    // A local import is audited like an upload.
    const url = location.env.DATABASE_URL
    const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: location.args[1]! })
    try {
      const entries = await database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'import.cli')
        .execute()
      expect(entries).toEqual([{ action: 'import.cli', entity_id: String(summary.batchId) }])
      // The list of members imported before all tests is audited too, with what it created.
      const list = await database.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'after'])
        .where('action', '=', 'import.cli.organisations')
        .execute()
      expect(list).toEqual([
        {
          action: 'import.cli.organisations',
          entity: 'organisation',
          after: expect.objectContaining({
            fileName: 'members.csv',
            created: 1,
            updated: 0,
            addedToNetwork: 0,
          }),
        },
      ])
    } finally {
      await database.close()
    }
  })

  it('shows a correction as a revision and the old value with --as-of', async () => {
    // The first import above was recorded "now"; a day before now nothing was known yet.
    const before = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const fix = await cli(
      'import',
      file('fix.csv', 'org;indicator;period;value;status\n06435;elb;2024-02;10490;corrected\n'),
    )
    expect(fix.code, fix.err).toBe(0)
    expect(fix.out).toMatch(/geändert 1/)

    const now = JSON.parse((await cli('observations', '06435', 'elb', '--from', '2024-02', '--json')).out)
    expect(now.observations).toEqual([
      expect.objectContaining({ period: '2024-02', value: 10490, revision: 2, revisions: 2 }),
    ])

    const revisionOne = now.observations[0].recordedAt as string
    const firstImport = JSON.parse((await cli('observations', '06435', 'elb', '--json')).out).observations[0]
      .recordedAt as string
    const between = new Date((Date.parse(firstImport) + Date.parse(revisionOne)) / 2).toISOString()
    const then = JSON.parse(
      (await cli('observations', '06435', 'elb', '--from', '2024-02', '--as-of', between, '--json')).out,
    )
    expect(then.observations).toEqual([expect.objectContaining({ value: 10480, revision: 1, revisions: 1 })])
    const text = await cli('observations', '06435', 'elb', '--as-of', before)
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/Stand /)
  })

  it('rejects a broken file with a plain message, a non-zero exit code and no stack trace', async () => {
    const result = await cli(
      'import',
      file('bad.csv', 'org;indicator;period;value\n06435;elb;2024-03;zehn\n'),
    )
    expect(result.code).not.toBe(0)
    expect(result.out).toMatch(/ABGELEHNT/)
    expect(result.out).toMatch(/zehn/)
    expect(result.out + result.err).not.toMatch(/\n\s+at /)
    const missing = await cli('import', 'nope.csv')
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/Datei nicht gefunden: nope.csv/)
  })

  it('exports everything and the exported values re-import unchanged', async () => {
    const target = join(dir, 'export')
    const result = await cli('export', target, '--json')
    expect(result.code, result.err).toBe(0)
    for (const f of ['registry.json', 'organisations.csv', 'observations.csv', 'observation-history.csv']) {
      expect(existsSync(join(target, f))).toBe(true)
    }
    expect(readFileSync(join(target, 'observation-history.csv'), 'utf8').trim().split('\n')).toHaveLength(
      1 + 3,
    )
    const again = JSON.parse((await cli('import', join(target, 'observations.csv'), '--json')).out)
    expect(again).toMatchObject({ rowsImported: 0, rowsUnchanged: 2, rowsRejected: 0 })
  })

  it('lists organisations, indicators and rings', async () => {
    const orgs = JSON.parse((await cli('orgs', 'list', '--json')).out)
    expect(orgs.organisations).toEqual([expect.objectContaining({ name: 'KCA Main-Kinzig-Kreis' })])
    expect((await cli('indicators', 'list')).out).toMatch(/sgb2_rate/)
    expect((await cli('rings', 'list', '--at', '2021-03-15')).out).toMatch(/keine Ringe am 15\.03\.2021/)
    expect((await cli('mappings', 'list')).out).toMatch(/inkar-wirtschaft/)
  })
})
