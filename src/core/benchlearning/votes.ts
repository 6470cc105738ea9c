/**
 * Topic voting. The rule: every user may give one vote to any number of topics (approval voting;
 * the database holds at most one vote per user and topic). Topics are ranked by
 *   1. the number of distinct member organisations that voted for them (so a job centre with many
 *      accounts cannot outvote a small one),
 *   2. then the number of votes,
 * and topics equal in both share a rank (competition ranking: 1, 2, 2, 4). Within a shared rank
 * the list shows the earlier proposed topic first, then the lower id — for display only.
 * Votes of users without an organisation (moderators) count as votes but add no organisation.
 */

export interface TallyTopic {
  id: number
  /** ISO instant or date of the proposal. */
  proposedAt: string
}

export interface TallyVote {
  topicId: number
  userId: number
  organisationId: number | null
}

export interface TopicTally {
  topicId: number
  votes: number
  organisations: number
  rank: number
}

export function tallyVotes(options: {
  topics: readonly TallyTopic[]
  votes: readonly TallyVote[]
}): TopicTally[] {
  const byTopic = new Map<number, { users: Set<number>; orgs: Set<number> }>()
  for (const t of options.topics) byTopic.set(t.id, { users: new Set(), orgs: new Set() })
  for (const v of options.votes) {
    const entry = byTopic.get(v.topicId)
    if (!entry) continue
    entry.users.add(v.userId)
    if (v.organisationId !== null) entry.orgs.add(v.organisationId)
  }
  const rows = options.topics.map((t) => {
    const entry = byTopic.get(t.id)!
    return { topic: t, votes: entry.users.size, organisations: entry.orgs.size }
  })
  rows.sort(
    (a, b) =>
      b.organisations - a.organisations ||
      b.votes - a.votes ||
      (a.topic.proposedAt < b.topic.proposedAt ? -1 : a.topic.proposedAt > b.topic.proposedAt ? 1 : 0) ||
      a.topic.id - b.topic.id,
  )
  const result: TopicTally[] = []
  rows.forEach((row, index) => {
    const previous = result[index - 1]
    const isTie =
      previous !== undefined && previous.organisations === row.organisations && previous.votes === row.votes
    result.push({
      topicId: row.topic.id,
      votes: row.votes,
      organisations: row.organisations,
      rank: isTie ? previous.rank : index + 1,
    })
  })
  return result
}
