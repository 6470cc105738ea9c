/**
 * The results of a closed collection under the confidentiality rules: each organisation the caller
 * may see by name or pseudonym with its value; organisations outside their view only pooled into a
 * mean over at least five (core/permissions/disclosure.ts), never with an order statistic.
 */
import type { Kysely } from 'kysely'
import type { CollectionResultsDto } from '../../contracts/collections'
import { conflict, isAppError } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { computeQuantile } from '../../core/kpi/group-stats'
import {
  canManageCollection,
  MIN_AGGREGATE_SIZE,
  ownCollectionOrganisation,
  planFamilyDisclosure,
  type Viewer,
} from '../../core/permissions'
import { orderAsSeen } from '../../core/pseudonymity/order-as-seen'
import { cellKey } from '../../core/plausibility/collection-checks'
import type { DB } from '../../db/schema'
import { loadConfidentiality } from '../networks/load-confidentiality'
import { findCollectionIdsForFigure, listClosedCollectionIds, listEntries } from './collection.repository'
import { toIndicatorDto } from './collection-dto'
import { loadCollection, type LoadedCollection } from './load-collection'

type ResultMember = CollectionResultsDto['indicators'][number]['cells'][number]['members'][number]

function statistics(values: readonly number[]) {
  if (values.length < MIN_AGGREGATE_SIZE) return { mean: null, median: null, min: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  return {
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median: computeQuantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  }
}

async function buildResults(
  db: Kysely<DB>,
  collection: LoadedCollection,
  options: { viewer: Viewer; today: string; figureCode?: string },
): Promise<CollectionResultsDto> {
  const { viewer } = options
  const { row } = collection
  if (row.status !== 'closed' || !row.closedAt)
    throw conflict(message('collection.resultsWhenClosed', { collectionId: row.id }))
  const submitted = new Set(
    collection.members.filter((m) => m.status === 'submitted').map((m) => m.organisationId),
  )
  const ownId = ownCollectionOrganisation(viewer, collection.rules)
  const isRestricted =
    row.isResultsForDeliverersOnly &&
    viewer.role !== 'admin' &&
    !canManageCollection(viewer, collection.rules) &&
    (ownId === null || !submitted.has(ownId))
  const confidentiality = await loadConfidentiality(db, options.today)
  const names = new Map(collection.members.map((m) => [m.organisationId, m.name]))
  const label = (id: number): ResultMember['organisation'] | null => {
    const visibility = confidentiality.visibilityOf(viewer, id)
    if (isRestricted && id !== ownId) return null
    if (visibility === 'full' || visibility === 'named')
      return { id, name: names.get(id) ?? `#${id}`, kind: 'named' }
    const pseudonym = visibility === 'pseudonymised' ? confidentiality.pseudonymFor(viewer, id) : undefined
    return pseudonym ? { id: pseudonym.id, name: pseudonym.name, kind: 'pseudonymised' } : null
  }
  const codeOf = new Map(collection.indicators.map((i) => [i.id, i.code]))
  const values = new Map<string, Map<number, number>>()
  for (const e of await listEntries(db, { collectionId: row.id, organisationIds: [...submitted] })) {
    if (e.value === null) continue
    const key = cellKey({ indicator: codeOf.get(e.indicatorId)!, period: e.period, breakdown: e.breakdown })
    if (!values.has(key)) values.set(key, new Map())
    values.get(key)!.set(e.organisationId, e.value)
  }
  const indicators = collection.indicators.filter(
    (i) => !options.figureCode || i.figureCode === options.figureCode,
  )
  return {
    collectionId: row.id,
    title: row.title,
    closedAt: row.closedAt.toISOString(),
    isRestricted,
    indicators: indicators.map((indicator) => ({
      ...toIndicatorDto(indicator),
      cells: row.periods.flatMap((period) =>
        indicator.breakdowns.map((breakdown) => {
          const delivered =
            values.get(cellKey({ indicator: indicator.code, period, breakdown })) ?? new Map<number, number>()
          const members: ResultMember[] = []
          const hidden: number[] = []
          for (const [id, value] of delivered) {
            const organisation = label(id)
            if (organisation) members.push({ organisation, value, isOwn: id === ownId })
            else hidden.push(id)
          }
          // A closed collection is complete: nobody delivers later, so nothing hidden is pending.
          const decision = isRestricted
            ? { level: 'visible_only' as const, reason: 'not_delivered', hiddenCount: hidden.length }
            : planFamilyDisclosure([{ key: 'collection', hiddenWithValue: hidden, hiddenPending: [] }]).get(
                'collection',
              )!
          const visibleValues = members.map((m) => m.value)
          const pooled =
            decision.level === 'mean_only'
              ? [...visibleValues, ...hidden.map((id) => delivered.get(id)!)]
              : visibleValues
          const stats = statistics(pooled)
          return {
            period,
            breakdown,
            organisationCount: pooled.length,
            ...(decision.level === 'mean_only' ? { ...stats, median: null, min: null, max: null } : stats),
            disclosure: { level: decision.level, reason: decision.reason, hiddenCount: decision.hiddenCount },
            members: orderAsSeen(members, (m) => m.organisation.name),
          }
        }),
      ),
    })),
  }
}

export async function readCollectionResults(
  db: Kysely<DB>,
  options: { viewer: Viewer; collectionId: number; today: string },
): Promise<CollectionResultsDto> {
  const collection = await loadCollection(db, { viewer: options.viewer, id: options.collectionId })
  return buildResults(db, collection, options)
}

/**
 * Results of the closed collections the caller may see whose indicators belong with a key figure
 * (for the figure page), or that asked a ring (for the ring's meeting pack), newest first.
 */
export async function listClosedCollectionResults(
  db: Kysely<DB>,
  options: { viewer: Viewer; today: string; figureCode?: string; ringId?: number; closedSince?: Date },
): Promise<CollectionResultsDto[]> {
  const ids = options.figureCode
    ? await findCollectionIdsForFigure(db, options.figureCode)
    : await listClosedCollectionIds(db)
  const results: CollectionResultsDto[] = []
  for (const id of ids) {
    let collection: LoadedCollection
    try {
      collection = await loadCollection(db, { viewer: options.viewer, id })
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') continue
      throw error
    }
    const { row } = collection
    if (row.status !== 'closed') continue
    if (options.ringId !== undefined && row.ringIds.length > 0 && !row.ringIds.includes(options.ringId))
      continue
    if (options.closedSince && row.closedAt! < options.closedSince) continue
    results.push(await buildResults(db, collection, options))
  }
  return results.sort((a, b) => b.closedAt.localeCompare(a.closedAt))
}
