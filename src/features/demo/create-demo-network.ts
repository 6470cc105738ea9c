/**
 * Writes the generated demo network (generate/) into the database in one transaction: the 104
 * demo job centres with their districts, the network, its rings, and ~700 000 synthetic values
 * bulk-loaded as one import batch whose source says that they are synthetic.
 */
import { sql } from 'kysely'
import type { Database } from '../../db/connect'
import { message } from '../../core/messages/text'
import { importMessage } from '../imports/import-message'
import { formatPeriod, monthFromIndex } from '../../core/periods/period'
import { listIndicators } from '../indicators/indicator.repository'
import {
  insertNetwork,
  insertNetworkMemberships,
  insertRing,
  insertRingMemberships,
} from '../networks/network.repository'
import { insertOrganisation } from '../organisations/organisation.repository'
import { insertPeerModel } from '../peers/peer-model.repository'
import { createDemoAccounts } from './create-demo-accounts'
import { createDemoBenchlearning } from './create-demo-benchlearning'
import { createDemoPractices } from './create-demo-practices'
import { createDemoCollections } from './create-demo-collections'
import { DEMO_MEMBER_AGS } from './create-demo-accounts'
import { DEMO_TYPES_NAME } from './generate/comparison-types'
import { generateDemoNetwork } from './generate/generate-demo-network'
import { DEMO_BREAKDOWNS, DEMO_MISSING_REASONS, DEMO_SOURCE, type DemoNetwork } from './generate/types'
import { OBSERVATION_COPY_COLUMNS } from '../observations/observation.repository'

export interface CreateDemoOptions {
  seed?: number
  lastMonth: string
  now?: Date
  /** Remove all organisations, networks and values first (accounts go with their organisations). */
  isReset?: boolean
  /** Skip the demo accounts (one per role, with public passwords). */
  isWithoutAccounts?: boolean
}

export interface DemoSummary {
  organisations: number
  rings: number
  values: number
  firstMonth: string
  lastMonth: string
}

/** Months at the end of the series that are still provisional (published with a waiting period). */
const PROVISIONAL_MONTHS = 3

