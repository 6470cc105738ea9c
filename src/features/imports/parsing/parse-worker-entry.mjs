// Entry of a parsing worker thread (parse-in-worker.ts). The server runs TypeScript through tsx
// without a build step, and a worker starts without the loaders of its parent (npm start registers
// tsx in code, vitest transforms in its own way): so the worker registers tsx itself.
import { register } from 'tsx/esm/api'

register()
await import('./parse-worker.ts')
