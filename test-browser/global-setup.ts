/**
 * The browser tests' global setup: the migrated snapshot every test database starts from (as for the
 * database tests), and once per run the demo network written into a second snapshot. Generating the
 * demo network takes ~20 s; eleven test files start from it, so each loads the snapshot instead.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { latestCompleteMonth } from '../src/core/periods/period'
import { createDemoNetwork } from '../src/features/demo/create-demo-network'
import { createTestDatabase } from '../src/test/database'
import { seedReferenceData } from '../src/test/factories'
import setupDatabaseTemplate from '../src/test/global-setup'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data-folder dump of the migrated database with the reference data and the demo network. */
    demoSnapshot: string
  }
}

export default async function setup(project: TestProject) {
  const dropTemplate = await setupDatabaseTemplate(project)
  const database = await createTestDatabase(project.getProvidedContext().testTemplate)
  const file = join(tmpdir(), `benchlearn-demo-snapshot-${process.pid}.tar`)
  try {
    if (!database.pglite) throw new Error('the browser tests run on PGlite: unset DATABASE_URL')
    await seedReferenceData(database.db)
    await createDemoNetwork(database, { lastMonth: latestCompleteMonth(new Date()) })
    writeFileSync(file, Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer()))
  } finally {
    await database.close()
  }
  project.provide('demoSnapshot', file)
  return async () => {
    rmSync(file, { force: true })
    await dropTemplate()
  }
}
