/**
 * The organisation-list import for job centres outside the network: carrier type (zkT / gE) and
 * comparison type per row, bad rows named, nothing half-written.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { seedReferenceData } from '../../test/factories'
import { useTestDatabase } from '../../test/use-test-database'
import { importOrganisationList } from './import-organisation-list'
import type { OrganisationListMapping } from './organisation-list-mapping'

const t = useTestDatabase()
const encode = (text: string) => new TextEncoder().encode(text)
const mapping: OrganisationListMapping = {
  kind: 'organisation-list',
  name: 'alle Jobcenter',
  key: { column: 'ags', type: 'ags' },
  columns: { name: 'name', carrierType: 'traeger', comparisonType: 'vergleichstyp' },
  namePrefix: 'Jobcenter ',
  defaults: { kind: 'jobcenter' },
}

beforeAll(async () => seedReferenceData(t.database.db))

const organisations = () =>
  t.database.db
    .selectFrom('organisation')
    .select(['name', 'carrier_type', 'comparison_type'])
    .orderBy('name')
    .execute()

describe('importOrganisationList with carrier and comparison types', () => {
  it('refuses the whole file for an unknown carrier type and names row, column and value', async () => {
    const summary = await importOrganisationList(t.database, {
      fileName: 'all.csv',
      bytes: encode('ags;name;traeger;vergleichstyp\n05315;Köln;gE;IIc\n06435;Main-Kinzig;ARGE;IIIb\n'),
      mapping,
    })
    expect(summary.isCommitted).toBe(false)
    expect(summary.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'traeger',
        value: 'ARGE',
        message: expect.stringMatching(/zkT .* gE/),
      }),
    ])
    expect(await organisations()).toEqual([])
  })

  it('registers gE and zkT job centres outside any network with their comparison types', async () => {
    const summary = await importOrganisationList(t.database, {
      fileName: 'all.csv',
      bytes: encode('ags;name;traeger;vergleichstyp\n05315;Köln;gE;IIc\n06435;Main-Kinzig;zkT;IIIb\n'),
      mapping,
    })
    expect(summary.errors).toEqual([])
    expect(summary).toMatchObject({ isCommitted: true, created: 2, addedToNetwork: 0 })
    expect(await organisations()).toEqual([
      { name: 'Jobcenter Köln', carrier_type: 'gE', comparison_type: 'IIc' },
      { name: 'Jobcenter Main-Kinzig', carrier_type: 'zkT', comparison_type: 'IIIb' },
    ])
  })

  it('updates the comparison type of a known job centre (a new assignment of types)', async () => {
    const summary = await importOrganisationList(t.database, {
      fileName: 'types-2025.csv',
      bytes: encode('ags;name;traeger;vergleichstyp\n05315;Köln;gE;IIb\n'),
      mapping,
    })
    expect(summary).toMatchObject({ updated: 1, created: 0 })
    expect((await organisations())[0]).toEqual({
      name: 'Jobcenter Köln',
      carrier_type: 'gE',
      comparison_type: 'IIb',
    })
  })
})
