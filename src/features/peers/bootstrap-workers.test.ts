import { setImmediate as nextTurn } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import {
  assessPartitionAsync,
  createRecluster,
  formPeerPartition,
  runBootstrapWithPauses,
  type ReclusterOptions,
} from '../../core/peers'
import { createRandom } from '../../core/random'
import { createBootstrapRunner } from './bootstrap-workers'

const random = createRandom(5)
// Four loose clusters of 30 points in three dimensions, so that replicates differ.
const points = Array.from({ length: 120 }, (_, i) => [(i % 4) * 2 + random() * 3, random() * 3, random()])
const ids = points.map((_, i) => String(i))

function optionsFor(recluster: ReclusterOptions, onProgress?: (done: number, total: number) => void) {
  const { labels } = formPeerPartition({ ids, matrix: points, method: 'ward', k: 4 })
  return {
    matrix: points,
    raw: points,
    columns: ['a', 'b', 'c'],
    labels,
    recluster: createRecluster(recluster),
    replicates: 7,
    seed: 3,
    bootstrapSampleRows: 90,
    onProgress,
  }
}

describe('createBootstrapRunner', () => {
  it('gives the one-thread result when worker threads share the replicates', async () => {
    const recluster = { method: 'ward', k: 4 } as const
    const alone = await assessPartitionAsync(
      optionsFor(recluster),
      runBootstrapWithPauses(() => nextTurn()),
    )
    const progress: number[] = []
    const shared = await assessPartitionAsync(
      optionsFor(recluster, (done) => progress.push(done)),
      createBootstrapRunner({ recluster, pause: () => nextTurn(), workers: 2, minRows: 1 }),
    )
    expect(shared).toEqual(alone)
    expect(alone.stability!.standardError).toBeGreaterThan(0)
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('gives each of several bootstraps at once its own result (workers shared by the process)', async () => {
    const ward = { method: 'ward', k: 4 } as const
    const kmeans = { method: 'kmeans', k: 4, seed: 2 } as const
    const run = (recluster: ReclusterOptions, runner: 'alone' | 'shared') =>
      assessPartitionAsync(
        optionsFor(recluster),
        runner === 'alone'
          ? runBootstrapWithPauses(() => nextTurn())
          : createBootstrapRunner({ recluster, pause: () => nextTurn(), minRows: 1 }),
      )
    const together = await Promise.all([run(ward, 'shared'), run(kmeans, 'shared'), run(ward, 'shared')])
    expect(together).toEqual([await run(ward, 'alone'), await run(kmeans, 'alone'), await run(ward, 'alone')])
  })

  it('keeps a small bootstrap on this thread', async () => {
    const recluster = { method: 'kmeans', k: 4, seed: 2 } as const
    let pauses = 0
    const quality = await assessPartitionAsync(
      optionsFor(recluster),
      createBootstrapRunner({
        recluster,
        pause: async () => {
          pauses++
        },
      }),
    )
    expect(pauses).toBe(7)
    expect(quality.stability!.replicates).toBe(7)
  })

  it('reports the error of a re-clustering that fails in a worker', async () => {
    // 90 drawn rows cannot make 4 rings of at most 20 (on this thread or in a worker).
    const recluster = { method: 'rings', k: 4, minSize: 10, maxSize: 20 } as const
    await expect(
      assessPartitionAsync(
        optionsFor(recluster),
        createBootstrapRunner({ recluster, pause: () => nextTurn(), workers: 1, minRows: 1 }),
      ),
    ).rejects.toThrow(/4 rings of at most 20 members hold at most 80 members, but there are 90/)
  })
})
