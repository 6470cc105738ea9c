/**
 * Demo data collections (labelled synthetic): a closed one with results, and one in progress in
 * which most of the demo member's ring submitted, one member commented a warning, one saved only a
 * draft and one is late and was reminded. Written through the feature's own use cases, so the
 * closed one's values are observations like any collection's.
 */
import type { Viewer } from '../../core/permissions'
import type { Database } from '../../db/connect'
import { closeCollection } from '../collections/close-collection'
import { createCollection } from '../collections/create-collection'
import { remindCollectionMembers } from '../collections/remind-collection-members'
import { saveCollectionForm } from '../collections/save-collection-form'
import { submitCollectionForm } from '../collections/submit-collection-form'

const ADMIN: Viewer = { userId: 0, role: 'admin', organisationId: null, ringIds: [], moderatedRingIds: 'all' }
const actor = { userId: null, label: 'demo' }
const NOTE =
  'Demo: synthetische Werte, keine echte Erhebung. / Demo: synthetic values, not a real data collection.'

const INDICATORS = [
  {
    code: 'demo_caseload_per_staff',
    figureCode: 'K2',
    definition: {
      nameDe: 'Bedarfsgemeinschaften je Integrationsfachkraft',
      nameEn: 'Households per integration caseworker',
      unit: 'BG/VZÄ',
      definitionDe: 'Bedarfsgemeinschaften am 31.12. je Vollzeitäquivalent in der Integrationsarbeit (Demo).',
      definitionEn: 'Households on 31 December per full-time equivalent in integration work (demo).',
      allowedMin: 20,
      allowedMax: 400,
      polarity: 'lower_is_better' as const,
      breakdowns: ['total'],
    },
  },
  {
    code: 'demo_processing_days',
    figureCode: null,
    definition: {
      nameDe: 'Bearbeitungsdauer Erstanträge (Tage)',
      nameEn: 'Processing time of first applications (days)',
      unit: 'Tage',
      definitionDe: 'Mittlere Tage vom vollständigen Erstantrag bis zum Bescheid (Demo).',
      definitionEn: 'Mean days from a complete first application to the decision (demo).',
      allowedMin: 0,
      allowedMax: 180,
      polarity: 'lower_is_better' as const,
      breakdowns: ['total'],
    },
  },
]

const caseload = (index: number, year: number) => 110 + ((index * 17 + year) % 45)
const days = (index: number, year: number) => 14 + ((index * 5 + year) % 12)

export async function createDemoCollections(
  database: Database,
  options: { now: Date; ringId: number; memberIds: readonly number[]; demoMemberId: number },
): Promise<void> {
  const { now } = options
  const year = now.getUTCFullYear()
  // Every step of the demo collections is the administrator's, at the demo's clock.
  const asAdmin = { viewer: ADMIN, actor, now }
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
  const define = (title: string, period: number, deadline: string, isFirst: boolean) =>
    createCollection(database, {
      ...asAdmin,
      isDemo: true,
      request: {
        title,
        instructions: `${NOTE}\nStichtag 31.12.; Vollzeitäquivalente laut Stellenplan.`,
        frequency: 'yearly',
        periods: [String(period)],
        ringIds: [options.ringId],
        deadline,
        isResultsForDeliverersOnly: true,
        changeThresholdPercent: 30,
        indicators: INDICATORS.map((i) => (isFirst ? i : { code: i.code, figureCode: i.figureCode })),
      },
    })
  const fill = (
    collectionId: number,
    organisationId: number,
    values: [number | null, number | null],
    comment = '',
  ) =>
    saveCollectionForm(database, {
      ...asAdmin,
      collectionId,
      organisationId,
      request: {
        organisationId,
        cells: INDICATORS.map((indicator, n) => ({
          indicator: indicator.code,
          period: String(collectionPeriod.get(collectionId)),
          breakdown: 'total',
          value: values[n]!,
          comment: n === 0 || comment === 'Demo' ? comment : '',
        })),
      },
    })
  const submit = (collectionId: number, organisationId: number) =>
    submitCollectionForm(database, { ...asAdmin, collectionId, organisationId })
  const collectionPeriod = new Map<number, number>()

  const closedId = await define(
    `Demo-Erhebung Personal und Bearbeitung ${year - 2}`,
    year - 2,
    day(-300),
    true,
  )
  collectionPeriod.set(closedId, year - 2)
  for (const [index, id] of options.memberIds.entries()) {
    await fill(closedId, id, [caseload(index, year - 2), days(index, year - 2)], 'Demo')
    await submit(closedId, id)
  }
  // Key figures: computed by whoever loads the demo (the batch stays marked pending until then).
  await closeCollection(database, {
    ...asAdmin,
    collectionId: closedId,
    isComputingFigures: false,
  })

  const openId = await define(`Demo-Erhebung Personal und Bearbeitung ${year - 1}`, year - 1, day(-3), false)
  collectionPeriod.set(openId, year - 1)
  const others = options.memberIds.filter((id) => id !== options.demoMemberId)
  const [draftId, lateId] = [others[0]!, others[1]!]
  for (const [index, id] of options.memberIds.entries()) {
    if (id === lateId) continue
    if (id === options.demoMemberId) {
      // Far below the year before: a warning the member explains.
      await fill(
        openId,
        id,
        [Math.round(caseload(index, year - 2) * 0.6), days(index, year - 2) + 1],
        'Zwölf neue Fachkräfte seit Juli; Stellenplan verdoppelt im Bereich U25.',
      )
      await submit(openId, id)
    } else if (id === draftId) {
      await fill(openId, id, [caseload(index, year - 2) - 2, null])
    } else {
      await fill(openId, id, [caseload(index, year - 2) + 3, days(index, year - 2) + 1], 'Demo')
      await submit(openId, id)
    }
  }
  await remindCollectionMembers(database, {
    ...asAdmin,
    collectionId: openId,
    organisationIds: [lateId],
  })
}
