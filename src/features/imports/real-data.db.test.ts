/**
 * The real public files in ../shared/data import through the shipped mappings with every rejected
 * row explained. Skips with a message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../test/use-test-database'
import { seedReferenceData } from '../../test/factories'
import { readObservations } from '../observations/read-observations'
import { loadShippedMapping } from './load-mapping'
import { runImport } from './run-import'
import type { ImportSummary } from './import-file'

const DATA = join(import.meta.dirname, '../../../../shared/data')
const hasData = existsSync(join(DATA, 'zkt_optionskommunen_komtrzv_2017.csv'))
if (!hasData)
  console.warn(`real-data import tests skipped: ${DATA} not found (the shared data folder is absent)`)

const t = useTestDatabase()

async function importShared(file: string, mapping: string) {
  return runImport(t.database, {
    fileName: file,
    bytes: readFileSync(join(DATA, file)),
    loaded: loadShippedMapping(mapping),
  })
}

describe.skipIf(!hasData)('real data through shipped mappings', () => {
  beforeAll(async () => {
    await seedReferenceData(t.database.db)
  })

  it('creates the 104 zkT from the KomtrZV annex', async () => {
    const summary = await importShared('zkt_optionskommunen_komtrzv_2017.csv', 'zkt-optionskommunen')
    expect(summary).toMatchObject({ rowsRead: 104, created: 104, rowsRejected: 0, isCommitted: true })
    const again = await importShared('zkt_optionskommunen_komtrzv_2017.csv', 'zkt-optionskommunen')
    expect(again).toMatchObject({ created: 0, updated: 0, rowsUnchanged: 104, addedToNetwork: 0 })
  })

  // Per file: values for the 104 zkT = 104 × years × columns; everything else explained.
  const files: [string, string, number][] = [
    ['inkar_kreise_sozialleistungen.csv', 'inkar-sozialleistungen', 104 * 13], // 2010–2022
    ['inkar_kreise_wirtschaft.csv', 'inkar-wirtschaft', 104 * 28 * 3], // 1995–2022, three columns
    ['inkar_kreise_siedlungsstruktur.csv', 'inkar-siedlungsstruktur', 104 * 18], // 18 years published
    ['bbsr_siedlungsstrukturelle_kreistypen_2020.csv', 'bbsr-kreistypen', 104],
  ]
  it.each(files)('%s imports with every rejected row explained', async (file, mapping, expected) => {
    const summary = (await importShared(file, mapping)) as ImportSummary
    expect(summary.errors).toEqual([])
    expect(summary.rowsImported).toBe(expected)
    const explained = summary.notices
      .filter((n) => n.kind === 'no_organisation' || n.kind === 'territorial_change')
      .reduce((sum, n) => sum + n.count, 0)
    expect(summary.rowsRejected).toBe(explained)
    expect(summary.valuesRead).toBe(summary.rowsImported + summary.rowsRejected)
  })

  it('reports Eisenach (16056) as the territorial change it is', async () => {
    const summary = (await importShared(
      'bbsr_siedlungsstrukturelle_kreistypen_2020.csv',
      'bbsr-kreistypen',
    )) as ImportSummary
    const eisenach = summary.notices.find((n) => n.kind === 'territorial_change')
    expect(eisenach?.message).toMatch(/16056 Eisenach.*→ 16063 Wartburgkreis/)
    expect(summary).toMatchObject({ rowsImported: 0, rowsUnchanged: 104 })
  })

  it('keeps empty INKAR cells as missing, never as zero', async () => {
    // q_SGBII is not published for 2022.
    const result = await readObservations(t.database.db, {
      org: '06435',
      indicator: 'sgb2_rate',
      from: '2021',
      to: '2022',
    })
    expect(result.observations.map((o) => [o.period, o.value, o.missingReason])).toEqual([
      ['2021', expect.any(Number), null],
      ['2022', null, 'not_delivered'],
    ])
  })
})
