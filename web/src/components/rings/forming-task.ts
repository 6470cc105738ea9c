/** Types the ring-forming parts share. */
import type { z } from 'zod'
import type { ringListSchema } from '../../../../src/contracts/organisations'

export type RingListDto = z.infer<typeof ringListSchema>

/** A request the person started: not yet, running, its answer or its error. */
export type Task<T> =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; data: T } | { kind: 'failed'; error: unknown }
