/** Agenda items of meetings (with their minutes): plain queries, `db` first. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import type { AgendaItemTable, DB } from '../../db/schema'
import { message } from '../../core/messages/text'

export type AgendaItemRow = Selectable<AgendaItemTable>

export async function listAgendaItems(db: Kysely<DB>, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute()
}

export async function findAgendaItem(db: Kysely<DB>, id: number): Promise<AgendaItemRow> {
  const item = await db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst()
  if (!item) throw notFound(message('agenda.noItem', { id }))
  return item
}

/** The meeting an agenda item belongs to, or undefined for an unknown item. */
export async function findAgendaItemMeetingId(db: Kysely<DB>, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('agenda_item').select('meeting_id').where('id', '=', id).executeTakeFirst()
  return row?.meeting_id
}

/** The position after the last item (1 for an empty agenda). */
export async function findEndPosition(db: Kysely<DB>, meetingId: number): Promise<number> {
  const last = await db
    .selectFrom('agenda_item')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return Number(last?.max ?? 0) + 1
}

/**
 * Moves the items of a meeting at `from` or later (`after`: later than) by `by` places, leaving
 * out one item (the one being moved).
 */
export async function shiftAgendaItems(
  db: Kysely<DB>,
  options: { meetingId: number; from: number; isInclusive: boolean; by: 1 | -1; exceptId?: number },
): Promise<void> {
  await db
    .updateTable('agenda_item')
    .set((eb) => ({ position: eb('position', options.by > 0 ? '+' : '-', 1) }))
    .where('meeting_id', '=', options.meetingId)
    .where('position', options.isInclusive ? '>=' : '>', options.from)
    .$if(options.exceptId !== undefined, (qb) => qb.where('id', '!=', options.exceptId!))
    .execute()
}

export async function insertAgendaItem(
  db: Kysely<DB>,
  values: Insertable<AgendaItemTable>,
): Promise<AgendaItemRow> {
  return db.insertInto('agenda_item').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateAgendaItemRow(
  db: Kysely<DB>,
  id: number,
  changes: Updateable<AgendaItemTable>,
): Promise<AgendaItemRow> {
  return db
    .updateTable('agenda_item')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function deleteAgendaItem(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('agenda_item').where('id', '=', id).execute()
}
