import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HOSTILE_TEXTS, startsFormula } from '../../test/hostile-cells'
import { createRing, seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { exportAll } from './export-all'

const t = useTestDatabase()
const dir = mkdtempSync(join(tmpdir(), 'benchlearn-export-'))
const AGS = ['06435', '06433', '06432', '06431', '06434', '06436', '06437']

/** Records of a `;` CSV file as a spreadsheet reads them: quotes removed, quoted line breaks kept. */
function records(text: string): string[][] {
  const result: string[][] = []
  let row: string[] = []
  let cell = ''
  let isQuoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (isQuoted && c === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (c === '"') {
      isQuoted = !isQuoted
    } else if (!isQuoted && c === ';') {
      row.push(cell)
      cell = ''
    } else if (!isQuoted && c === '\n') {
      result.push([...row, cell])
      row = []
      cell = ''
    } else {
      cell += c
    }
  }
  return result
}

beforeAll(async () => {
  const db = t.database.db
  await seedReferenceData(db)
  const { memberIds } = await createRing(db, {
    code: '=R1',
    name: 'Ring',
    members: HOSTILE_TEXTS.map((text, i) => ({ ags5: AGS[i]!, name: text, shortName: text })),
  })
  const indicator = await db.selectFrom('indicator').select('id').orderBy('id').executeTakeFirstOrThrow()
  const batch = await db
    .insertInto('import_batch')
    .values({
      file_name: HOSTILE_TEXTS[0],
      checksum: 'x',
      format: 'csv',
      mapping: null,
      source: null,
      created_by: 'test',
      created_at: new Date('2024-01-01T00:00:00Z'),
      rows_read: 0,
      rows_imported: 0,
      rows_unchanged: 0,
      rows_rejected: 0,
      rows_skipped: 0,
      errors: JSON.stringify([]),
      notices: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [i, text] of HOSTILE_TEXTS.entries()) {
    const organisationId = memberIds[i]!
    await db
      .insertInto('observation')
      .values({
        organisation_id: organisationId,
        indicator_id: indicator.id,
        period: '2024-01-01',
        breakdown: text,
        revision: 1,
        value: -5 - i,
        missing_reason: null,
        status: 'final',
        batch_id: batch.id,
        recorded_at: new Date('2024-01-01T00:00:00Z'),
        is_current: true,
      })
      .execute()
  }
  await exportAll(t.database, dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exportAll against formulas', () => {
  it('neutralises every text cell of organisations.csv', () => {
    const [header, ...rows] = records(readFileSync(join(dir, 'organisations.csv'), 'utf8'))
    expect(rows).toHaveLength(HOSTILE_TEXTS.length)
    for (const row of rows) {
      expect(row).toHaveLength(header!.length)
      for (const cell of row) expect(startsFormula(cell), cell).toBe(false)
      expect(row[1]).toMatch(/^'/)
      expect(row[10]).toBe("'=R1")
    }
  })

  it.each(['observations.csv', 'observation-history.csv'])(
    'neutralises the text cells of %s and keeps negative values as numbers',
    (file) => {
      const [header, ...rows] = records(readFileSync(join(dir, file), 'utf8'))
      const valueColumn = header!.indexOf('value')
      const breakdownColumn = header!.indexOf('breakdown')
      expect(rows).toHaveLength(HOSTILE_TEXTS.length)
      for (const row of rows) {
        expect(row).toHaveLength(header!.length)
        expect(row[valueColumn]).toMatch(/^-\d+$/)
        expect(row[breakdownColumn]).toMatch(/^'/)
        row.forEach((cell, column) => {
          if (column !== valueColumn) expect(startsFormula(cell), cell).toBe(false)
        })
      }
      expect(rows.map((r) => r[valueColumn]).sort()).toEqual(
        HOSTILE_TEXTS.map((_, i) => String(-5 - i)).sort(),
      )
    },
  )
})
