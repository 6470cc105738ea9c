/** Meetings, their registrations, rings and people: plain queries, `db` first so that they work in a transaction. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import { detail, invalidInput, notFound } from '../../core/errors/app-error'
import type { DB, MeetingRegistrationTable, MeetingStatus, MeetingTable } from '../../db/schema'
import { validOn } from '../../db/valid-on'
import { listMemberIds } from '../networks/network.repository'
import { message } from '../../core/messages/text'

export type MeetingRow = Selectable<MeetingTable>
export type RegistrationRow = Selectable<MeetingRegistrationTable>

export async function findMeeting(db: Kysely<DB>, id: number): Promise<MeetingRow> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(message('meeting.none', { id }))
  return row
}

/** Meetings of a ring (and the network-wide ones), a year and a status, by first day. */
export async function listMeetingRows(
  db: Kysely<DB>,
  filter: { ringId?: number; year?: number; status?: MeetingStatus },
): Promise<MeetingRow[]> {
  return db
    .selectFrom('meeting')
    .selectAll()
    .$if(filter.ringId !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('ring_id', '=', filter.ringId!), eb('ring_id', 'is', null)])),
    )
    .$if(filter.year !== undefined, (qb) =>
      qb.where('starts_on', '>=', `${filter.year}-01-01`).where('starts_on', '<=', `${filter.year}-12-31`),
    )
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
}

/** How many meetings of the ring start in the year. */
export async function countRingMeetingsInYear(db: Kysely<DB>, ringId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ring_id', '=', ringId)
    .where('starts_on', '>=', `${year}-01-01`)
    .where('starts_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The first day of the ring's last meeting before `before`, or null. */
export async function findPreviousMeetingStart(
  db: Kysely<DB>,
  options: { ringId: number | null; before: string },
): Promise<string | null> {
  if (options.ringId === null) return null
  const row = await db
    .selectFrom('meeting')
    .select('starts_on')
    .where('ring_id', '=', options.ringId)
    .where('starts_on', '<', options.before)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst()
  return row?.starts_on ?? null
}

export async function insertMeeting(db: Kysely<DB>, values: Insertable<MeetingTable>): Promise<MeetingRow> {
  return db.insertInto('meeting').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateMeetingRow(
  db: Kysely<DB>,
  id: number,
  changes: Updateable<MeetingTable>,
): Promise<MeetingRow> {
  return db.updateTable('meeting').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** Hosts of the ring's meetings that start before `before` (the rotation's history), oldest first. */
export async function findHostedMeetings(
  db: Kysely<DB>,
  options: { ringId: number; before?: string; after?: string; exceptMeetingId?: number },
) {
  return db
    .selectFrom('meeting')
    .select(['id', 'starts_on', 'host_organisation_id', 'host_source'])
    .where('ring_id', '=', options.ringId)
    .where('host_organisation_id', 'is not', null)
    .$if(options.before !== undefined, (qb) => qb.where('starts_on', '<', options.before!))
    .$if(options.after !== undefined, (qb) => qb.where('starts_on', '>', options.after!))
    .$if(options.exceptMeetingId !== undefined, (qb) => qb.where('id', '!=', options.exceptMeetingId!))
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
}

/** The network's ring meetings still to come (planned or invited) from a day on, with their ring's code. */
export async function findUpcomingRingMeetings(db: Kysely<DB>, options: { networkId: number; from: string }) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('ring as r', 'r.id', 'm.ring_id')
    .select(['m.id', 'm.title', 'm.starts_on', 'm.ring_id', 'm.host_organisation_id', 'r.code'])
    .where('m.network_id', '=', options.networkId)
    .where('m.starts_on', '>=', options.from)
    .where('m.status', 'in', ['planned', 'invited'])
    .orderBy('m.starts_on')
    .orderBy('m.id')
    .execute()
}

/** The ring of a meeting, of an agenda item's or of an action's meeting (null: network-wide or unknown). */
export async function findRingOfMeetingPart(
  db: Kysely<DB>,
  part: { meetingId: number } | { agendaItemId: number } | { actionItemId: number },
): Promise<number | null> {
  const meeting = db.selectFrom('meeting as m').select('m.ring_id')
  const row =
    'meetingId' in part
      ? await meeting.where('m.id', '=', part.meetingId).executeTakeFirst()
      : 'agendaItemId' in part
        ? await meeting
            .innerJoin('agenda_item as i', 'i.meeting_id', 'm.id')
            .where('i.id', '=', part.agendaItemId)
            .executeTakeFirst()
        : await meeting
            .innerJoin('action_item as a', 'a.meeting_id', 'm.id')
            .where('a.id', '=', part.actionItemId)
            .executeTakeFirst()
  return row?.ring_id ?? null
}

// ---- Registrations ----

/** The answers to the given meetings; with `userId` only that person's. */
export async function listRegistrations(
  db: Kysely<DB>,
  meetingIds: readonly number[],
  filter: { userId?: number } = {},
): Promise<RegistrationRow[]> {
  if (meetingIds.length === 0) return []
  return db
    .selectFrom('meeting_registration')
    .selectAll()
    .where('meeting_id', 'in', [...meetingIds])
    .$if(filter.userId !== undefined, (qb) => qb.where('user_id', '=', filter.userId!))
    .execute()
}

/** One person's answer to one meeting (a person answers once: meeting and user are unique). */
export async function findRegistration(
  db: Kysely<DB>,
  key: { meetingId: number; userId: number },
): Promise<RegistrationRow | undefined> {
  const [row] = await listRegistrations(db, [key.meetingId], { userId: key.userId })
  return row
}

/** Writes the person's answer; a second answer replaces the first. */
export async function upsertRegistration(
  db: Kysely<DB>,
  row: Insertable<MeetingRegistrationTable>,
): Promise<void> {
  await db
    .insertInto('meeting_registration')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'user_id'])
        .doUpdateSet({ status: row.status, note: row.note, updated_at: row.updated_at }),
    )
    .execute()
}

