import type { Kysely } from 'kysely'
import type { RingSharing } from '../../core/permissions'
import type { DB } from '../../db/schema'
import { validDuring, validOn } from '../../db/valid-on'

export async function insertNetwork(
  db: Kysely<DB>,
  network: { name: string; description?: string | null; isDemo?: boolean },
): Promise<number> {
  const row = await db
    .insertInto('network')
    .values({
      name: network.name,
      description: network.description ?? null,
      is_demo: network.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertRing(
  db: Kysely<DB>,
  ring: {
    networkId: number
    code: string
    name: string
    sharing?: 'named' | 'pseudonymised'
    validFrom: string
    validTo?: string | null
  },
): Promise<number> {
  const row = await db
    .insertInto('ring')
    .values({
      network_id: ring.networkId,
      code: ring.code,
      name: ring.name,
      sharing: ring.sharing ?? 'named',
      valid_from: ring.validFrom,
      valid_to: ring.validTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface Membership {
  organisationId: number
  validFrom: string
  validTo?: string | null
}

export async function insertRingMemberships(
  db: Kysely<DB>,
  ringId: number,
  members: Membership[],
): Promise<void> {
  if (members.length === 0) return
  await db
    .insertInto('ring_membership')
    .values(
      members.map((m) => ({
        ring_id: ringId,
        organisation_id: m.organisationId,
        valid_from: m.validFrom,
        valid_to: m.validTo ?? null,
      })),
    )
    .execute()
}

export async function insertNetworkMemberships(
  db: Kysely<DB>,
  networkId: number,
  members: Membership[],
): Promise<void> {
  if (members.length === 0) return
  await db
    .insertInto('network_membership')
    .values(
      members.map((m) => ({
        network_id: networkId,
        organisation_id: m.organisationId,
        valid_from: m.validFrom,
        valid_to: m.validTo ?? null,
      })),
    )
    .execute()
}

export interface RingSummary {
  id: number
  networkId: number
  networkName: string
  code: string
  name: string
  sharing: 'named' | 'pseudonymised'
  validFrom: string
  validTo: string | null
  members: { organisationId: number; name: string; validFrom: string; validTo: string | null }[]
}

/** Rings valid on the given day with the members they had on that day ("who was in ring 3 in March 2021"). */
export async function listRingsAt(db: Kysely<DB>, at: string): Promise<RingSummary[]> {
  const rings = await db
    .selectFrom('ring as r')
    .innerJoin('network as n', 'n.id', 'r.network_id')
    .select([
      'r.id',
      'r.network_id',
      'n.name as network_name',
      'r.code',
      'r.name',
      'r.sharing',
      'r.valid_from',
      'r.valid_to',
    ])
    .where(validOn('r', at))
    .orderBy('r.code')
    .execute()
  if (rings.length === 0) return []
  const members = await db
    .selectFrom('ring_membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.ring_id', 'm.organisation_id', 'o.name', 'm.valid_from', 'm.valid_to'])
    .where(
      'm.ring_id',
      'in',
      rings.map((r) => r.id),
    )
    .where(validOn('m', at))
    .orderBy('o.name')
    .execute()
  return rings.map((r) => ({
    id: r.id,
    networkId: r.network_id,
    networkName: r.network_name,
    code: r.code,
    name: r.name,
    sharing: r.sharing,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    members: members
      .filter((m) => m.ring_id === r.id)
      .map((m) => ({
        organisationId: m.organisation_id,
        name: m.name,
        validFrom: m.valid_from,
        validTo: m.valid_to,
      })),
  }))
}

export interface RingSharingRow {
  id: number
  code: string
  name: string
  sharing: RingSharing
}

export async function findRingSharing(db: Kysely<DB>, ringId: number): Promise<RingSharingRow | undefined> {
  return db
    .selectFrom('ring')
    .select(['id', 'code', 'name', 'sharing'])
    .where('id', '=', ringId)
    .executeTakeFirst()
}

export async function updateRingSharing(db: Kysely<DB>, ringId: number, sharing: RingSharing): Promise<void> {
  await db.updateTable('ring').set({ sharing }).where('id', '=', ringId).execute()
}

/** Ids of the organisations in a ring or a network at some day from `first` to `last`, ascending. */
export async function listMemberIds(
  db: Kysely<DB>,
  of: { ringId: number } | { networkId: number },
  first: string,
  last = first,
): Promise<number[]> {
  const [table, column, id] =
    'ringId' in of
      ? (['ring_membership', 'ring_id', of.ringId] as const)
      : (['network_membership', 'network_id', of.networkId] as const)
  const rows = await db
    .selectFrom(table)
    .select('organisation_id')
    .distinct()
    .where(column, '=', id)
    .where(validDuring(null, first, last))
    .execute()
  return rows.map((r) => r.organisation_id).sort((a, b) => a - b)
}
