import { sql, type Kysely } from 'kysely'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import type { DB } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { isoDate } from '../../core/periods/dates'

/** An organisation as peer groups show it. */
export interface PeerOrganisation {
  id: number
  name: string
  ags5: string | null
  landCode: string | null
}

const today = () => isoDate(new Date())

/**
 * The network peer groups are formed in: the given one, else the only one (null when there is
 * none: then all organisations take part). Several networks without a choice is an error.
 */
export async function resolvePeerNetwork(db: Kysely<DB>, networkId?: number): Promise<number | null> {
  const networks = await db.selectFrom('network').select(['id', 'name']).orderBy('id').execute()
  if (networkId !== undefined) {
    if (!networks.some((n) => n.id === networkId))
      throw notFound(message('peers.noNetworkWithId', { networkId }))
    return networkId
  }
  if (networks.length === 0) return null
  if (networks.length > 1)
    throw invalidInput(
      message('peers.chooseNetwork', {
        count: networks.length,
        networks: networks.map((n) => `${n.id} ${n.name}`).join(', '),
      }),
      [detail(message('peers.expectedNetworkId'), { field: 'networkId' })],
    )
  return networks[0]!.id
}

/**
 * Members of the network on a day (through the network or one of its rings; all organisations
 * when networkId is null), ordered by AGS, then name.
 */
export async function listPeerOrganisations(
  db: Kysely<DB>,
  options: { networkId: number | null; at?: string; ids?: readonly number[] },
): Promise<PeerOrganisation[]> {
  const at = options.at ?? today()
  if (options.ids && options.ids.length === 0) return []
  const rows = await db
    .selectFrom('organisation as o')
    .select([
      'o.id',
      'o.name',
      'o.land_code',
      sql<string | null>`(select a.ags5 from organisation_area a where a.organisation_id = o.id
        order by (a.valid_to is null or a.valid_to >= ${at}::date) desc, a.valid_from desc limit 1)`.as(
        'ags5',
      ),
    ])
    // Members: through the network itself, or through a ring of the network (networks set up
    // ring by ring have no separate network memberships).
    .$if(options.networkId !== null && options.ids === undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('network_membership as m')
              .select('m.id')
              .whereRef('m.organisation_id', '=', 'o.id')
              .where('m.network_id', '=', options.networkId!)
              .where(validOn('m', at)),
          ),
          eb.exists(
            eb
              .selectFrom('ring_membership as rm')
              .innerJoin('ring as r', 'r.id', 'rm.ring_id')
              .select('rm.id')
              .whereRef('rm.organisation_id', '=', 'o.id')
              .where('r.network_id', '=', options.networkId!)
              .where(validOn('rm', at)),
          ),
        ]),
      ),
    )
    .$if(options.ids !== undefined, (qb) => qb.where('o.id', 'in', [...options.ids!]))
    .execute()
  return rows
    .map((r) => ({ id: r.id, name: r.name, ags5: r.ags5, landCode: r.land_code }))
    .sort(
      (a, b) => (a.ags5 ?? '~').localeCompare(b.ags5 ?? '~') || a.name.localeCompare(b.name) || a.id - b.id,
    )
}
