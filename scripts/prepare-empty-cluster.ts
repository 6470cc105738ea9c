// Run by `npm ci` (prepare): see src/db/empty-cluster.ts.
import { writeEmptyCluster } from '../src/db/empty-cluster'

process.stdout.write(`empty PGlite cluster for first starts: ${await writeEmptyCluster()}\n`)
