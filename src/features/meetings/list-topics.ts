/** Topics of the caller's rings and network-wide, ranked by the voting rule of core/benchlearning/votes.ts. */
import type { Kysely } from 'kysely'
import { canManageRingScoped, canProposeTopic, canViewRingScoped, tallyVotes } from '../../core/benchlearning'
import { isoDate } from '../../core/periods/dates'
import type { Viewer } from '../../core/permissions'
import type { TopicDto } from '../../contracts/meetings'
import type { DB } from '../../db/schema'
import { loadMeetingScope } from './load-meeting-scope'
import { listRingRefs, resolveRing } from './meeting.repository'
import { listTopicRows, listVotes, type TopicStatus } from './topic.repository'

export async function listTopics(
  db: Kysely<DB>,
  options: { viewer: Viewer; ring?: string; ringId?: number | null; status?: TopicStatus; now: Date },
): Promise<TopicDto[]> {
  const { viewer } = options
  const ringId = options.ring ? (await resolveRing(db, options.ring)).id : options.ringId
  const rows = await listTopicRows(db, { ringId, status: options.status })
  const visible = rows.filter((t) => canViewRingScoped(viewer, { ringId: t.ring_id }))
  if (visible.length === 0) return []
  const votes = await listVotes(
    db,
    visible.map((t) => t.id),
  )
  const tallies = tallyVotes({
    topics: visible.map((t) => ({ id: t.id, proposedAt: t.created_at.toISOString() })),
    votes: votes.map((v) => ({ topicId: v.topic_id, userId: v.user_id, organisationId: v.organisation_id })),
  })
  const scope = await loadMeetingScope(db, { viewer, at: isoDate(options.now) })
  const rings = await listRingRefs(db)
  const byId = new Map(visible.map((t) => [t.id, t]))
  return tallies.map((tally) => {
    const t = byId.get(tally.topicId)!
    const ring = t.ring_id !== null ? rings.get(t.ring_id) : undefined
    const item = { ringId: t.ring_id }
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
      practiceId: t.practice_id,
      abilities: {
        canVote: t.status === 'open' && canProposeTopic(viewer, item),
        canChangeStatus: canManageRingScoped(viewer, item),
      },
    }
  })
}
