import type { Kysely } from 'kysely'
import type { CollectionFormDto } from '../../contracts/collections'
import { notFound } from '../../core/errors/app-error'
import { message } from '../../core/messages/text'
import { canFillCollectionForm, canReadCollectionForm, type Viewer } from '../../core/permissions'
import type { DB } from '../../db/schema'
import {
  findingsFor,
  formCells,
  loadCheckFacts,
  uncommentedWarnings,
  type CheckFacts,
} from './check-collection-form'
import { findMember, loadCollection, type LoadedCollection } from './load-collection'

/**
 * The organisation's form may be read by its own people and the collection's managers; anybody
 * else is told that it does not exist (a member learns nothing of another member's form).
 */
export function requireReadableForm(
  viewer: Viewer,
  collection: LoadedCollection,
  organisationId: number,
): void {
  if (!canReadCollectionForm(viewer, collection.rules, organisationId))
    throw notFound(message('collection.noForm', { organisationId, collectionId: collection.row.id }))
}

/** The form with its cells (previous values for reference) and the findings of the checks. */
export function toFormDto(
  facts: CheckFacts,
  options: { viewer: Viewer; organisationId: number },
): CollectionFormDto {
  const { collection } = facts
  const member = findMember(collection, options.organisationId)
  const cells = formCells(facts, options.organisationId)
  const findings = findingsFor(facts, options.organisationId, cells)
  return {
    collectionId: collection.row.id,
    organisation: { id: member.organisationId, name: member.name },
    status: member.status,
    submittedAt: member.submittedAt?.toISOString() ?? null,
    remindedAt: member.remindedAt?.toISOString() ?? null,
    isEditable:
      collection.row.status === 'open' &&
      member.status !== 'submitted' &&
      canFillCollectionForm(options.viewer, collection.rules, options.organisationId),
    cells,
    findings,
    uncommentedWarnings: uncommentedWarnings(findings, cells).length,
    errors: findings.filter((f) => f.severity === 'error').length,
  }
}

export async function readCollectionForm(
  db: Kysely<DB>,
  options: { viewer: Viewer; collectionId: number; organisationId: number },
): Promise<CollectionFormDto> {
  const collection = await loadCollection(db, { viewer: options.viewer, id: options.collectionId })
  requireReadableForm(options.viewer, collection, options.organisationId)
  return toFormDto(await loadCheckFacts(db, collection), options)
}
