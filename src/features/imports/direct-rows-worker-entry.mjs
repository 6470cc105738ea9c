// Entry of the direct path's checking worker thread (direct-rows-source.ts), as parse-worker-entry.mjs:
// a worker starts without the loaders of its parent, so it registers tsx itself.
import { register } from 'tsx/esm/api'

register()
await import('./direct-rows-worker.ts')
