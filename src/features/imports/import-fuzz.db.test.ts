/**
 * Fuzz test of the import route (fixed seeds): a few hundred generated and mutated files uploaded by
 * an analyst, as dry runs and real imports. None may answer 500 or take too long, and a refused one
 * (or any dry run) must leave the database exactly as it was.
 */
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '../../core/random'
import { buildApp } from '../../server/app'
import { createJobcentre, createUser, seedReferenceData } from '../../test/factories'
import { generateCsvInputs, generateXlsxInputs } from '../../test/import-fuzz-inputs'
import { signIn, type SignedIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { multipartFile } from '../../test/multipart'

const t = useTestDatabase()
let app: FastifyInstance
let analyst: SignedIn

/** What an import may write: values, batches, audit entries, indicators. */
async function writtenState(): Promise<string> {
  const result = await sql<Record<string, number>>`
    select (select count(*) from observation)::int as observations,
           (select count(*) from import_batch)::int as batches,
           (select count(*) from audit_log)::int as audit,
           (select count(*) from indicator)::int as indicators,
           (select coalesce(sum(value), 0) from observation)::float8 as total
  `.execute(t.database.db)
  return JSON.stringify(result.rows[0])
}

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  const orgId = await createJobcentre(t.database.db, { ags5: '06435' })
  await createUser(t.database.db, {
    email: 'analyst@fuzz.test',
    role: 'member_analyst',
    organisationId: orgId,
  })
  app = await buildApp({ database: t.database, now: () => new Date('2024-03-15T12:00:00Z') })
  analyst = await signIn(app, 'analyst@fuzz.test')
})
afterAll(async () => app?.close())

describe('import route fuzz', () => {
  it('answers 300 generated uploads without 500, writing nothing when it refuses', async () => {
    const inputs = [...generateCsvInputs(48_003, 270), ...(await generateXlsxInputs(48_004, 30))]
    const random = createRandom(48_005)
    const statuses = new Map<number, number>()
    for (const input of inputs) {
      const isDryRun = random() < 0.5
      const before = await writtenState()
      const response = await analyst.inject({
        method: 'POST',
        url: `/api/v1/imports?dryRun=${isDryRun}`,
        ...multipartFile(input.fileName, input.bytes),
      })
      const what = `${input.recipe} (${isDryRun ? 'dry run' : 'import'}): ${response.statusCode} ${response.body.slice(0, 300)}`
      expect(response.statusCode, what).toBeLessThan(500)
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
      if (response.statusCode !== 200 || isDryRun) expect(await writtenState(), what).toBe(before)
      if (response.statusCode !== 200) expect(response.json().error.message, what).toMatch(/\S/)
    }
    // Both outcomes occur: some files are taken, most are refused.
    expect(statuses.get(200)).toBeGreaterThan(10)
    expect(statuses.get(422)).toBeGreaterThan(50)
    // Alone on PostgreSQL 14 s; most of it is the XLSX files' parsing workers starting (~0.4 s each,
    // CPU-bound), so beside the browser tests in CI it took 47 s once and over 120 s another time.
  }, 300_000)
})
