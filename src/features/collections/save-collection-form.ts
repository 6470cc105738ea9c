import type { WriteCaller } from '../../core/accounts/account'
import type { CollectionFormDto, SaveCollectionFormRequest } from '../../contracts/collections'
import { conflict, detail, forbidden, invalidInput, type ErrorDetail } from '../../core/errors/app-error'
import { message, type Message } from '../../core/messages/text'
import { canFillCollectionForm } from '../../core/permissions'
import { cellKey, checkRange } from '../../core/plausibility/collection-checks'
import type { Database } from '../../db/connect'
import { recordAudit } from '../audit/record-audit'
import { lockCollection, replaceEntries, updateMemberStatus, type EntryRow } from './collection.repository'
import { findMember, loadCollection, requireOpen, type LoadedCollection } from './load-collection'
import { readCollectionForm, requireReadableForm } from './read-collection-form'

/** Where a cell came from, for error messages: a form field or a row of an uploaded workbook. */
export type CellOrigin = (
  index: number,
  column: 'indicator' | 'period' | 'breakdown' | 'value',
) => Omit<ErrorDetail, 'message'>

const formField: CellOrigin = (index, column) => ({ field: `cells[${index}].${column}` })

export interface WriteFormOptions extends WriteCaller {
  collectionId: number
  organisationId: number
}

/** The collection, checked for a change of one organisation's form by this caller. */
export async function loadWritableForm(
  database: Database,
  options: WriteFormOptions,
): Promise<LoadedCollection> {
  const collection = await loadCollection(database.db, { viewer: options.viewer, id: options.collectionId })
  requireReadableForm(options.viewer, collection, options.organisationId)
  if (!canFillCollectionForm(options.viewer, collection.rules, options.organisationId))
    throw forbidden(message('collection.fillersOnly'))
  requireOpen(collection)
  if (findMember(collection, options.organisationId).status === 'submitted')
    throw conflict(message('collection.submitted'))
  return collection
}

/**
 * Saves an organisation's form as a draft (the whole form: cells left out are empty). Values that
 * cannot be true (out of the allowed range, negative counts) are refused with the cell named;
 * warnings are kept and shown until they are corrected or commented.
 */
export async function saveCollectionForm(
  database: Database,
  options: WriteFormOptions & { request: SaveCollectionFormRequest; origin?: CellOrigin; action?: string },
): Promise<CollectionFormDto> {
  const collection = await loadWritableForm(database, options)
  const origin = options.origin ?? formField
  const indicators = new Map(collection.indicators.map((i) => [i.code, i]))
  const periods = new Set(collection.row.periods)
  const details: ErrorDetail[] = []
  const seen = new Set<string>()
  const entries: Omit<EntryRow, 'organisationId'>[] = []
  for (const [index, cell] of options.request.cells.entries()) {
    const indicator = indicators.get(cell.indicator)
    const problem = (column: Parameters<CellOrigin>[1], value: string, text: Message) =>
      details.push(detail(text, { ...origin(index, column), value }))
    if (!indicator) {
      problem(
        'indicator',
        cell.indicator,
        message('collection.notAnIndicator', { codes: [...indicators.keys()].join(', ') }),
      )
      continue
    }
    if (!periods.has(cell.period)) {
      problem(
        'period',
        cell.period,
        message('collection.notAPeriod', { periods: collection.row.periods.join(', ') }),
      )
      continue
    }
    if (!indicator.breakdowns.includes(cell.breakdown)) {
      problem(
        'breakdown',
        cell.breakdown,
        message('collection.breakdowns', {
          code: indicator.code,
          breakdowns: indicator.breakdowns.join(', '),
        }),
      )
      continue
    }
    const key = cellKey(cell)
    if (seen.has(key)) {
      problem(
        'indicator',
        cell.indicator,
        message('collection.cellTwice', {
          code: cell.indicator,
          period: cell.period,
          breakdown: cell.breakdown,
        }),
      )
      continue
    }
    seen.add(key)
    const range = cell.value === null ? null : checkRange(indicator, cell.value)
    if (range) {
      problem('value', String(cell.value), range.text)
      continue
    }
    if (cell.value === null && cell.comment.trim() === '') continue
    entries.push({
      indicatorId: indicator.id,
      period: cell.period,
      breakdown: cell.breakdown,
      value: cell.value,
      comment: cell.comment.trim(),
    })
  }
  if (details.length > 0)
    throw invalidInput(message('collection.valuesRefused', { n: details.length }), details)
  await database.transaction(async (tx) => {
    await lockCollection(tx.db, collection.row.id)
    await replaceEntries(tx.db, { ...options, entries, userId: options.actor.userId })
    await updateMemberStatus(tx.db, { ...options, status: 'draft', at: options.now })
    await recordAudit(tx.db, {
      actor: options.actor,
      action: options.action ?? 'collection.form.save',
      entity: 'data_collection',
      entityId: collection.row.id,
      after: { organisationId: options.organisationId, cells: entries.length },
      at: options.now,
    })
  })
  return readCollectionForm(database.db, options)
}
