/** Topics members propose for their ring's meetings, and votes on them (rule: core/benchlearning/votes.ts). */
import type { Kysely } from 'kysely'
import { canManageRingScoped, canProposeTopic, canViewRingScoped, tallyVotes } from '../../core/benchlearning'
import { forbidden, invalidInput, notFound } from '../../core/errors/app-error'
import type { Viewer } from '../../core/permissions'
import type { TopicDto } from '../../contracts/meetings'
import type { Database } from '../../db/connect'
import type { DB } from '../../db/schema'
import { recordAudit, type AuditActor } from '../audit/record-audit'
import { loadMeetingScope } from './load-meeting-scope'
import { listRingRefs, resolveRing } from './meeting.repository'

export const VOTING_RULE_DE =
  'Jede Person kann jedes Thema einmal unterstützen. Die Reihenfolge ergibt sich zuerst aus der Zahl der ' +
  'unterstützenden Jobcenter, dann aus der Zahl der Stimmen; bei Gleichstand teilen sich Themen einen Rang ' +
  '(das früher vorgeschlagene steht oben).'

type TopicStatus = TopicDto['status']

export async function listTopics(
  db: Kysely<DB>,
  options: { viewer: Viewer; ring?: string; ringId?: number | null; status?: TopicStatus; now: Date },
): Promise<TopicDto[]> {
  const { viewer } = options
  const ringId = options.ring ? (await resolveRing(db, options.ring)).id : options.ringId
  const rows = await db
    .selectFrom('topic')
    .selectAll()
    .$if(ringId !== undefined && ringId !== null, (qb) =>
      qb.where((eb) => eb.or([eb('ring_id', '=', ringId!), eb('ring_id', 'is', null)])),
    )
    .$if(options.status !== undefined, (qb) => qb.where('status', '=', options.status!))
    .execute()
  const visible = rows.filter((t) => canViewRingScoped(viewer, { ringId: t.ring_id }))
  if (visible.length === 0) return []
  const votes = await db
    .selectFrom('topic_vote')
    .select(['topic_id', 'user_id', 'organisation_id'])
    .where(
      'topic_id',
      'in',
      visible.map((t) => t.id),
    )
    .execute()
  const tallies = tallyVotes({
    topics: visible.map((t) => ({ id: t.id, proposedAt: t.created_at.toISOString() })),
    votes: votes.map((v) => ({ topicId: v.topic_id, userId: v.user_id, organisationId: v.organisation_id })),
  })
  const scope = await loadMeetingScope(db, { viewer, at: options.now.toISOString().slice(0, 10) })
  const rings = await listRingRefs(db)
  const byId = new Map(visible.map((t) => [t.id, t]))
  return tallies.map((tally) => {
    const t = byId.get(tally.topicId)!
    const ring = t.ring_id !== null ? rings.get(t.ring_id) : undefined
    const item = { ringId: t.ring_id }
    const isOpen = t.status === 'open'
    return {
      id: t.id,
      ring: ring ? { id: ring.id, code: ring.code, name: ring.name } : null,
      title: t.title,
      description: t.description,
      proposedBy: scope.orgRef(t.proposed_by_organisation_id),
      proposedAt: t.created_at.toISOString(),
      status: t.status,
      votes: tally.votes,
      organisations: tally.organisations,
      rank: tally.rank,
      hasMyVote: votes.some((v) => v.topic_id === t.id && v.user_id === viewer.userId),
      isDemo: t.is_demo,
      abilities: {
        canVote: isOpen && canProposeTopic(viewer, item),
        canChangeStatus: canManageRingScoped(viewer, item),
      },
    }
  })
}

async function findVisibleTopic(db: Kysely<DB>, viewer: Viewer, id: number) {
  const topic = await db.selectFrom('topic').selectAll().where('id', '=', id).executeTakeFirst()
  if (!topic || !canViewRingScoped(viewer, { ringId: topic.ring_id }))
    throw notFound(`no topic with the id ${id}`)
  return topic
}

export async function proposeTopic(
  database: Database,
  options: {
    viewer: Viewer
    actor: AuditActor
    ringId: number | null
    title: string
    description: string | null
    now: Date
    isDemo?: boolean
  },
): Promise<number> {
  const { viewer } = options
  if (!canProposeTopic(viewer, { ringId: options.ringId }))
    throw forbidden(
      options.ringId === null
        ? 'only leads, analysts and moderators propose topics'
        : `you may propose topics only for your own ring (ring ${options.ringId} is not yours)`,
    )
  return database.transaction(async ({ db }) => {
    let networkId: number
    if (options.ringId !== null) {
      const ring = (await listRingRefs(db)).get(options.ringId)
      if (!ring)
        throw invalidInput(`ringId: no ring with the id ${options.ringId}`, [
          { field: 'ringId', value: String(options.ringId), message: 'unknown ring' },
        ])
      networkId = ring.networkId
    } else {
      const network = await db.selectFrom('network').select('id').orderBy('id').executeTakeFirst()
      if (!network) throw invalidInput('ringId: there is no network yet')
      networkId = network.id
    }
    const row = await db
      .insertInto('topic')
      .values({
        network_id: networkId,
        ring_id: options.ringId,
        title: options.title,
        description: options.description,
        proposed_by_user_id: viewer.userId || null,
        proposed_by_organisation_id: viewer.organisationId,
        is_demo: options.isDemo ?? false,
        created_at: options.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, {
      actor: options.actor,
      action: 'topic.create',
      entity: 'topic',
      entityId: row.id,
      after: row,
      at: options.now,
    })
    return row.id
  })
}

/** Gives (isVote) or withdraws the caller's vote; giving twice changes nothing. */
export async function voteForTopic(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; topicId: number; isVote: boolean; now: Date },
): Promise<void> {
  const { viewer } = options
  await database.transaction(async ({ db }) => {
    const topic = await findVisibleTopic(db, viewer, options.topicId)
    if (!canProposeTopic(viewer, { ringId: topic.ring_id }))
      throw forbidden('only leads, analysts and moderators of the ring vote')
    if (topic.status !== 'open')
      throw invalidInput(`the topic is ${topic.status}; only open topics take votes`)
    if (options.isVote) {
      await db
        .insertInto('topic_vote')
        .values({
          topic_id: topic.id,
          user_id: viewer.userId,
          organisation_id: viewer.organisationId,
          created_at: options.now,
        })
        .onConflict((oc) => oc.columns(['topic_id', 'user_id']).doNothing())
        .execute()
    } else {
      await db
        .deleteFrom('topic_vote')
        .where('topic_id', '=', topic.id)
        .where('user_id', '=', viewer.userId)
        .execute()
    }
    await recordAudit(db, {
      actor: options.actor,
      action: options.isVote ? 'topic.vote' : 'topic.unvote',
      entity: 'topic',
      entityId: topic.id,
      at: options.now,
    })
  })
}

export async function updateTopicStatus(
  database: Database,
  options: { viewer: Viewer; actor: AuditActor; topicId: number; status: TopicStatus; now: Date },
): Promise<void> {
  await database.transaction(async ({ db }) => {
    const before = await findVisibleTopic(db, options.viewer, options.topicId)
    if (!canManageRingScoped(options.viewer, { ringId: before.ring_id }))
      throw forbidden('only the moderation changes a topic')
    await db.updateTable('topic').set({ status: options.status }).where('id', '=', before.id).execute()
    await recordAudit(db, {
      actor: options.actor,
      action: 'topic.update',
      entity: 'topic',
      entityId: before.id,
      before: { status: before.status },
      after: { status: options.status },
      at: options.now,
    })
  })
}
