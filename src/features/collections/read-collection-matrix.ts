import type { Kysely } from 'kysely'
import type { CollectionMatrixDto } from '../../contracts/collections'
import { forbidden } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canManageCollection, type Viewer } from '../../core/permissions'
import { cellKey } from '../../core/plausibility/collection-checks'
import type { DB } from '../../db/schema'
import { findingsFor, formCells, loadCheckFacts } from './check-collection-form'
import { loadCollection, type LoadedCollection } from './load-collection'

/** Only the collection's managers see every organisation's state. */
export function requireManager(viewer: Viewer, collection: LoadedCollection): void {
  if (!canManageCollection(viewer, collection.rules)) throw forbidden(message('collection.onlyModerators'))
}

/**
 * The completion matrix: organisation × indicator, each cell missing, draft, submitted, with
 * warnings or commented (the worst over the indicator's periods and breakdowns), with the warnings
 * and the members' comments for the moderator to read.
 */
export async function readCollectionMatrix(
  db: Kysely<DB>,
  options: { viewer: Viewer; collectionId: number },
): Promise<CollectionMatrixDto> {
  const collection = await loadCollection(db, { viewer: options.viewer, id: options.collectionId })
  requireManager(options.viewer, collection)
  const facts = await loadCheckFacts(db, collection)
  return {
    collectionId: collection.row.id,
    indicators: collection.indicators.map((i) => i.code),
    rows: collection.members.map((member) => {
      const cells = formCells(facts, member.organisationId)
      const findings = findingsFor(facts, member.organisationId, cells)
      const comments = new Map(cells.map((c) => [cellKey(c), c.comment.trim()]))
      const warnings = findings
        .filter((f) => f.severity === 'warning')
        .map((f) => ({ ...f, comment: comments.get(cellKey(f)) ?? '' }))
      return {
        organisation: { id: member.organisationId, name: member.name },
        status: member.status,
        submittedAt: member.submittedAt?.toISOString() ?? null,
        remindedAt: member.remindedAt?.toISOString() ?? null,
        cells: collection.indicators.map((indicator) => {
          const own = cells.filter((c) => c.indicator === indicator.code)
          const ownWarnings = warnings.filter((w) => w.indicator === indicator.code)
          const isEmpty = own.every((c) => c.value === null && c.comment === '')
          const state = ownWarnings.some((w) => w.comment === '')
            ? ('warning' as const)
            : ownWarnings.length > 0
              ? ('commented' as const)
              : isEmpty
                ? ('missing' as const)
                : member.status === 'submitted'
                  ? ('submitted' as const)
                  : ('draft' as const)
          return { indicator: indicator.code, state }
        }),
        warnings,
      }
    }),
  }
}