export async function createDemoNetwork(
  database: Database,
  options: CreateDemoOptions,
): Promise<DemoSummary> {
  const demo = generateDemoNetwork({ seed: options.seed ?? 2012, lastMonth: options.lastMonth })
  const now = options.now ?? new Date()
  const written = await database.transaction(async (tx) => {
    if (options.isReset) {
      await sql`truncate observation, import_batch, ring_membership, ring, network_membership, network,
        organisation_partner, organisation_site, organisation_area, organisation restart identity cascade`.execute(
        tx.db,
      )
    }
    const batch = await tx.db
      .insertInto('import_batch')
      .values({
        file_name: 'demo network (generated)',
        checksum: `seed:${options.seed ?? 2012}`,
        format: 'generated',
        mapping: null,
        source: DEMO_SOURCE,
        created_by: 'demo',
        created_at: now,
        rows_read: demo.observations.count,
        rows_imported: demo.observations.count,
        rows_unchanged: 0,
        rows_rejected: 0,
        rows_skipped: 0,
        errors: '[]',
        notices: JSON.stringify([
          {
            kind: 'demo',
            ...importMessage(message('demo.syntheticData')),
            count: demo.observations.count,
          },
        ]),
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    const orgIds: number[] = []
    for (const org of demo.organisations) {
      orgIds.push(
        await insertOrganisation(tx.db, {
          name: org.name,
          shortName: org.shortName,
          kind: org.kind,
          carrierType: org.carrierType,
          landCode: org.landCode,
          nuts3: org.nuts3,
          isDemo: true,
          areas: org.areas,
          sites: org.sites,
          partners: org.partners,
        }),
      )
    }
    const firstDay = `${demo.firstMonth}-01`
    const networkId = await insertNetwork(tx.db, { ...demo.network, isDemo: true })
    await insertNetworkMemberships(
      tx.db,
      networkId,
      orgIds.map((organisationId) => ({ organisationId, validFrom: firstDay })),
    )
    const ringIds: number[] = []
    for (const ring of demo.rings) {
      const ringId = await insertRing(tx.db, {
        networkId,
        code: ring.code,
        name: ring.name,
        sharing: ring.sharing,
        validFrom: ring.validFrom,
      })
      ringIds.push(ringId)
      await insertRingMemberships(
        tx.db,
        ringId,
        ring.members.map((index) => ({ organisationId: orgIds[index]!, validFrom: ring.validFrom })),
      )
    }

    // Stored like imported official types, so the "comparison type" group works; named synthetic.
    await insertPeerModel(tx.db, {
      networkId,
      name: DEMO_TYPES_NAME,
      kind: 'official_types',
      method: 'imported',
      parameters: { k: demo.comparisonTypes.length, source: DEMO_SOURCE },
      inputs: { indicators: [], referenceYear: null, weighting: 'none' },
      vintage: {
        referenceYear: null,
        latestBatchId: batch.id,
        latestBatchAt: now.toISOString(),
        source: DEMO_SOURCE,
      },
      result: {
        profile: null,
        dendrogram: null,
        excluded: [],
        notes: [
          'Synthetische Demo-Typen nach Siedlungsstruktur und SGB-II-Quote, nicht die IAB-Vergleichstypen. / Synthetic demo types by settlement structure and SGB II rate, not the IAB comparison types.',
        ],
        moves: [],
      },
      quality: null,
      createdBy: 'demo',
      createdByUserId: null,
      at: now,
      groups: demo.comparisonTypes.map((type) => ({
        code: type.code,
        name: type.name,
        organisationIds: type.members.map((index) => orgIds[index]!),
      })),
    })

    if (!options.isWithoutAccounts) await createDemoAccounts(tx.db, { now })
    await createDemoPractices(tx.db, { demo, orgIds, ringIds, networkId, seed: options.seed ?? 2012, now })
    await createDemoBenchlearning(tx.db, { now })

    const indicatorIds = new Map((await listIndicators(tx.db)).map((i) => [i.code, i.id]))
    await tx.copyCsv(
      'observation',
      OBSERVATION_COPY_COLUMNS,
      observationCsv(demo, orgIds, indicatorIds, batch.id, now),
    )
    return {
      summary: {
        organisations: orgIds.length,
        rings: demo.rings.length,
        values: demo.observations.count,
        firstMonth: demo.firstMonth,
        lastMonth: demo.lastMonth,
      },
      collectionRing: demoMemberRing(demo, orgIds, ringIds),
    }
  })
  // After the network is committed: collections are written through their own use cases.
  if (written.collectionRing) await createDemoCollections(database, { now, ...written.collectionRing })
  return written.summary
}

/** The ring of the demo member organisation (the demo accounts' KCA), for the demo collections. */
function demoMemberRing(demo: DemoNetwork, orgIds: number[], ringIds: number[]) {
  const memberIndex = demo.organisations.findIndex((o) => o.areas.some((a) => a.ags5 === DEMO_MEMBER_AGS))
  const ringIndex = demo.rings.findIndex((r) => r.members.includes(memberIndex))
  if (memberIndex === -1 || ringIndex === -1) return null
  return {
    ringId: ringIds[ringIndex]!,
    memberIds: demo.rings[ringIndex]!.members.map((index) => orgIds[index]!),
    demoMemberId: orgIds[memberIndex]!,
  }
}

function* observationCsv(
  demo: DemoNetwork,
  orgIds: number[],
  indicatorIds: Map<string, number>,
  batchId: number,
  now: Date,
): Generator<string> {
  const o = demo.observations
  const ids = o.indicatorCodes.map((code) => {
    const id = indicatorIds.get(code)
    if (id === undefined)
      throw new Error(`demo generator uses an indicator missing from the catalogue: ${code}`)
    return id
  })
  const recordedAt = now.toISOString()
  const lastMonthIndex = Number(demo.lastMonth.slice(0, 4)) * 12 + Number(demo.lastMonth.slice(5, 7)) - 1
  const periodDays = new Map<number, string>()
  const dayOf = (period: number, isMonthly: boolean) => {
    const key = isMonthly ? period : -period
    let day = periodDays.get(key)
    if (!day) {
      day = isMonthly ? `${formatPeriod(monthFromIndex(period))}-01` : `${period}-01-01`
      periodDays.set(key, day)
    }
    return day
  }
  const chunk = 20_000
  for (let start = 0; start < o.count; start += chunk) {
    const lines: string[] = []
    for (let i = start; i < Math.min(start + chunk, o.count); i++) {
      const isMonthly = o.indicatorFrequencies[o.indicator[i]!] === 'monthly'
      const reason = DEMO_MISSING_REASONS[o.missingReason[i]!]
      const value = reason ? '' : String(o.value[i])
      const status = isMonthly && lastMonthIndex - o.period[i]! < PROVISIONAL_MONTHS ? 'provisional' : 'final'
      lines.push(
        `${orgIds[o.orgIndex[i]!]},${ids[o.indicator[i]!]},${dayOf(o.period[i]!, isMonthly)},${DEMO_BREAKDOWNS[o.breakdown[i]!]},1,${value},${reason ?? ''},${status},${batchId},${recordedAt},true\n`,
      )
    }
    yield lines.join('')
  }
}
