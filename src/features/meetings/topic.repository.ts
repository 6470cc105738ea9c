/** Topics proposed for meetings and the votes on them: plain queries, `db` first. */
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { DB, TopicTable } from '../../db/schema'

export type TopicRow = Selectable<TopicTable>
export type TopicStatus = TopicRow['status']

/** Topics of a ring and the network-wide ones (every topic without `ringId`), of a status. */
export async function listTopicRows(
  db: Kysely<DB>,
  filter: { ringId?: number | null; status?: TopicStatus },
): Promise<TopicRow[]> {
  const { ringId } = filter
  return db
    .selectFrom('topic')
    .selectAll()
    .$if(ringId !== undefined && ringId !== null, (qb) =>
      qb.where((eb) => eb.or([eb('ring_id', '=', ringId!), eb('ring_id', 'is', null)])),
    )
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
    .execute()
}

export async function findTopic(db: Kysely<DB>, id: number): Promise<TopicRow | undefined> {
  return db.selectFrom('topic').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The topic an organisation proposed from a practice card, if any. */
export async function findPracticeTopic(
  db: Kysely<DB>,
  options: { organisationId: number; practiceId: number },
): Promise<TopicRow | undefined> {
  return db
    .selectFrom('topic')
    .selectAll()
    .where('proposed_by_organisation_id', '=', options.organisationId)
    .where('practice_id', '=', options.practiceId)
    .executeTakeFirst()
}

export async function insertTopic(db: Kysely<DB>, values: Insertable<TopicTable>): Promise<TopicRow> {
  return db.insertInto('topic').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function setTopicStatus(
  db: Kysely<DB>,
  options: { id: number; status: TopicStatus; onlyFrom?: TopicStatus },
): Promise<void> {
  await db
    .updateTable('topic')
    .set({ status: options.status })
    .where('id', '=', options.id)
    .$if(options.onlyFrom !== undefined, (qb) => qb.where('status', '=', options.onlyFrom!))
    .execute()
}

export async function listVotes(db: Kysely<DB>, topicIds: readonly number[]) {
  if (topicIds.length === 0) return []
  return db
    .selectFrom('topic_vote')
    .select(['topic_id', 'user_id', 'organisation_id'])
    .where('topic_id', 'in', [...topicIds])
    .execute()
}

/** Gives the vote; giving it twice changes nothing. */
export async function insertVote(
  db: Kysely<DB>,
  vote: { topicId: number; userId: number; organisationId: number | null; at: Date },
): Promise<void> {
  await db
    .insertInto('topic_vote')
    .values({
      topic_id: vote.topicId,
      user_id: vote.userId,
      organisation_id: vote.organisationId,
      created_at: vote.at,
    })
    .onConflict((oc) => oc.columns(['topic_id', 'user_id']).doNothing())
    .execute()
}

export async function deleteVote(db: Kysely<DB>, vote: { topicId: number; userId: number }): Promise<void> {
  await db
    .deleteFrom('topic_vote')
    .where('topic_id', '=', vote.topicId)
    .where('user_id', '=', vote.userId)
    .execute()
}
