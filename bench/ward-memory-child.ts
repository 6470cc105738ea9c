/**
 * The time and memory of one call of Ward, in a process of its own (bench/peers.ts starts it), as
 * `peers form` runs it, so that what the bench's earlier suites left behind does not enter the
 * figures (in the bench's process their gigabytes of buffers were still being freed during the call:
 * the memory came out negative, and collecting them slowed the call down by half):
 * `node --expose-gc bin/run-ts.mjs bench/ward-memory-child.ts <points.f64> <columns>`.
 *
 * The heap is collected before the call and after it (the linkage still held). The call's typed
 * arrays (its whole working memory: coordinates, centroids, per-slot arrays) are still counted in
 * array buffers right after it, since nothing collects their wrappers during the call; its heap
 * objects that outlive it (the linkage rows, compiled code) are what the second collection leaves.
 * The growth without a collection adds the numbers the interpreter boxes before the code is
 * optimised, which the next collection frees, up to about a young generation's size whatever n·d
 * is. Prints one JSON line: { seconds, needed, growth } (MB).
 */
import { readFileSync } from 'node:fs'
import { computeWardLinkage } from '../src/core/peers/ward'

const [file, columnsText] = process.argv.slice(2)
const gc = global.gc
if (!file || !columnsText || !gc)
  throw new Error('usage: node --expose-gc bin/run-ts.mjs bench/ward-memory-child.ts <points.f64> <columns>')
const columns = Number(columnsText)
const flat = new Float64Array(readFileSync(file).buffer.slice(0))
const points = Array.from({ length: flat.length / columns }, (_, i) =>
  flat.subarray(i * columns, (i + 1) * columns),
)
const MB = 1024 * 1024
const both = (usage: NodeJS.MemoryUsage) => (usage.heapUsed + usage.arrayBuffers) / MB

gc()
const before = process.memoryUsage()
const started = performance.now()
const linkage = computeWardLinkage(points)
const seconds = (performance.now() - started) / 1000
const after = process.memoryUsage()
gc()
const held = (process.memoryUsage().heapUsed - before.heapUsed) / MB
const needed = (after.arrayBuffers - before.arrayBuffers) / MB + held
process.stdout.write(
  `${JSON.stringify({ seconds, needed, growth: both(after) - both(before), rows: linkage.length })}\n`,
)
