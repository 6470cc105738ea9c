/** Decisions, action items and comments on the minutes: plain queries, `db` first. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import { notFound } from '../../core/errors/app-error'
import type { ActionItemTable, DB, DecisionTable, MinutesCommentTable } from '../../db/schema'
import { message } from '../../core/messages/text'

export type ActionItemRow = Selectable<ActionItemTable>
/** An action with the meeting it was agreed in. */
export type ActionWithMeetingRow = ActionItemRow & {
  meeting_title: string
  meeting_starts_on: string
  meeting_ring_id: number | null
}

const OPEN_STATUSES = ['open', 'in_progress'] as const

export async function listDecisions(db: Kysely<DB>, meetingId: number) {
  return db.selectFrom('decision').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute()
}

export async function insertDecision(db: Kysely<DB>, values: Insertable<DecisionTable>) {
  return db.insertInto('decision').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function listMeetingActions(db: Kysely<DB>, meetingId: number): Promise<ActionItemRow[]> {
  return db.selectFrom('action_item').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute()
}

export async function findActionItem(db: Kysely<DB>, id: number): Promise<ActionItemRow> {
  const row = await db.selectFrom('action_item').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(message('action.none', { id }))
  return row
}

export async function insertActionItem(db: Kysely<DB>, values: Insertable<ActionItemTable>) {
  return db.insertInto('action_item').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateActionItemRow(db: Kysely<DB>, id: number, changes: Updateable<ActionItemTable>) {
  return db
    .updateTable('action_item')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * Actions with their meeting, by due day: open ones only (`isOpenOnly`), of a ring's meetings
 * (`ringId`), of meetings before a day (`before`), due by a day (`dueBy`), owned by a person or their organisation (`owner`).
 */
export async function findActionsWithMeeting(
  db: Kysely<DB>,
  filter: {
    isOpenOnly: boolean
    ringId?: number
    before?: string
    /** Due on this day or earlier (actions without a due day are left out). */
    dueBy?: string
    owner?: { userId: number; organisationId: number | null }
  },
): Promise<ActionWithMeetingRow[]> {
  const { owner } = filter
  return db
    .selectFrom('action_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .selectAll('a')
    .select(['m.title as meeting_title', 'm.starts_on as meeting_starts_on', 'm.ring_id as meeting_ring_id'])
    .$if(filter.isOpenOnly, (qb) => qb.where('a.status', 'in', [...OPEN_STATUSES]))
    .$if(filter.ringId !== undefined, (qb) => qb.where('m.ring_id', '=', filter.ringId!))
    .$if(filter.before !== undefined, (qb) => qb.where('m.starts_on', '<', filter.before!))
    .$if(filter.dueBy !== undefined, (qb) =>
      qb.where('a.due_on', 'is not', null).where('a.due_on', '<=', filter.dueBy!),
    )
    .$if(owner !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('a.owner_user_id', '=', owner!.userId),
          ...(owner!.organisationId !== null
            ? [eb('a.owner_organisation_id', '=', owner!.organisationId)]
            : []),
        ]),
      ),
    )
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute()
}

export async function listComments(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('minutes_comment')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute()
}

export async function insertComment(db: Kysely<DB>, values: Insertable<MinutesCommentTable>) {
  return db.insertInto('minutes_comment').values(values).returningAll().executeTakeFirstOrThrow()
}
