import type { Kysely } from 'kysely'
import type { OrganisationInRings, RingSharing } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'

/**
 * The rings (with their sharing setting) of organisations on a day, for the permission rules.
 * All organisations when `ids` is absent.
 */
export async function findOrganisationRings(
  db: Kysely<DB>,
  options: { at: string; ids?: readonly number[] },
): Promise<Map<number, OrganisationInRings>> {
  if (options.ids && options.ids.length === 0) return new Map()
  const orgs = await db
    .selectFrom('organisation')
    .select('id')
    .$if(options.ids !== undefined, (qb) => qb.where('id', 'in', options.ids!))
    .execute()
  const memberships = await db
    .selectFrom('ring_membership as m')
    .innerJoin('ring as r', 'r.id', 'm.ring_id')
    .select(['m.organisation_id', 'r.id', 'r.sharing'])
    .$if(options.ids !== undefined, (qb) => qb.where('m.organisation_id', 'in', options.ids!))
    .where(validOn('m', options.at))
    .where(validOn('r', options.at))
    .execute()
  const result = new Map<number, OrganisationInRings>()
  for (const o of orgs) result.set(o.id, { id: o.id, rings: [] })
  for (const m of memberships) {
    const entry = result.get(m.organisation_id)
    if (entry) (entry.rings as { id: number; sharing: RingSharing }[]).push({ id: m.id, sharing: m.sharing })
  }
  return result
}
