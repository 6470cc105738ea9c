import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../core/errors/app-error'
import { BUILT_IN_INDICATORS } from '../../indicators/catalogue'
import { parseMappingJson, validateMapping } from './mapping-schema'
import { publishedFigureMappingSchema } from './published-figure-mapping'

const MAPPINGS = join(import.meta.dirname, '../../../../mappings')

function failure(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the mapping to be rejected')
}

const wirtschaft = () =>
  JSON.parse(readFileSync(join(MAPPINGS, 'inkar-wirtschaft.json'), 'utf8')) as Record<string, unknown>

describe('shipped mappings', () => {
  const files = readdirSync(MAPPINGS).filter((f) => f.endsWith('.json'))
  // Lists of organisations (src/features/organisations/organisation-list-mapping.ts) and published
  // figure values (./published-figure-mapping.ts) have their own schemas.
  const textOf = (f: string) => readFileSync(join(MAPPINGS, f), 'utf8')
  const publishedMappings = files.filter((f) => textOf(f).includes('"published-figures"'))
  const valueMappings = files.filter(
    (f) => !textOf(f).includes('"organisation-list"') && !publishedMappings.includes(f),
  )

  it('ships the documented set', () => {
    expect(files.sort()).toEqual([
      'bbsr-kreistypen.json',
      'inkar-siedlungsstruktur.json',
      'inkar-sozialleistungen.json',
      'inkar-wirtschaft.json',
      'long-csv.json',
      'sgb2-kennzahlen-48a.json',
      'zkt-optionskommunen.json',
    ])
    expect(publishedMappings).toEqual(['sgb2-kennzahlen-48a.json'])
  })

  it.each(publishedMappings)('%s is a valid mapping of published figure values', (file) => {
    expect(publishedFigureMappingSchema.safeParse(JSON.parse(textOf(file))).success).toBe(true)
  })

  it.each(valueMappings)('%s is valid and maps to built-in indicators', (file) => {
    const mapping = parseMappingJson(readFileSync(join(MAPPINGS, file), 'utf8'), file)
    const codes = new Set(BUILT_IN_INDICATORS.map((d) => d.code))
    for (const c of mapping.columns ?? []) expect(codes.has(c.indicator)).toBe(true)
    expect(mapping.unmatchedKeys).toBeDefined()
  })
})

describe('mappings/README.md', () => {
  it('shows an example that is a valid mapping', () => {
    const readme = readFileSync(join(MAPPINGS, 'README.md'), 'utf8')
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const mapping = parseMappingJson(example!, 'README.md')
    expect(mapping.indicators?.[0]?.code).toBe('staff_fte')
  })
})

describe('validateMapping', () => {
  it('names the file and the JSON path of a wrong type', () => {
    const mapping = wirtschaft()
    ;(mapping.columns as Record<string, unknown>[])[2]!.indicator = 42
    const error = failure(() => validateMapping(mapping, 'inkar-wirtschaft.json'))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe('mapping inkar-wirtschaft.json: columns[2].indicator: expected a string')
    expect(error.details[0]).toMatchObject({ file: 'inkar-wirtschaft.json', field: 'columns[2].indicator' })
  })

  it('lists every problem: missing, unknown and out-of-range fields', () => {
    const mapping = {
      ...wirtschaft(),
      format: 'wide',
      colums: [],
      key: { type: 'ags' },
      period: { fixed: '2021-13' },
    }
    const error = failure(() => validateMapping(mapping, 'm.json'))
    expect(error.details.map((d) => d.message)).toEqual([
      'mapping m.json: format: expected one of "long", "wide-periods", "wide-indicators"',
      'mapping m.json: key.column: required (expected a string)',
      'mapping m.json: period.fixed: expected a period such as 2021, 2021-05 or 05/2021',
      'mapping m.json: (root): unknown field "colums"',
    ])
  })

  it('requires the fields a format needs', () => {
    const error = failure(() =>
      validateMapping({ name: 'w', format: 'wide-periods', key: { column: 'a', type: 'ags' } }, 'w.json'),
    )
    expect(error.message).toBe('mapping w.json: indicator: required for format wide-periods')
  })

  it('checks declared indicator definitions', () => {
    const error = failure(() =>
      validateMapping(
        {
          name: 'd',
          format: 'long',
          key: { column: 'org', type: 'id' },
          indicators: [{ code: 'staff', nameDe: 'Personal' }],
        },
        'd.json',
      ),
    )
    expect(error.details[0]?.field).toBe('indicators[0].nameEn')
  })

  it('rejects text that is not JSON', () => {
    const error = failure(() => parseMappingJson('{ "name": ', 'broken.json'))
    expect(error.message).toMatch(/^mapping broken\.json: not valid JSON/)
  })
})
