import type { Kysely } from 'kysely'
import type { RingHistoryDto } from '../../contracts/peers'
import type { DB } from '../../db/schema'

/** Every ring membership of an organisation, oldest first: its ring history. */
export async function readRingHistory(
  db: Kysely<DB>,
  organisation: { id: number; name: string },
): Promise<RingHistoryDto> {
  const rows = await db
    .selectFrom('ring_membership as m')
    .innerJoin('ring as r', 'r.id', 'm.ring_id')
    .innerJoin('network as n', 'n.id', 'r.network_id')
    .select(['r.id', 'r.code', 'r.name', 'n.name as network_name', 'm.valid_from', 'm.valid_to'])
    .where('m.organisation_id', '=', organisation.id)
    .orderBy('m.valid_from')
    .orderBy('r.code')
    .execute()
  return {
    organisation,
    memberships: rows.map((r) => ({
      ringId: r.id,
      code: r.code,
      name: r.name,
      networkName: r.network_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    })),
  }
}