// ---- Rings, networks, organisations and people the meetings refer to ----

export interface RingRef {
  id: number
  code: string
  name: string
  networkId: number
  sharing: 'named' | 'pseudonymised'
}

export async function listRingRefs(db: Kysely<DB>): Promise<Map<number, RingRef>> {
  const rows = await db.selectFrom('ring').select(['id', 'code', 'name', 'network_id', 'sharing']).execute()
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, name: r.name, networkId: r.network_id, sharing: r.sharing },
    ]),
  )
}

/** A ring by code ("R01") or id ("12"); the error names the field. */
export async function resolveRing(db: Kysely<DB>, key: string, field = 'ring'): Promise<RingRef> {
  const rings = [...(await listRingRefs(db)).values()]
  const found =
    rings.find((r) => r.code.toLowerCase() === key.trim().toLowerCase()) ??
    (/^\d+$/.test(key.trim()) ? rings.find((r) => r.id === Number(key)) : undefined)
  if (!found)
    throw invalidInput(message('meeting.unknownRingKey', { field, key }), [
      detail(message('meeting.expectedRing', { codes: rings.map((r) => r.code).join(', ') }), {
        field,
        value: key,
      }),
    ])
  return found
}

/** A ring by id, or the error that names the field ringId. */
export async function requireRing(db: Kysely<DB>, ringId: number): Promise<RingRef> {
  const ring = (await listRingRefs(db)).get(ringId)
  if (!ring)
    throw invalidInput(message('meeting.unknownRingId', { ringId }), [
      detail(message('meeting.unknownRing'), { field: 'ringId', value: String(ringId) }),
    ])
  return ring
}

/** The network of a ring, or for network-wide events and topics the (first) network. */
export async function findNetworkIdFor(db: Kysely<DB>, ringId: number | null): Promise<number> {
  if (ringId !== null) return (await requireRing(db, ringId)).networkId
  const network = await db.selectFrom('network').select('id').orderBy('id').executeTakeFirst()
  if (!network) throw invalidInput(message('meeting.noNetwork'))
  return network.id
}

/** Organisations (id, name) in a ring on a day, by id. */
export async function findRingMembersOn(db: Kysely<DB>, ringId: number, at: string) {
  return db
    .selectFrom('ring_membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .distinct()
    .where('m.ring_id', '=', ringId)
    .where(validOn('m', at))
    .orderBy('o.id')
    .execute()
}

/** The organisations invited: the ring's members on the first day, or every network member. */
export async function findInvitedOrganisations(db: Kysely<DB>, meeting: MeetingRow): Promise<number[]> {
  const of = meeting.ring_id !== null ? { ringId: meeting.ring_id } : { networkId: meeting.network_id }
  return listMemberIds(db, of, meeting.starts_on)
}

export async function listOrganisationNames(db: Kysely<DB>): Promise<Map<number, string>> {
  return new Map(
    (await db.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  )
}

export interface UserRef {
  id: number
  name: string
  organisationId: number | null
}

export async function findUsersByIds(
  db: Kysely<DB>,
  ids: readonly (number | null)[],
): Promise<Map<number, UserRef>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'organisation_id'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, organisationId: r.organisation_id }]))
}

/** An account's organisation, or undefined for an unknown account. */
export async function findUserOrganisation(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('app_user')
    .select(['id', 'organisation_id'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

/** Active accounts that act for these organisations (members, analysts, viewers). */
export async function findActiveUsersOfOrganisations(db: Kysely<DB>, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return []
  return db
    .selectFrom('app_user')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', [...organisationIds])
    .where('is_disabled', '=', false)
    .execute()
}
