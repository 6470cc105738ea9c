/** Plain reads of meetings and what hangs off them; `db` first so that they work in a transaction. */
import type { Kysely, Selectable } from 'kysely'
import { invalidInput, notFound } from '../../core/errors/app-error'
import type { DB, MeetingTable } from '../../db/schema'

export type MeetingRow = Selectable<MeetingTable>

export async function findMeeting(db: Kysely<DB>, id: number): Promise<MeetingRow> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no meeting with the id ${id}`)
  return row
}

export interface RingRef {
  id: number
  code: string
  name: string
  networkId: number
}

export async function listRingRefs(db: Kysely<DB>): Promise<Map<number, RingRef>> {
  const rows = await db.selectFrom('ring').select(['id', 'code', 'name', 'network_id']).execute()
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, networkId: r.network_id }]))
}

/** A ring by code ("R01") or id ("12"); the error names the field. */
export async function resolveRing(db: Kysely<DB>, key: string, field = 'ring'): Promise<RingRef> {
  const rings = [...(await listRingRefs(db)).values()]
  const found =
    rings.find((r) => r.code.toLowerCase() === key.trim().toLowerCase()) ??
    (/^\d+$/.test(key.trim()) ? rings.find((r) => r.id === Number(key)) : undefined)
  if (!found)
    throw invalidInput(`${field}: no ring with the code or id '${key}'`, [
      { field, value: key, message: `expected one of ${rings.map((r) => r.code).join(', ')}` },
    ])
  return found
}

/** The organisations invited: the ring's members on the first day, or every network member. */
export async function findInvitedOrganisations(db: Kysely<DB>, meeting: MeetingRow): Promise<number[]> {
  const at = meeting.starts_on
  const rows =
    meeting.ring_id !== null
      ? await db
          .selectFrom('ring_membership')
          .select('organisation_id')
          .distinct()
          .where('ring_id', '=', meeting.ring_id)
          .where('valid_from', '<=', at)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]))
          .execute()
      : await db
          .selectFrom('network_membership')
          .select('organisation_id')
          .distinct()
          .where('network_id', '=', meeting.network_id)
          .where('valid_from', '<=', at)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]))
          .execute()
  return rows.map((r) => r.organisation_id).sort((a, b) => a - b)
}

export async function findUsersByIds(db: Kysely<DB>, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))]
  if (wanted.length === 0)
    return new Map<number, { id: number; name: string; organisationId: number | null }>()
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'organisation_id'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, organisationId: r.organisation_id }]))
}
