import type { CollectionDto } from '../../contracts/collections'
import {
  canFillCollectionForm,
  canManageCollection,
  ownCollectionOrganisation,
  type Viewer,
} from '../../core/permissions'
import type { CollectionIndicatorRow } from './collection.repository'
import type { LoadedCollection } from './load-collection'

export function toIndicatorDto(i: CollectionIndicatorRow) {
  return {
    code: i.code,
    nameDe: i.nameDe,
    nameEn: i.nameEn,
    unit: i.unit,
    definitionDe: i.definitionDe,
    definitionEn: i.definitionEn,
    allowedMin: i.allowedMin,
    allowedMax: i.allowedMax,
    polarity: i.polarity,
    breakdowns: i.breakdowns,
    figureCode: i.figureCode,
  }
}

/** A collection as the caller sees it: counts of the whole, details of their own organisation only. */
export function toCollectionDto(
  collection: LoadedCollection,
  options: { viewer: Viewer; today: string; rings: readonly { id: number; code: string; name: string }[] },
): CollectionDto {
  const { row, members, rules } = collection
  const ownId = ownCollectionOrganisation(options.viewer, rules)
  const own = ownId === null ? undefined : members.find((m) => m.organisationId === ownId)
  return {
    id: row.id,
    title: row.title,
    instructions: row.instructions,
    frequency: row.frequency,
    periods: row.periods,
    rings: options.rings.filter((r) => row.ringIds.includes(r.id)),
    isNetworkWide: row.ringIds.length === 0,
    deadline: row.deadline,
    status: row.status,
    isOverdue: row.status === 'open' && row.deadline < options.today,
    isResultsForDeliverersOnly: row.isResultsForDeliverersOnly,
    changeThresholdPercent: row.changeThresholdPercent,
    indicators: collection.indicators.map(toIndicatorDto),
    organisationCount: members.length,
    submittedCount: members.filter((m) => m.status === 'submitted').length,
    closedAt: row.closedAt?.toISOString() ?? null,
    isDemo: row.isDemo,
    own: own
      ? {
          organisationId: own.organisationId,
          status: own.status,
          submittedAt: own.submittedAt?.toISOString() ?? null,
          remindedAt: own.remindedAt?.toISOString() ?? null,
        }
      : null,
    canManage: canManageCollection(options.viewer, rules),
    canFill: row.status === 'open' && ownId !== null && canFillCollectionForm(options.viewer, rules, ownId),
  }
}
