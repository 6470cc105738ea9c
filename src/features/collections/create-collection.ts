import type { WriteCaller } from '../../core/accounts/account'
import type { CreateCollectionRequest } from '../../contracts/collections'
import { conflict, detail, forbidden, invalidInput, type ErrorDetail } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canManageCollection } from '../../core/permissions'
import { parsePeriod } from '../../core/periods/period'
import { implausiblePeriodMessage } from '../../core/plausibility/plausible-values'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import {
  findIndicatorsByCode,
  findNetworkOrganisationIds,
  findRingOrganisationIds,
  findRings,
  insertCollection,
  insertCollectionIndicators,
  insertCollectionMembers,
  insertOwnIndicator,
} from './collection.repository'
import { isoDate } from '../../core/periods/dates'

/**
 * Defines a data collection: its own indicators (new ones are added to the catalogue), periods,
 * the organisations asked (the rings' members on the day, or the whole network's) and a deadline.
 */
export async function createCollection(
  database: Database,
  options: WriteCaller & {
    request: CreateCollectionRequest
    isDemo?: boolean
  },
): Promise<number> {
  const { request, viewer, now } = options
  const ringIds = [...new Set(request.ringIds)]
  if (!canManageCollection(viewer, { ringIds }))
    throw forbidden(
      ringIds.length === 0 ? message('collection.wholeNetworkManagers') : message('collection.ownRingsOnly'),
    )
  const today = isoDate(now)
  const details: ErrorDetail[] = []
  for (const [i, text] of request.periods.entries()) {
    const period = parsePeriod(text)
    if (!period || period.frequency !== request.frequency) {
      details.push(
        detail(
          message(request.frequency === 'yearly' ? 'collection.expectedYear' : 'collection.expectedMonth'),
          {
            field: `periods[${i}]`,
            value: text,
          },
        ),
      )
      continue
    }
    const implausible = implausiblePeriodMessage(
      { code: 'collection', kind: 'raw', frequency: request.frequency, unit: '' },
      period,
      now,
    )
    if (implausible) details.push(detail(implausible, { field: `periods[${i}]`, value: text }))
  }
  if (new Set(request.periods).size !== request.periods.length)
    details.push(detail(message('collection.periodTwice'), { field: 'periods' }))
  const codes = request.indicators.map((i) => i.code)
  if (new Set(codes).size !== codes.length)
    details.push(detail(message('collection.indicatorTwice'), { field: 'indicators' }))
  const existing = new Map((await findIndicatorsByCode(database.db, codes)).map((i) => [i.code, i]))
  for (const [i, item] of request.indicators.entries()) {
    const known = existing.get(item.code)
    const field = `indicators[${i}].code`
    if (item.definition && known)
      details.push(
        detail(message('collection.indicatorExists', { code: item.code }), { field, value: item.code }),
      )
    else if (!item.definition && !known)
      details.push(
        detail(message('collection.indicatorUnknown', { code: item.code }), { field, value: item.code }),
      )
    else if (known && !known.is_own)
      details.push(
        detail(message('collection.officialSeries', { code: item.code }), { field, value: item.code }),
      )
    else if (known && known.frequency !== request.frequency)
      details.push(
        detail(
          message(
            known.frequency === 'monthly'
              ? 'collection.frequencyMonthlyYearly'
              : 'collection.frequencyYearlyMonthly',
            { code: item.code },
          ),
          { field, value: item.code },
        ),
      )
  }
  const rings = await findRings(database.db, ringIds)
  for (const id of ringIds)
    if (!rings.some((r) => r.id === id))
      details.push(detail(message('collection.noRing', { id }), { field: 'ringIds', value: String(id) }))
  if (details.length > 0)
    throw invalidInput(message('collection.cannotDefine', { n: details.length }), details)

  return database.transaction(async (tx) => {
    const organisationIds =
      ringIds.length === 0
        ? await findNetworkOrganisationIds(tx.db, today)
        : await findRingOrganisationIds(tx.db, { ringIds, at: today })
    if (organisationIds.length === 0) throw conflict(message('collection.ringsWithoutMembers'))
    const indicators: { indicatorId: number; figureCode: string | null }[] = []
    for (const item of request.indicators) {
      const indicatorId = item.definition
        ? await insertOwnIndicator(tx.db, {
            code: item.code,
            frequency: request.frequency,
            ...item.definition,
          })
        : existing.get(item.code)!.id
      indicators.push({ indicatorId, figureCode: item.figureCode })
    }
    const id = await insertCollection(tx.db, {
      title: request.title,
      instructions: request.instructions,
      frequency: request.frequency,
      periods: [...request.periods].sort(),
      ringIds,
      deadline: request.deadline,
      isResultsForDeliverersOnly: request.isResultsForDeliverersOnly,
      changeThresholdPercent: request.changeThresholdPercent,
      createdAt: now,
      createdByUserId: options.actor.userId,
      isDemo: options.isDemo ?? false,
    })
    await insertCollectionIndicators(tx.db, id, indicators)
    await insertCollectionMembers(tx.db, id, organisationIds)
    await recordAudit(tx.db, {
      actor: options.actor,
      action: 'collection.create',
      entity: 'data_collection',
      entityId: id,
      after: { ...request, organisationIds },
      at: now,
    })
    return id
  })
}
