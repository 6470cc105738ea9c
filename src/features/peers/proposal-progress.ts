/**
 * Progress of running peer-group proposals, for the page that waits for one: the caller picks a
 * random token, sends it with the proposal and polls GET /api/v1/peers/progress/{token}. Held in
 * this process's memory only (a proposal runs in the process that answers its request), per user:
 * another user's token reads as unknown. An entry lives while its proposal runs; at most
 * MAX_ENTRIES are kept, the oldest dropped first.
 */
import type { ProposalProgressDto } from '../../contracts/peers'

const MAX_ENTRIES = 1000

interface Entry extends ProposalProgressDto {
  userId: number
}

const entries = new Map<string, Entry>()

/** Starts tracking `token` for `userId`; returns the progress callback and the function that ends it. */
export function trackProposalProgress(
  token: string,
  userId: number,
): { onProgress: (done: number, total: number) => void; finish: () => void } {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next()
    if (!oldest.done) entries.delete(oldest.value)
  }
  entries.set(token, { userId, done: 0, total: 0 })
  return {
    onProgress: (done, total) => {
      const entry = entries.get(token)
      if (entry && entry.userId === userId) Object.assign(entry, { done, total })
    },
    finish: () => {
      if (entries.get(token)?.userId === userId) entries.delete(token)
    },
  }
}

/** Progress of `token` if it belongs to `userId` and is still running; else null. */
export function readProposalProgress(token: string, userId: number): ProposalProgressDto | null {
  const entry = entries.get(token)
  return entry && entry.userId === userId ? { done: entry.done, total: entry.total } : null
}
