import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMappingJson } from './mapping-schema'
import { parseImportFile } from './parse-import-file'
import type { ParseResult } from './types'

// The shared reference data sits next to the repository (../shared/data from the repo root).
const DATA = join(import.meta.dirname, '../../../../..', 'shared/data')
const MAPPINGS = join(import.meta.dirname, '../../../../mappings')
const hasData = existsSync(DATA)

async function parseReal(file: string, mappingFile: string): Promise<ParseResult> {
  const mapping = parseMappingJson(readFileSync(join(MAPPINGS, mappingFile), 'utf8'), mappingFile)
  return parseImportFile(readFileSync(join(DATA, file)), { fileName: file, mapping })
}

function missingOf(result: ParseResult, indicator: string) {
  return result.records.filter((r) => r.indicator === indicator && r.value === null)
}

describe.skipIf(!hasData)(`real data in ${DATA} (skipped when the folder is absent)`, () => {
  it('INKAR Sozialleistungen: SGB II rate 2010–2022, 2022 empty → missing, never 0', async () => {
    const result = await parseReal('inkar_kreise_sozialleistungen.csv', 'inkar-sozialleistungen.json')
    expect(result).toMatchObject({
      format: 'wide-indicators',
      delimiter: ',',
      decimal: '.',
      encoding: 'utf-8',
    })
    expect(result.rowsRead).toBe(11_200)
    expect(result.errors).toEqual([])
    // 400 Kreise × 13 years (2010–2022); the 6,000 rows of 1995–2009 are outside the mapping's years
    expect(result.records).toHaveLength(5_200)
    expect(new Set(result.records.map((r) => r.orgKeyNormalised)).size).toBe(400)
    const missing = missingOf(result, 'sgb2_rate')
    expect(missing).toHaveLength(400)
    expect(new Set(missing.map((r) => r.period))).toEqual(new Set(['2022']))
    expect(missing.every((r) => r.missingReason === 'not_delivered')).toBe(true)
    expect(result.records.filter((r) => r.value === 0)).toEqual([])
    expect(result.notices.find((n) => n.kind === 'empty_cells')).toMatchObject({
      count: 400,
      message: expect.stringMatching(/^q_SGBII: 400 empty cells \(BBSR publishes no value/),
    })
    expect(result.notices.find((n) => n.kind === 'outside_years')?.count).toBe(6_000)
    const flensburg2010 = result.records.find((r) => r.orgKeyNormalised === '01001' && r.period === '2010')
    expect(flensburg2010).toMatchObject({ orgKey: '01001000', value: 15.64, keyType: 'ags' })
  })

  it('INKAR Wirtschaft: three indicators × 11,200 rows, 835 empty cells', async () => {
    const result = await parseReal('inkar_kreise_wirtschaft.csv', 'inkar-wirtschaft.json')
    expect(result.errors).toEqual([])
    expect(result.records).toHaveLength(33_600)
    expect(missingOf(result, 'gdp_per_employed')).toHaveLength(400)
    expect(missingOf(result, 'gdp_per_inhabitant')).toHaveLength(400)
    expect(missingOf(result, 'tourism_intensity')).toHaveLength(35)
    expect(result.notices.filter((n) => n.kind === 'empty_cells').map((n) => n.count)).toEqual([400, 400, 35])
    expect(result.records[0]).toMatchObject({ period: '1995', indicator: 'gdp_per_employed', value: 45.39 })
    expect(result.records.find((r) => r.valueColumn === 'q_übern_bev')).toMatchObject({ value: 1.35 })
  })

  it('INKAR Siedlungsstruktur: population density, 7,200 values, none missing', async () => {
    const result = await parseReal('inkar_kreise_siedlungsstruktur.csv', 'inkar-siedlungsstruktur.json')
    expect(result.errors).toEqual([])
    expect(result.records).toHaveLength(7_200)
    expect(missingOf(result, 'population_density')).toHaveLength(0)
    expect(result.records[0]).toMatchObject({ period: '1996', value: 1534.9 })
  })

  it('BBSR Kreistypen: 401 Kreise including Eisenach, type 1–4 for 2020', async () => {
    const result = await parseReal('bbsr_siedlungsstrukturelle_kreistypen_2020.csv', 'bbsr-kreistypen.json')
    expect(result.errors).toEqual([])
    expect(result.records).toHaveLength(401)
    expect(new Set(result.records.map((r) => r.period))).toEqual(new Set(['2020']))
    expect(new Set(result.records.map((r) => r.value))).toEqual(new Set([1, 2, 3, 4]))
    expect(result.records.find((r) => r.orgKey === '16056')).toMatchObject({ value: 4 })
  })
})
