// Entry of a bootstrap worker thread (bootstrap-workers.ts). The server runs TypeScript through tsx
// without a build step, and a worker starts without the loaders of its parent: so it registers tsx.
import { register } from 'tsx/esm/api'

register()
await import('./bootstrap-worker.ts')
