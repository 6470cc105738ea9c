/** Factories for database tests: each creates what a test needs with plausible defaults. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { ensureReferenceData } from '../features/areas/ensure-reference-data'
import { insertOrganisation, type NewOrganisation } from '../features/organisations/organisation.repository'

export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
  await ensureReferenceData(db)
}

export async function createJobcentre(
  db: Kysely<DB>,
  overrides: Partial<NewOrganisation> & { ags5: string },
): Promise<number> {
  const { ags5, ...rest } = overrides
  return insertOrganisation(db, {
    name: `Jobcenter ${ags5}`,
    shortName: `JC ${ags5}`,
    kind: 'jobcenter',
    carrierType: 'zkT',
    landCode: ags5.slice(0, 2),
    areas: [{ ags5 }],
    ...rest,
  })
}
