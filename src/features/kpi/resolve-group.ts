import type { Kysely } from 'kysely'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { addDays } from '../../core/periods/dates'
import type { DB } from '../../db/schema'
import { validDuring } from '../../db/valid-on'
import { findOrganisationByKey, organisationNotFound } from '../organisations/find-organisation'
import { listMemberIds } from '../networks/network.repository'
import { resolveNeighbourGroup, resolvePeerTypeGroup } from '../peers/resolve-peer-group'
import { monthStart } from './load-series'

export type GroupKind = 'ring' | 'all' | 'set' | 'type' | 'neighbours' | 'comparison_type'

export interface ResolvedGroup {
  kind: GroupKind
  label: string
  organisationIds: number[]
  /** The ring, when the group is one (for the permission rules). */
  ringId: number | null
}

function lastDay(month: number): string {
  return addDays(monthStart(month + 1), -1)
}

/**
 * The members of a comparison group in a month: the organisation's ring (membership valid in that
 * month), its whole network, a hand-picked set (which always includes the organisation itself),
 * its group in a peer model ('type': the latest official types, else the latest model), or itself
 * with its 10 nearest neighbours on the context profile ('neighbours'; see features/peers), or every
 * job centre of its official comparison type, inside the network or not ('comparison_type').
 */
export async function resolveGroup(
  db: Kysely<DB>,
  options: {
    kind: GroupKind
    organisationId: number
    month: number
    setKeys?: string
    /**
     * Which organisations a hand-picked set may hold (the caller sees them by name). Any other key is
     * answered exactly like a key that names no organisation: with a free choice of members, two
     * sets that differ by one hidden organisation would give its value, and a different answer for a
     * pseudonymised peer's real key would say who is behind the pseudonym.
     */
    canPick?: (organisationId: number) => boolean
  },
): Promise<ResolvedGroup> {
  const { kind, organisationId, month } = options
  const first = monthStart(month)
  const last = lastDay(month)
  const label = `${first.slice(0, 7)}`
  if (kind === 'ring') {
    const ring = await db
      .selectFrom('ring_membership as m')
      .innerJoin('ring as r', 'r.id', 'm.ring_id')
      .select(['r.id', 'r.code', 'r.name'])
      .where('m.organisation_id', '=', organisationId)
      .where(validDuring('m', first, last))
      .orderBy('r.code')
      .executeTakeFirst()
    if (!ring) throw notFound(message('kpi.noRingInMonth', { organisationId, month: label }))
    return {
      kind,
      label: `${ring.code} ${ring.name}`,
      organisationIds: await listMemberIds(db, { ringId: ring.id }, first, last),
      ringId: ring.id,
    }
  }
  if (kind === 'type' || kind === 'neighbours') {
    const group =
      kind === 'type'
        ? await resolvePeerTypeGroup(db, { organisationId })
        : await resolveNeighbourGroup(db, { organisationId })
    return { kind, ...group, ringId: null }
  }
  if (kind === 'comparison_type') {
    const own = await db
      .selectFrom('organisation')
      .select('comparison_type')
      .where('id', '=', organisationId)
      .executeTakeFirst()
    const type = own?.comparison_type
    if (!type) throw notFound(message('kpi.noComparisonType', { organisationId }))
    const members = await db
      .selectFrom('organisation')
      .select('id')
      .where('comparison_type', '=', type)
      .where('kind', '=', 'jobcenter')
      .where('valid_from', '<=', last)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', first)]))
      .execute()
    return {
      kind,
      label: `Vergleichstyp ${type}`,
      organisationIds: members.map((m) => m.id).sort((a, b) => a - b),
      ringId: null,
    }
  }
  if (kind === 'all') {
    const networks = await db
      .selectFrom('network_membership as m')
      .innerJoin('network as n', 'n.id', 'm.network_id')
      .select(['n.id', 'n.name'])
      .where('m.organisation_id', '=', organisationId)
      .where(validDuring('m', first, last))
      .orderBy('n.id')
      .execute()
    const network = networks[0]
    const organisationIds = network
      ? await listMemberIds(db, { networkId: network.id }, first, last)
      : (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((o) => o.id)
    return {
      kind,
      label: network ? network.name : 'all organisations',
      organisationIds,
      ringId: null,
    }
  }
  const keys = (options.setKeys ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
  if (keys.length === 0)
    throw invalidInput(message('kpi.setNeedsKeys'), [
      detail(message('kpi.setKeysExample'), { field: 'orgs' }),
    ])
  const ids = new Set([organisationId])
  for (const key of keys) {
    const { id } = await findOrganisationByKey(db, key, first)
    if (options.canPick && !options.canPick(id)) throw organisationNotFound(key)
    ids.add(id)
  }
  return {
    kind,
    label: `hand-picked set of ${ids.size}`,
    organisationIds: [...ids].sort((a, b) => a - b),
    ringId: null,
  }
}

/** Names of organisations by id. */
export async function findOrganisationNames(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
