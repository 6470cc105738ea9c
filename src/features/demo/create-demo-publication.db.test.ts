import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { seedReferenceData } from '../../test/factories'
import { signIn } from '../../test/sign-in'
import { useTestDatabase } from '../../test/use-test-database'
import { computeKeyFigures } from '../kpi/compute-key-figures'
import { ZKT_DISTRICTS } from './generate/zkt-districts'
import { DEMO_MEMBER_AGS, DEMO_PASSWORD } from './create-demo-accounts'
import { createDemoNetwork } from './create-demo-network'
import { createDemoPublication } from './create-demo-publication'

const t = useTestDatabase()
let app: FastifyInstance

beforeAll(async () => {
  await seedReferenceData(t.database.db)
  await createDemoNetwork(t.database, { lastMonth: '2024-06', now: new Date('2024-08-01T00:00:00Z') })
  await computeKeyFigures(t.database)
  const summary = await createDemoPublication(t.database, { now: new Date('2024-08-01T00:00:00Z') })
  expect(summary?.errors).toEqual([])
  app = await buildApp({ database: t.database, now: () => new Date('2024-08-01T12:00:00Z') })
}, 300_000)

afterAll(async () => {
  await app?.close()
})

describe('the demo publication with gE job centres', () => {
  it('registers gE job centres outside the network, in the member type, with published K2 only', async () => {
    const db = t.database.db
    const member = await db
      .selectFrom('organisation as o')
      .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
      .select(['o.id', 'o.comparison_type'])
      .where('a.ags5', '=', DEMO_MEMBER_AGS)
      .executeTakeFirstOrThrow()
    expect(member.comparison_type).toMatch(/^[SVL][12]$/)
    const ge = await db
      .selectFrom('organisation as o')
      .innerJoin('organisation_area as a', 'a.organisation_id', 'o.id')
      .select(['o.id', 'o.name', 'o.comparison_type', 'o.is_demo', 'a.ags5'])
      .where('o.carrier_type', '=', 'gE')
      .orderBy('a.ags5')
      .execute()
    // The four Hessian candidates; none is a district a zkT serves.
    expect(ge.map((g) => g.ags5)).toEqual(['06411', '06412', '06440', '06531'])
    expect(ge.every((g) => !ZKT_DISTRICTS.some((z) => z.ags5 === g.ags5))).toBe(true)
    expect(ge.map((g) => g.name)).toEqual([
      expect.stringMatching(/^Jobcenter .*Darmstadt.* \(gE, synthetisch\)$/),
      expect.stringMatching(/^Jobcenter .*Frankfurt.* \(gE, synthetisch\)$/),
      expect.stringMatching(/^Jobcenter .*Wetterau.* \(gE, synthetisch\)$/),
      expect.stringMatching(/^Jobcenter .*Gießen.* \(gE, synthetisch\)$/),
    ])
    expect(ge.every((g) => g.comparison_type === member.comparison_type && g.is_demo)).toBe(true)
    const geIds = ge.map((g) => g.id)
    const memberships = await db
      .selectFrom('network_membership')
      .select('id')
      .where('organisation_id', 'in', geIds)
      .execute()
    expect(memberships).toEqual([])
    const published = await db
      .selectFrom('published_figure_value')
      .select(['organisation_id', 'period', 'numerator', 'denominator'])
      .where('figure_code', '=', 'K2')
      .where('organisation_id', 'in', geIds)
      .execute()
    // Three months for each gE, over the fixed synthetic caseload of the first profile (14 250,5).
    expect(published).toHaveLength(12)
    const first = published.filter((p) => p.organisation_id === ge[0]!.id)
    expect(first.map((p) => Number(p.denominator))).toEqual([14_250.5, 14_250.5, 14_250.5])
    const computed = await db
      .selectFrom('kpi_value')
      .select('organisation_id')
      .where('organisation_id', 'in', geIds)
      .execute()
    expect(computed).toEqual([])
  })

  it('shows a demo member the gE by name among all job centres of its comparison type (K2)', async () => {
    const lead = await signIn(app, 'lead.kca@demo.benchlearn.de', DEMO_PASSWORD)
    const response = await lead.inject({
      method: 'GET',
      url: `/api/v1/kpi/group-statistics?figure=K2&org=${DEMO_MEMBER_AGS}&group=comparison_type&period=2024-06`,
    })
    expect(response.statusCode).toBe(200)
    const members: { name: string; value: number | null; source: string }[] = response.json().members
    const ge = members.filter((m) => m.name.includes('(gE, synthetisch)'))
    expect(ge).toHaveLength(4)
    expect(ge.every((m) => m.value !== null && m.source === 'published')).toBe(true)
    expect(members.some((m) => !m.name.includes('(gE'))).toBe(true)
  })
})
