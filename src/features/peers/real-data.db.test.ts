/**
 * Peer rings on the real data in ../shared/data: the 104 zkT and the INKAR indicators, imported
 * through the shipped mappings. Forms 10 rings of 9–12 and prints their quality. Skips with a
 * message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { loadShippedMapping } from '../imports/load-mapping'
import { runImport } from '../imports/run-import'
import { proposePeerGroups } from './propose-peer-groups'

const DATA = join(import.meta.dirname, '../../../../shared/data')
const hasData = existsSync(join(DATA, 'zkt_optionskommunen_komtrzv_2017.csv'))
if (!hasData)
  console.warn(`real-data peer tests skipped: ${DATA} not found (the shared data folder is absent)`)

const t = useTestDatabase()

describe.skipIf(!hasData)('peer rings on the real INKAR data of the 104 zkT', () => {
  beforeAll(async () => {
    await seedReferenceData(t.database.db)
    for (const [file, mapping] of [
      ['zkt_optionskommunen_komtrzv_2017.csv', 'zkt-optionskommunen'],
      ['inkar_kreise_sozialleistungen.csv', 'inkar-sozialleistungen'],
      ['inkar_kreise_wirtschaft.csv', 'inkar-wirtschaft'],
      ['inkar_kreise_siedlungsstruktur.csv', 'inkar-siedlungsstruktur'],
      ['bbsr_siedlungsstrukturelle_kreistypen_2020.csv', 'bbsr-kreistypen'],
    ] as const)
      await runImport(t.database, {
        fileName: file,
        bytes: readFileSync(join(DATA, file)),
        loaded: loadShippedMapping(mapping),
      })
  })

  it('forms 10 rings of 9–12 members within the bounds and reports their quality', async () => {
    const started = performance.now()
    const { dto } = await proposePeerGroups(t.database.db, {
      method: 'rings',
      k: 10,
      minSize: 9,
      maxSize: 12,
      weighting: 'manual',
    })
    const seconds = (performance.now() - started) / 1000
    const sizes = dto.groups.map((g) => g.size)
    const q = dto.quality!
    console.info(
      [
        `10 rings of 9–12 on INKAR ${dto.inputs.referenceYear} (${dto.inputs.indicators.map((i) => `${i.code}${i.transform === 'log' ? ' (log)' : ''}`).join(', ')}):`,
        `  sizes ${sizes.join(', ')}; ${dto.assignments.length} grouped, ${dto.excluded.length} without complete data`,
        `  R² ${q.rSquared.toFixed(3)}, silhouette ${q.silhouette?.toFixed(3)}, bootstrap mean ARI ${q.stability?.meanAdjustedRandIndex.toFixed(3)} (${q.stability?.replicates}×), ${seconds.toFixed(2)} s with the bootstrap`,
        ...dto.notes.map((n) => `  note: ${n.message}`),
      ].join('\n'),
    )
    expect(dto.assignments.length + dto.excluded.length).toBe(104)
    expect(dto.groups).toHaveLength(10)
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(9)
      expect(size).toBeLessThanOrEqual(12)
    }
    expect(q.rSquared).toBeGreaterThan(0.5)
    expect(dto.inputs.indicators.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'sgb2_rate',
        'gdp_per_employed',
        'population_density',
        'tourism_intensity',
        'settlement_type',
      ]),
    )
  })

  it('refuses 10 rings of at least 12 and says why', async () => {
    await expect(
      proposePeerGroups(t.database.db, { method: 'rings', k: 10, minSize: 12, weighting: 'manual' }),
    ).rejects.toThrow(/10 rings of at least 12 members need at least 120 members, but there are 10[0-4]/)
  })
})
