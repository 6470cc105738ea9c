import { describe, expect, it } from 'vitest'
import { readProposalProgress, trackProposalProgress } from './proposal-progress'

describe('proposal progress', () => {
  it('reports replicates done to the user who started it, until it finishes', () => {
    const progress = trackProposalProgress('token-a-123', 7)
    expect(readProposalProgress('token-a-123', 7)).toEqual({ done: 0, total: 0 })
    progress.onProgress(3, 20)
    expect(readProposalProgress('token-a-123', 7)).toEqual({ done: 3, total: 20 })
    // Another user's token reads as unknown.
    expect(readProposalProgress('token-a-123', 8)).toBeNull()
    progress.finish()
    expect(readProposalProgress('token-a-123', 7)).toBeNull()
    // A late callback after the end does not bring the entry back.
    progress.onProgress(20, 20)
    expect(readProposalProgress('token-a-123', 7)).toBeNull()
  })

  it('keeps at most 1000 entries, dropping the oldest', () => {
    const runs = Array.from({ length: 1001 }, (_, i) => trackProposalProgress(`bulk-token-${i}`, 1))
    expect(readProposalProgress('bulk-token-0', 1)).toBeNull()
    expect(readProposalProgress('bulk-token-1000', 1)).toEqual({ done: 0, total: 0 })
    runs.forEach((run) => run.finish())
  })
})
