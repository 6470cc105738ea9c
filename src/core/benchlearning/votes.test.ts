import { describe, expect, it } from 'vitest'
import { tallyVotes } from './votes'

describe('tallyVotes', () => {
  it('ranks by organisations, then votes; equal topics share a rank, shown earlier proposed first', () => {
    const topics = [
      { id: 1, proposedAt: '2025-01-02' },
      { id: 2, proposedAt: '2025-01-01' },
      { id: 3, proposedAt: '2025-01-03' },
      { id: 4, proposedAt: '2025-01-04' },
    ]
    const votes = [
      // Topic 1: three users of one organisation (3 votes, 1 organisation).
      { topicId: 1, userId: 10, organisationId: 100 },
      { topicId: 1, userId: 11, organisationId: 100 },
      { topicId: 1, userId: 12, organisationId: 100 },
      // Topics 2 and 3: two organisations each.
      { topicId: 2, userId: 10, organisationId: 100 },
      { topicId: 2, userId: 20, organisationId: 200 },
      { topicId: 3, userId: 20, organisationId: 200 },
      { topicId: 3, userId: 30, organisationId: 300 },
      { topicId: 3, userId: 30, organisationId: 300 }, // the same user twice counts once
      // Topic 4: a moderator (no organisation).
      { topicId: 4, userId: 40, organisationId: null },
      // A vote for an unknown topic is ignored.
      { topicId: 99, userId: 10, organisationId: 100 },
    ]
    expect(tallyVotes({ topics, votes })).toEqual([
      { topicId: 2, votes: 2, organisations: 2, rank: 1 },
      { topicId: 3, votes: 2, organisations: 2, rank: 1 },
      { topicId: 1, votes: 3, organisations: 1, rank: 3 },
      { topicId: 4, votes: 1, organisations: 0, rank: 4 },
    ])
  })

  it('lists topics without votes last, all sharing one rank', () => {
    const topics = [
      { id: 5, proposedAt: '2025-02-01' },
      { id: 6, proposedAt: '2025-01-01' },
      { id: 7, proposedAt: '2025-03-01' },
    ]
    expect(tallyVotes({ topics, votes: [{ topicId: 7, userId: 1, organisationId: 9 }] })).toEqual([
      { topicId: 7, votes: 1, organisations: 1, rank: 1 },
      { topicId: 6, votes: 0, organisations: 0, rank: 2 },
      { topicId: 5, votes: 0, organisations: 0, rank: 2 },
    ])
  })
})
